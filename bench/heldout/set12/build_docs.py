"""Rebuild set12/docs/*.txt from the stored search excerpts in raw/NN.json (see NOTES.md).
Steps: (1) drop a leading " date YYYY-MM[-DD] " metadata prefix (docs 08, 13); (2) U+00A0 -> space,
drop U+200B/U+FEFF (no-op on our copies); (3) split on "\n"; (4) START: drop site chrome before the
headline line (doc 09 only); (5) rstrip() every line; (6) CUT docs (excerpt ends inside a word): remove
the partial last sentence of the last line (a sentence ends at [.!?] + optional closing quotes/brackets
+ space); if that line has no sentence end, drop the whole line; (7) drop trailing empty lines; join
with "\n", no final newline, UTF-8."""
import json, re, sys
SLUGS = {1:"n24gambia_senegal_elections", 2:"cphpost_minkgate", 3:"ekathimerini_mitsotakis_donohoe",
 4:"thenationalpng_sue_postcourier", 5:"helsinkitimes_rydman", 6:"barbadostoday_mottley",
 7:"norwaytoday_tangen", 8:"newsdaytt_economists_budget", 9:"incyprus_economic_society",
 10:"slovakspectator_analysts", 11:"timesofmalta_economists_budget", 12:"uppsala_sweden_democrats",
 13:"vlastkz_tenge_experts", 14:"icenews_zoega", 15:"newsmn_discover_mongolia"}
START = {9: "Cyprus Economic Society: Clouds gathering over the economy"}
CUT = {2, 4, 5, 6, 9, 10, 13, 14, 15}
SENT_END = re.compile(r'[.!?][”’"\')\]]*(?= )')
def build(n):
    d = json.load(open("raw/%02d.json" % n, encoding="utf-8"))
    ex = d["excerpt"]
    ex = re.sub(r'^ date \d{4}-\d{2}(-\d{2})? ', '', ex)
    ex = ex.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = ex.split("\n")
    if n in START:
        lines = lines[lines.index(START[n]):]
    lines = [l.rstrip() for l in lines]
    while lines and lines[-1] == "":
        lines.pop()
    if n in CUT:
        last = lines[-1]
        ends = list(SENT_END.finditer(last))
        if ends:
            lines[-1] = last[:ends[-1].end()]
        else:
            lines.pop()
        while lines and lines[-1] == "":
            lines.pop()
    return "\n".join(lines)
out = {}
for n, slug in SLUGS.items():
    text = build(n)
    fn = "%02d_%s.txt" % (n, slug)
    with open("docs/" + fn, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    out[n] = (fn, len(text))
for n, v in out.items(): print(n, *v)
