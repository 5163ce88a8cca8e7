#!/usr/bin/env python3
"""Rebuild set16/docs/*.txt from the saved search results in raw/NN.json.

Each raw/NN.json is one result of the `search` tool (corpus "pages"): the
"excerpt" value is the result's excerpt copied as a JSON string literal
(escapes included) exactly as the tool printed it; "title" is null because
no result carried a title field; "url", "query" and "rank" identify the
result. "id", "slug", "outlet", "country", "kind" are ours.

Recipe, applied to each excerpt string:
 1. U+00A0 (no-break space) -> U+0020; U+200B and U+FEFF removed. These are
    invisible in the tool's display, so a transcription cannot show them; the
    step makes a rebuild from the live result and from our copy give the
    same bytes.
 2. split on "\\n"; rstrip() every line (trailing whitespace removed; leading
    whitespace kept).
 3. drop the first DROP_LEADING[id] lines: site furniture printed before the
    article's headline, so that line 0 is the headline.
 4. trailing empty lines dropped.
 5. tail: TAIL[id] == "cut" when the excerpt ends in the middle of a word:
    the trailing partial sentence of the last line is removed, i.e. everything
    after the last sentence end ([.!?], optionally followed by closing quotes or
    brackets, then a space); if the line has no sentence end the whole line is
    dropped (then trailing empty lines dropped again).
    TAIL[id] == "keep": the excerpt ends on a complete word or the page ended;
    nothing removed.
 6. lines joined with "\\n", no final newline, written as UTF-8.

Usage: python3 build_docs.py          (writes docs/)
       python3 build_docs.py --check  (rebuilds in memory and compares with
                                       docs/ and with the sha1 in index.tsv)
"""
import glob
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

DROP_LEADING = {"01": 0, "02": 2, "03": 2, "04": 0, "05": 4, "06": 0, "07": 2,
                "08": 0, "09": 3, "10": 0, "11": 0, "12": 0, "13": 0, "14": 4}
TAIL = {"01": "keep", "02": "cut", "03": "keep", "04": "cut", "05": "cut",
        "06": "keep", "07": "keep", "08": "cut", "09": "cut", "10": "keep",
        "11": "keep", "12": "cut", "13": "keep", "14": "cut"}
SENT_END = re.compile(r'[.!?][”"’\')\]]*(?= )')


def build(excerpt, did):
    t = excerpt.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = [l.rstrip() for l in t.split("\n")]
    lines = lines[DROP_LEADING[did]:]
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


def records():
    return [json.load(open(f, encoding="utf-8"))
            for f in sorted(glob.glob(os.path.join(HERE, "raw", "[0-9][0-9].json")))]


def doc_name(r):
    return f'{r["id"]}_{r["slug"]}.txt'


def main():
    check = "--check" in sys.argv
    index_sha1 = {}
    idx = os.path.join(HERE, "index.tsv")
    if check and os.path.exists(idx):
        rows = [l.rstrip("\n").split("\t") for l in open(idx, encoding="utf-8")]
        head = rows[0]
        for row in rows[1:]:
            index_sha1[row[head.index("file")]] = row[head.index("sha1")]
    ok = True
    os.makedirs(os.path.join(HERE, "docs"), exist_ok=True)
    for r in records():
        data = build(r["excerpt"], r["id"]).encode("utf-8")
        name = doc_name(r)
        path = os.path.join(HERE, "docs", name)
        sha1 = hashlib.sha1(data).hexdigest()
        if check:
            same_file = os.path.exists(path) and open(path, "rb").read() == data
            same_idx = index_sha1.get(name) == sha1
            print(name, sha1, "docs:", "same" if same_file else "DIFFERENT",
                  "index.tsv:", "same" if same_idx else "DIFFERENT")
            ok &= same_file and same_idx
        else:
            with open(path, "wb") as fh:
                fh.write(data)
            print(name, len(data.decode("utf-8")), sha1)
    if check:
        print("ALL IDENTICAL" if ok else "MISMATCH")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
