"""Rebuild set11/docs/*.txt from the stored search excerpts in raw/NN.json.
Rule: split excerpt on "\n"; start at the headline line when the excerpt has site chrome before it
(START below; None = keep from the excerpt's first line); rstrip() every line; for excerpts cut mid-word
remove the trailing partial sentence (CUT below, removed from the end of the last line); drop trailing
empty lines; join with "\n" (no final newline)."""
import json, hashlib, os
SLUGS = {1:"err_kallas",2:"samoaobserver_tuilaepa",3:"taipeitimes_calvinwen",4:"vietnamnet_vuthanhtuanh",
 5:"ohmynews_hongseokhyun",6:"seoultimes_vershbow",7:"litnews_mickevicius",8:"elpais_mancera",
 9:"scmp_cyleung",10:"baltictimes_rinkevics",11:"belsat_levits",12:"chinadailyasia_cyleung",
 13:"asiaone_leehsienloong",14:"venezuelanalysis_maduro"}
START = {5:"'Tough Times Ahead Require U.S. Trust'", 6:'"Actions Not Words"',
 7:"Lithuania News Review - Henrikas Mickevičius 5 September 2011",
 9:"Q&A: CY Leung on what it takes to run Hong Kong",
 12:"Leung: HK needs to ‘sharpen’ its competitive edge"}
CUT = {3:" It has absorbed some of the bus takers and thus has been competing with oth",
 4:" While the opportunities are enormous, so are the accom",
 5:" If North Korea comes to the six-party talks, I think the U.S. will discuss things with a fai",
 9:" We learnt in th", 12:" But the situation is far from being ideal, par", 14:" They’re desperate, an"}
out = {}
for n, slug in SLUGS.items():
    d = json.load(open("raw/%02d.json" % n, encoding="utf-8"))
    lines = d["excerpt"].split("\n")
    if n in START:
        lines = lines[lines.index(START[n]):]   # first occurrence
    lines = [l.rstrip() for l in lines]
    if n in CUT:
        assert lines[-1].endswith(CUT[n]), n
        lines[-1] = lines[-1][: -len(CUT[n])].rstrip()
    while lines and lines[-1] == "":
        lines.pop()
    text = "\n".join(lines)
    fn = "%02d_%s.txt" % (n, slug)
    with open("docs/" + fn, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    out[n] = fn
print(json.dumps(out))
