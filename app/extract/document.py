"""The document model, built once per document: the text as read for extraction, its lines and quotations.

Hard-wrapped text (lines broken mid-sentence at a fixed width, paragraphs parted by blank lines) is read
with those breaks as spaces.  The reading has the same length as the text, so every offset found in it
holds in the text; statements are cut at the real line breaks at the end (`split_at_breaks`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from app.extract.quote_style import singles_as_doubles, uses_single_quotes
from app.extract.segment import Quote, find_quotes, line_spans

# A line whose end closes a sentence, a heading or a list item: its break is a real one.
_CLOSED_LINE = re.compile(r"[.!?:;”\"’'»)…]\s*$")
MIN_WRAPPED_LINES = 4  # fewer open line ends than this is too little evidence of wrapping
WRAPPED_SHARE = 0.5  # ... and at least this share of the line ends inside paragraphs must be open


@dataclass(frozen=True)
class Document:
    text: str  # as given
    reading: str  # the text with hard-wrap breaks read as spaces, ‘…’ as “…” where they quote (same offsets)
    lines: list[tuple[int, int]]  # the reading's lines
    quotes: list[Quote]
    headline_end: int  # where the first line ends when it is a headline, else 0

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Sorted spans of every quotation segment."""
        return sorted(sp for q in self.quotes for sp in q.segments)


def build_document(text: str) -> Document:
    """Read a text once: unwrap hard-wrapped paragraphs, read ‘single’ quotation marks where the text quotes
    with them, find lines, quotations and the headline."""
    reading = unwrap(text)
    lines = line_spans(reading)
    headline = headline_end(reading, lines)
    if uses_single_quotes(reading, headline):
        reading = singles_as_doubles(reading)
    return Document(text, reading, lines, find_quotes(reading), headline)


_INNER_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def _inner_breaks(text: str) -> list[int]:
    """Offsets of line breaks between two non-empty lines, after the first line (the title)."""
    first = text.find("\n")
    return [m.start() for m in _INNER_BREAK.finditer(text, first + 1)]


def unwrap(text: str) -> str:
    """The text with hard-wrap breaks as spaces, when most breaks inside paragraphs fall mid-sentence."""
    if "\n\n" not in text:
        return text  # one paragraph per line, the usual case
    breaks = _inner_breaks(text)
    open_breaks = [i for i in breaks if not _CLOSED_LINE.search(text, max(0, i - 4), i)]
    if len(open_breaks) < MIN_WRAPPED_LINES or len(open_breaks) < WRAPPED_SHARE * len(breaks):
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


def headline_end(text: str, lines: list[tuple[int, int]]) -> int:
    """Where the first line ends when it is a headline (no full stop ends it, inside or outside closing
    quotation marks), else 0. A headline is an editor's summary ("Political scientist Fesenko said who
    could become president"), not a speaker's words."""
    first = next(((s, e) for s, e in lines if text[s:e].strip()), None)
    if first is None or len(lines) < 2:
        return 0
    line = text[first[0]:first[1]].rstrip().rstrip("”\"’'»")  # a quoted headline: “It’s going to be hard”
    return 0 if line.endswith((".", "!", "?", "…")) else first[1]
