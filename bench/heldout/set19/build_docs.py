"""Rebuild set19/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

Steps, in order (the same as set17/set18):
 1. drop a leading " date YYYY-MM[-DD] " metadata prefix (none of the 14 excerpts has one);
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
    1: "antiguaobserver_incsr_analysts",
    2: "siyalumedia_eswatini_parties",
    3: "360mozambique_hidden_debts_economists",
    4: "salamwatandar_emirate_recognition",
    5: "turkmenpetroleum_german_expert_gas",
    6: "libyaupdate_albayoudi_dbeibah",
    7: "borneobulletin_anwar_visit",
    8: "cookislandsnews_brown_seabed",
    9: "sermitsiaq_nielsen_self_determination",
    10: "iomtoday_cannan_dismissal_calls",
    11: "iwacu_rwasa_interview",
    12: "bvibeacon_rankin_exit_interview",
    13: "curacaochronicle_hodge_interview",
    14: "monacotribune_prince_albert_interview",
}
START = {
    4: "Analysts see long way ahead for the Taliban\u2019s Islamic Emirate to earn recognition",
    8: "Brown talks up wealth from ocean floor",
    11: "Agathon Rwasa: \u201cI am in danger\u201d",
    13: "Curacao Prime Minister: Hard action against perpetrators",
    14: "For Prince Albert II, \u201cMonaco has its place in the concert of nations\u201d",
}
CUT = {5, 6, 7, 8, 9, 10, 14}
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
