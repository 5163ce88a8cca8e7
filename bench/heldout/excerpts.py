"""Rebuild a held-out set's texts from its stored search excerpts (the recipe of sets 13 to 15).

Each set's `build_docs.py` keeps its own docstring (the recipe in words) and two tables, and calls
`rebuild`: for each `raw/NN.json` (one `search` result, corpus "pages"), no-break spaces become spaces
and invisible marks go, every line is right-stripped, DROP_LEADING[id] lines of site furniture before
the headline go, and where TAIL[id] is "cut" the partial sentence the excerpt ends in goes too.
"""
from __future__ import annotations

import glob
import json
import os
import re

SENT_END = re.compile(r'[.!?][”"’\')\]]*(?= )')


def build(excerpt: str, drop_leading: int, tail: str) -> str:
    """One document's text from its excerpt."""
    text = excerpt.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")][drop_leading:]
    while lines and lines[-1] == "":
        lines.pop()
    if tail == "cut":
        ends = [m.end() for m in SENT_END.finditer(lines[-1])]
        if ends:
            lines[-1] = lines[-1][:ends[-1]]
        else:
            lines.pop()
        while lines and lines[-1] == "":
            lines.pop()
    return "\n".join(lines)


def rebuild(here: str, drop_leading: dict[str, int], tail: dict[str, str]) -> None:
    """Write docs/NN_slug.txt for every raw/NN.json of the set folder `here`."""
    os.makedirs(os.path.join(here, "docs"), exist_ok=True)
    for path in sorted(glob.glob(os.path.join(here, "raw", "[0-9][0-9].json"))):
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        text = build(record["excerpt"], drop_leading[record["id"]], tail[record["id"]])
        name = f'{record["id"]}_{record["slug"]}.txt'
        with open(os.path.join(here, "docs", name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        print(name, len(text))
