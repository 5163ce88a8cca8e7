r"""Rebuild a held-out set's texts from its stored search excerpts (the recipe of sets 13 to 15).

Each raw/NN.json holds one result of the `search` tool (corpus "pages"): the
"excerpt" value copied as a JSON string literal (escapes included) exactly as
the tool printed it, plus url, query, rank, outlet and kind.

Recipe (applied to each excerpt string):
 1. U+00A0 (no-break space) -> U+0020; U+200B / U+FEFF removed (these are
    invisible in the tool's display, so they could not be transcribed; the
    step is a no-op on our copies and only makes a rebuild from the live
    result give the same bytes).
 2. split on "\n"; rstrip() every line (trailing whitespace removed).
 3. drop the first DROP_LEADING[id] lines (site furniture printed *before* the
    headline: ticker values, date widgets, "Home | ..." menus, a " date ..."
    metadata line, empty lines), so that line 0 is the headline.
 4. tail: if the excerpt ends in the middle of a word (TAIL[id] == "cut"),
    remove the trailing partial sentence of the last non-empty line, i.e.
    everything after the last sentence end ([.!?] optionally followed by
    closing quotes/brackets, then a space); if that line has no sentence end,
    the whole line is dropped. TAIL[id] == "keep": the excerpt ends on a
    complete word (or the page ended) and is kept as it is.
 5. trailing empty lines dropped; lines joined with "\n"; no final newline;
    written as UTF-8.

Each set's `build_docs.py` holds its DROP_LEADING and TAIL tables and calls `rebuild`.
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
