"""An article's text as lines of pieces to render: plain text, and the elements that wrap it.

Every statement is a `<mark>`; its cue a `<u>`. Elements that cross (one statement overlapping
another, a cue straddling a mark's edge) cannot nest in HTML, so the text is cut at every edge and
each element is closed and reopened around the cut: a statement then spans several fragments, the
first of which carries its id. Pure: no database, no HTML (the template writes the tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PALETTE_SIZE = 6  # background tones in review.css; past them, speakers also get an outline pattern
PATTERNS = 3


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: one element each
class Span:
    """A stretch of the document text to wrap in an element."""

    start: int
    end: int
    kind: Literal["statement", "cue"]
    statement: dict  # the statement (for a cue: the first statement it is the cue of)

    def order(self) -> tuple:
        """Outer elements first: the earlier start, then the longer span; marks outside cues."""
        return self.start, -self.end, self.kind != "statement", self.statement["id"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One step of a line: open an element (`first` on its first fragment), close it, or some text."""

    action: Literal["open", "close", "text"]
    span: Span | None = None
    text: str = ""
    first: bool = False


def speaker_class(index: int) -> str:
    """CSS classes of the `index`-th speaker of a page: a tone, and past the palette an outline pattern too."""
    tone, pattern = index % PALETTE_SIZE, (index // PALETTE_SIZE) % (PATTERNS + 1)
    return f"tone-{tone}" + (f" pattern-{pattern}" if pattern else "")


def locate_cue(text: str, statement: dict) -> tuple[int, int] | None:
    """Where the statement's cue is written: only the word is stored, so this is its occurrence nearest
    the statement in the statement's own line (outside the statement), or None if the line has none."""
    cue = (statement.get("cue") or "").strip()
    if not cue:
        return None
    line_start = text.rfind("\n", 0, statement["start"]) + 1
    line_end = text.find("\n", statement["start"])
    line_end = len(text) if line_end < 0 else line_end
    words = r"\s+".join(re.escape(word) for word in cue.split())
    found = [(m.start() + line_start, m.end() + line_start)
             for m in re.finditer(rf"(?<!\w){words}(?!\w)", text[line_start:line_end], re.IGNORECASE)]
    outside = [(s, e) for s, e in found if e <= statement["start"] or s >= statement["end"]]
    return min(outside, key=lambda c: distance(c, statement), default=None)


def distance(span: tuple[int, int], statement: dict) -> int:
    return statement["start"] - span[1] if span[1] <= statement["start"] else span[0] - statement["end"]


def cue_places(text: str, statements: list[dict]) -> dict[int, tuple[int, int]]:
    """Where each statement's cue is underlined (by statement id), for those whose line holds it."""
    places = {s["id"]: locate_cue(text, s) for s in statements}
    return {statement_id: place for statement_id, place in places.items() if place}


def spans_of(text: str, statements: list[dict]) -> list[Span]:
    """A mark per statement, and an underline per cue found (one per place, however many statements share it)."""
    spans = [Span(s["start"], s["end"], "statement", s) for s in statements if s["start"] < s["end"]]
    by_id = {s["id"]: s for s in statements}
    cues: dict[tuple[int, int], dict] = {}
    for statement_id, place in cue_places(text, statements).items():
        cues.setdefault(place, by_id[statement_id])
    return spans + [Span(start, end, "cue", statement) for (start, end), statement in cues.items()]


def line_pieces(text: str, line_start: int, spans: list[Span]) -> list[Piece]:
    """The pieces of one line: its text cut at every edge, elements opened and closed so that they nest."""
    line_end = line_start + len(text)
    inside = [s for s in spans if s.start < line_end and s.end > line_start]
    cuts = {min(max(edge, line_start), line_end) for span in inside for edge in (span.start, span.end)}
    edges = sorted({line_start, line_end} | cuts)
    pieces: list[Piece] = []
    stack: list[Span] = []
    opened: set[Span] = set()
    for a, b in zip(edges, edges[1:], strict=False):
        active = sorted((s for s in inside if s.start <= a and s.end >= b), key=Span.order)
        kept = 0
        while kept < min(len(stack), len(active)) and stack[kept] is active[kept]:
            kept += 1
        pieces += [Piece("close", span) for span in reversed(stack[kept:])]
        for span in active[kept:]:
            pieces.append(Piece("open", span, first=span not in opened))
            opened.add(span)
        stack = active
        pieces.append(Piece("text", text=text[a - line_start:b - line_start]))
    return pieces + [Piece("close", span) for span in reversed(stack)]


def article_lines(text: str, statements: list[dict]) -> list[list[Piece]]:
    """The article's lines (paragraph n is line n), each as pieces to render."""
    spans = spans_of(text, statements)
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append(line_pieces(line, start, spans))
        start += len(line) + 1
    return lines
