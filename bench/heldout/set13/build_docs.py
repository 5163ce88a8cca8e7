#!/usr/bin/env python3
"""Rebuild set13/docs/*.txt from the raw search-result excerpts in raw/NN.json.

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
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from excerpts import rebuild  # noqa: E402  (bench/heldout/excerpts.py: the recipe above, in code)

DROP_LEADING = {"01": 0, "02": 3, "03": 2, "04": 0, "05": 5, "06": 5, "07": 2,
                "08": 2, "09": 2, "10": 0, "11": 2, "12": 0, "13": 1, "14": 0, "15": 0}
TAIL = {"01": "keep", "02": "cut", "03": "cut", "04": "keep", "05": "keep",
        "06": "cut", "07": "cut", "08": "keep", "09": "keep", "10": "keep",
        "11": "cut", "12": "cut", "13": "keep", "14": "cut", "15": "cut"}

if __name__ == "__main__":
    rebuild(os.path.dirname(os.path.abspath(__file__)), DROP_LEADING, TAIL)
