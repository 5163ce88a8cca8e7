#!/usr/bin/env python3
"""Rebuild set10/docs/*.txt from the raw search-result excerpts in raw/*.json.

Recipe (applied to each excerpt string, i.e. the JSON "excerpt" value of the
`search` result, corpus "pages", for the query recorded in index.tsv):
 1. U+00A0 (no-break space) -> U+0020; U+200B / U+FEFF removed (invisible in
    the tool display, so they could not be transcribed; no-op on our copies).
 2. split on "\n"; rstrip() every line (trailing whitespace removed).
 3. drop the first DROP_LEADING[id] lines (site chrome such as "Log in" or a
    date line printed *before* the headline), so that line 0 is the headline.
 4. tail: if the excerpt ends mid-word (TAIL[id] == "cut"), remove the trailing
    partial sentence of the last non-empty line, i.e. everything after the
    last sentence end ([.!?] optionally followed by closing quotes/brackets,
    then a space); if the line has no sentence end, the whole line is dropped.
    TAIL[id] == "keep": excerpt ends on a complete word, kept as is.
 5. trailing empty lines dropped; lines joined with "\n"; no final newline;
    written as UTF-8.
"""
import json, re, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
DROP_LEADING = {"01": 3, "03": 2, "13": 2}
TAIL = {"01": "cut", "02": "keep", "03": "cut", "04": "keep", "05": "cut",
        "06": "keep", "07": "cut", "08": "cut", "09": "cut", "10": "cut",
        "11": "cut", "12": "cut", "13": "cut", "14": "keep", "15": "keep"}
SENT_END = re.compile(r'[.!?][”"’\')\]]*(?= )')

def build(excerpt, did):
    t = excerpt.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = [l.rstrip() for l in t.split("\n")]
    lines = lines[DROP_LEADING.get(did, 0):]
    while lines and lines[-1] == "":
        lines.pop()
    if TAIL[did] == "cut":
        last = lines[-1]
        ends = [m.end() for m in SENT_END.finditer(last)]
        if ends:
            lines[-1] = last[:ends[-1]]
        else:
            lines.pop()
        while lines and lines[-1] == "":
            lines.pop()
    return "\n".join(lines)

def main():
    recs = []
    for f in sorted(glob.glob(os.path.join(HERE, "raw", "excerpts_part*.json"))):
        recs += json.load(open(f, encoding="utf-8"))
    for r in recs:
        text = build(r["excerpt"], r["id"])
        name = f'{r["id"]}_{r["slug"]}.txt'
        with open(os.path.join(HERE, "docs", name), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        print(name, len(text))

if __name__ == "__main__":
    main()
