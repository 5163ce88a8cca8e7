"""Rebuild a held-out set's texts from its stored search results (the recipe of sets 17 to 23).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title, query, rank and
excerpt (the JSON string exactly as the tool printed it). Steps, in order:
 1. drop a leading " date YYYY-MM[-DD] " metadata prefix;
 2. U+00A0 -> space, drop U+200B / U+FEFF;
 3. split on "\\n";
 4. START: for the docs listed there, drop the site chrome before the headline line (the first line
    equal to the given text);
 5. rstrip() every line (trailing spaces only; leading spaces and blank lines are kept);
 6. drop trailing empty lines;
 7. CUT docs (the excerpt ends inside a word): remove the partial last sentence of the last line; a
    sentence ends at [.!?] + optional closing quotes/brackets + a space; if the line has no sentence end,
    the whole line goes; then drop trailing empty lines again;
 8. join with "\\n", no final newline, write UTF-8.

Each set's `build_docs.py` holds its SLUGS, START and CUT tables and calls `main`:
    python3 build_docs.py [--dir SET_DIR]          writes docs/ and prints name, length, sha1
    python3 build_docs.py --check [--dir SET_DIR]  rebuilds in memory, compares with docs/ and index.tsv
(SET_DIR holds raw/, docs/ and index.tsv; by default the script's own folder.)
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys

SENT_END = re.compile(r'[.!?][\u201d\u2019"\')\]]*(?= )')
DATE_PREFIX = re.compile(r"^ date \d{4}-\d{2}(-\d{2})? ")


def build(folder: str, n: int, start: dict[int, str], cut: set[int]) -> str:
    """Document n's text from its stored excerpt."""
    with open(os.path.join(folder, "raw", "%02d.json" % n), encoding="utf-8") as f:
        excerpt = json.load(f)["excerpt"]
    excerpt = DATE_PREFIX.sub("", excerpt)
    excerpt = excerpt.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = excerpt.split("\n")
    if n in start:
        lines = lines[lines.index(start[n]):]
    lines = [line.rstrip() for line in lines]
    while lines and lines[-1] == "":
        lines.pop()
    if n in cut:
        ends = list(SENT_END.finditer(lines[-1]))
        if ends:
            lines[-1] = lines[-1][:ends[-1].end()]
        else:
            lines.pop()
        while lines and lines[-1] == "":
            lines.pop()
    return "\n".join(lines)


def index_sha1s(folder: str) -> dict[str, str]:
    with open(os.path.join(folder, "index.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    head = rows[0]
    return {row[head.index("file")]: row[head.index("sha1")] for row in rows[1:]}


def main(script: str, slugs: dict[int, str], start: dict[int, str], cut: set[int]) -> None:
    """Write (or with --check, compare) every document of the set whose build_docs.py is `script`."""
    args = sys.argv[1:]
    folder = args[args.index("--dir") + 1] if "--dir" in args else os.path.dirname(os.path.abspath(script))
    check = "--check" in args
    expected = index_sha1s(folder) if check else {}
    ok = True
    for n, slug in slugs.items():
        data = build(folder, n, start, cut).encode("utf-8")
        name, sha1 = "%02d_%s.txt" % (n, slug), hashlib.sha1(data).hexdigest()
        path = os.path.join(folder, "docs", name)
        if check:
            with open(path, "rb") as f:
                same = f.read() == data
            listed = expected.get(name) == sha1
            ok &= same and listed
            print(name, "bytes-equal" if same else "DIFFERENT", "index-sha1-ok" if listed else "INDEX-SHA1-MISMATCH")
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            print(name, len(data.decode("utf-8")), sha1)
    if check:
        print("ALL OK" if ok else "MISMATCH")
        sys.exit(0 if ok else 1)
