"""Sieve 4: a quotation paragraph with no frame belongs to the speaker of the content next to it.

Pattern "Jo Ames said: …" then a paragraph that is one quotation: the nearest decided content before it,
at most INHERIT_LINES lines away, else the nearest after it.
"""
from __future__ import annotations

from app.extract.document import Document
from app.extract.people import People
from app.extract.segment import line_index
from app.extract.sieves.link import Link

INHERIT_LINES = 2  # an unattributed quotation paragraph goes to a speaker at most this many lines away
MAX_LEAD = 12  # characters allowed before a quotation that opens its line (spaces, a dash)


def _opens_line(doc: Document, start: int) -> bool:
    """Nothing but spaces and dashes stand before the quotation on its line."""
    ls, _ = doc.lines[line_index(doc.lines, start)]
    return start - ls <= MAX_LEAD and not doc.reading[ls:start].strip(" \t—–-")


def previous_in_block(doc: Document, links: list[Link], people: People) -> None:
    """Give each undecided quotation paragraph the speaker of the nearest decided content around it."""
    ordered = sorted(links, key=lambda link: link.claim.start)
    decided = [k for k, link in enumerate(ordered) if link.person is not None]
    for k, link in enumerate(ordered):
        claim = link.claim
        if link.sieve is not None or claim.finder != "quotation" or not _opens_line(doc, claim.start):
            continue
        line, end_line = line_index(doc.lines, claim.start), line_index(doc.lines, claim.end)
        before = [j for j in decided if j < k]
        after = [j for j in decided if j > k]
        if before and line - line_index(doc.lines, ordered[before[-1]].claim.end) <= INHERIT_LINES:
            source = ordered[before[-1]]
        elif after and line_index(doc.lines, ordered[after[0]].claim.start) - end_line <= INHERIT_LINES:
            source = ordered[after[0]]
        else:
            continue
        link.decide(source.person, "block")
        claim.cue = source.claim.cue
