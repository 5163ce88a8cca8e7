"""Rebuild set20/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

Steps, in order (the same as set17-set19):
 1. drop a leading " date YYYY-MM[-DD] " metadata prefix (none of the 12 excerpts has one);
 2. U+00A0 -> space, drop U+200B / U+FEFF;
 3. split on "\n";
 4. START: for the docs listed in START, drop the site chrome before the headline line
    (the first line equal to the given text);
 5. rstrip() every line (trailing spaces only; leading spaces and blank lines are kept);
 6. drop trailing empty lines;
 7. CUT docs (the excerpt ends inside a word): remove the partial last sentence of the last line;
    a sentence ends at [.!?] + optional closing quotes/brackets + a space; if the line has no
    sentence end, the whole line goes; then drop trailing empty lines again;
 8. join with "\n", no final newline, write UTF-8.
Run:  python3 build_docs.py          (writes docs/ and prints name, length, sha1)
      python3 build_docs.py --check  (rebuilds in memory and compares with docs/ and index.tsv sha1)
"""
import hashlib, json, re, sys, os

HERE = os.path.dirname(os.path.abspath(__file__))

SLUGS = {
    1: "thedialogue_noboa_ecuador",
    2: "ekohotblog_uruguay_conservative_government",
    3: "totalcroatianews_recovery_programme_criticism",
    4: "theneweuropean_faroe_independence",
    5: "loopvanuatu_ambae_repatriation",
    6: "pncguam_whipps_palau_us_ties",
    7: "icelandmonitor_sveinsson_russia_sanctions",
    8: "trtworld_ivory_coast_election_observers",
    9: "wfdd_puerto_rico_debt_economist",
    10: "upr_rossello_interview",
    11: "investableuniverse_thordarson_interview",
    12: "frammentidistoria_kazakhstan_interview",
}
START = {
    1: "What Will Daniel Noboa\u2019s Presidency Mean for Ecuador?",
    2: "Uruguay ushers in first conservative government in 15 years",
    3: "Croatian Recovery and Resilience Programme Faces More Criticism",
    4: "Never mind Brexit, the 50,000 people of the Faroe Islands could be headed towards Faroexit, with full independence from independence from \u2018mother Denmark\u2019. STAN ABBOTT reports",
    10: "Puerto Rico Government Looking At Different Ways To Reduce $120 Billion Debt",
}
CUT = {1, 2, 8, 9, 11}
SENT_END = re.compile(r'[.!?][\u201d\u2019"\')\]]*(?= )')


def build(n):
    with open(os.path.join(HERE, "raw", "%02d.json" % n), encoding="utf-8") as f:
        d = json.load(f)
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


def main():
    check = "--check" in sys.argv
    ok = True
    index_sha1 = {}
    if check:
        with open(os.path.join(HERE, "index.tsv"), encoding="utf-8") as f:
            rows = [l.rstrip("\n").split("\t") for l in f]
        head = rows[0]
        for r in rows[1:]:
            index_sha1[r[head.index("file")]] = r[head.index("sha1")]
    for n, slug in SLUGS.items():
        text = build(n)
        data = text.encode("utf-8")
        fn = "%02d_%s.txt" % (n, slug)
        sha1 = hashlib.sha1(data).hexdigest()
        path = os.path.join(HERE, "docs", fn)
        if check:
            with open(path, "rb") as f:
                same = f.read() == data
            idx = index_sha1.get(fn) == sha1
            ok &= same and idx
            print(fn, "bytes-equal" if same else "DIFFERENT", "index-sha1-ok" if idx else "INDEX-SHA1-MISMATCH")
        else:
            with open(path, "wb") as f:
                f.write(data)
            print(fn, len(text), sha1)
    if check:
        print("ALL OK" if ok else "MISMATCH")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
