"""Pure segmentation: text -> lines, sentences and quotation spans, all as str offsets.

Quotation marks are classified one by one (curly, straight, guillemets, low-9, and the doubled
singles of NYT ('') and TeX (``…'' or ``…’’) style), paired on each
line, then chained across lines: a quotation left open at the end of a line runs on over the next
lines (blank lines included) when those lines carry no marks and a later line closes it, or when
each continuing paragraph re-opens with a mark (the English convention).  Everything is linear in
the text length; the lookahead for a closing line is bounded.
"""
from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field

from app.extract.rules import ABBREVIATIONS

OPENERS = "“„«‟"
CLOSERS = "”»"
STRAIGHT = '"'
QUOTE_CHARS = OPENERS + CLOSERS + STRAIGHT
PAIRED_SINGLES = "''"  # NYT style: two apostrophes stand for a double quotation mark, either way
DOUBLED_OPEN, DOUBLED_CLOSE = "``", "’’"  # TeX style, as some agencies print it: ``A,’’ he said
DOUBLED = (PAIRED_SINGLES, DOUBLED_OPEN, DOUBLED_CLOSE)
MAX_RUN_ON_LINES = 40  # a quotation running on further than this without closing is a stray mark

_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_MARK = re.compile(f"[{QUOTE_CHARS}]|" + "|".join(DOUBLED))
_SENTENCE_END = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s+[\"“‘«(\[]?[^\W_a-z])")


@dataclass(slots=True)
class Quote:
    """One quotation: its content segments (one per line, marks included where present)."""

    segments: list[tuple[int, int]] = field(default_factory=list)
    open_at: int | None = None  # offset of the opening mark, None when it runs on without one
    close_at: int | None = None  # offset of the closing mark

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


def line_spans(text: str) -> list[tuple[int, int]]:
    """Every line as (start, end) without its newline; the index is the `paragraph` number."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _abbreviation_before(text: str, lo: int, dot: int) -> bool:
    """The word ending at the full stop is an abbreviation ("Sen.", "U.S.") or an initial ("J.")."""
    k = dot
    while k > lo and not text[k - 1].isspace():
        k -= 1
    token = text[k:dot + 1].lower().rstrip(".").lstrip("(\"“")
    return token in ABBREVIATIONS or len(token) == 1 or bool(_DOTTED_INITIALS.fullmatch(token))  # "T.S."


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one line: split after . ! ? before a capital, except after abbreviations/initials."""
    spans, cur = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == "." and _abbreviation_before(text, cur, m.start()):
            continue
        spans.append((cur, m.end()))
        cur = m.end()
        while cur < end and text[cur].isspace():
            cur += 1
    if cur < end:
        spans.append((cur, end))
    return spans


def _role(text: str, i: int, start: int, end: int) -> str:
    """Classify the mark at i as 'open' or 'close' from its shape and its neighbours."""
    if text.startswith(DOUBLED_OPEN, i) or text.startswith(DOUBLED_CLOSE, i):
        return "open" if text[i] == "`" else "close"
    c = text[i]
    before = text[i - 1] if i > start else " "
    j = mark_end(text, i)
    after = text[j] if j < end else " "
    looks_open = (before.isspace() or before in "([{—–-:/") and not after.isspace()
    looks_close = not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-" or j >= end)
    if c in OPENERS:
        return "close" if looks_close and not looks_open and c != "«" else "open"
    if c in CLOSERS:
        return "open" if looks_open and not looks_close and c != "»" else "close"
    if looks_open and not looks_close:
        return "open"
    if looks_close and not looks_open:
        return "close"
    return "either"


@dataclass(slots=True)
class _LineMarks:
    """The quotations of one line: closed pairs, a closer of an earlier opening, an unclosed opener."""

    pairs: list[tuple[int, int]]  # (open mark, close mark)
    lead_close: int | None = None  # closes a quotation opened on an earlier line
    trail_open: int | None = None  # opens a quotation left open at the line end
    starts_open: bool = False  # the line begins with an opening mark


def _line_marks(text: str, start: int, end: int) -> _LineMarks:
    """Pair the marks of one line left to right; remember what spills over the line ends."""
    out = _LineMarks(pairs=[])
    open_at: int | None = None
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        role = _role(text, i, start, end)
        if open_at is None and role == "close" and not out.pairs and out.lead_close is None:
            out.lead_close = i
        elif open_at is None and role != "close":
            open_at = i
        elif open_at is not None and role != "open":
            out.pairs.append((open_at, i))
            open_at = None
        elif open_at is not None:  # a second opener: the first one was never closed
            open_at = i
    out.trail_open = open_at
    first = text[start:end].lstrip()
    out.starts_open = bool(first) and is_mark(first) and out.lead_close is None
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _family(mark: str) -> str:
    """The style of a quotation mark: straight, paired singles, guillemets or curly (low-9 counts as curly)."""
    return {STRAIGHT: "straight", "'": "singles", "`": "singles", "«": "guillemet", "»": "guillemet"}.get(mark, "curly")


def mark_end(text: str, i: int) -> int:
    """The offset after the quotation mark at i (two characters for a doubled mark such as '')."""
    return i + 2 if text.startswith(DOUBLED, i) else i + 1


def is_mark(s: str) -> bool:
    """The string starts with a quotation mark."""
    return bool(s) and (s[0] in QUOTE_CHARS or s.startswith(DOUBLED))


def has_mark(s: str) -> bool:
    """The string holds a quotation mark somewhere."""
    return _MARK.search(s) is not None


def _run_on(text: str, lines: list[tuple[int, int]], marks: list[_LineMarks], i: int) -> Quote | None:
    """Follow a quotation opened at the end of line i over the next lines; None if it never closes."""
    quote = Quote(open_at=marks[i].trail_open)
    quote.segments.append(_trimmed(text, marks[i].trail_open, lines[i][1]))
    unmarked = False
    for j in range(i + 1, min(len(lines), i + 1 + MAX_RUN_ON_LINES)):
        s, e = lines[j]
        lm = marks[j]
        if not text[s:e].strip():
            continue
        if lm.lead_close is not None:  # closed here: the lines in between were inside
            quote.segments.append(_trimmed(text, s, mark_end(text, lm.lead_close)))
            quote.close_at = lm.lead_close
            return quote
        if lm.starts_open and not unmarked:  # a paragraph re-opening the same quotation
            if _family(text[_trimmed(text, s, e)[0]]) != _family(text[quote.open_at]):
                return None  # a straight mark never re-opens a curly quotation: a new quotation starts
            if lm.trail_open is not None and not lm.pairs:
                quote.segments.append(_trimmed(text, lm.trail_open, e))
                continue
            if lm.pairs and lm.pairs[0][0] == _trimmed(text, s, e)[0]:
                o, c = lm.pairs[0]
                quote.segments.append((o, mark_end(text, c)))
                quote.close_at = c
                return quote
            return None
        if lm.pairs or lm.trail_open is not None:
            return None
        unmarked = True
        quote.segments.append(_trimmed(text, s, e))
    return None


def find_quotes(text: str) -> list[Quote]:
    """All quotations of the text, in order; run-on quotations keep one segment per line."""
    lines = line_spans(text)
    marks = [_line_marks(text, s, e) for s, e in lines]
    quotes: list[Quote] = []
    i, skip_first_pair = 0, False
    while i < len(lines):
        lm = marks[i]
        pairs = lm.pairs[1:] if skip_first_pair else lm.pairs
        quotes.extend(Quote(segments=[(o, mark_end(text, c))], open_at=o, close_at=c) for o, c in pairs)
        skip_first_pair = False
        run = _run_on(text, lines, marks, i) if lm.trail_open is not None else None
        if run is None:
            if lm.trail_open is not None:
                quotes.append(Quote(segments=[_trimmed(text, lm.trail_open, lines[i][1])], open_at=lm.trail_open))
            i += 1
            continue
        quotes.append(run)
        i = line_index(lines, run.end - 1)
        skip_first_pair = marks[i].lead_close is None  # closed by a re-opened paragraph's own pair
    return quotes


def line_index(lines: list[tuple[int, int]], offset: int) -> int:
    """The line that holds offset (binary search over line starts)."""
    return max(0, bisect.bisect_right(lines, (offset, sys.maxsize)) - 1)
