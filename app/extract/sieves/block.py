"""Sieves 4 and 5: a quotation paragraph with no frame belongs to the speaker next to it.

Sieve 4 (the paragraph before): "I discussed this with political scientist Jo Ames." then a paragraph that
is one quotation: the only person the last sentence of the paragraph before names.  Sieve 5 (the block):
the speaker of the nearest decided content before it, at most INHERIT_LINES lines away, else the nearest
after it; quotation paragraphs that follow one another form one block, each passing its speaker on.
"""
from __future__ import annotations

import bisect

from app.extract.document import Document
from app.extract.frames import ref_at_start
from app.extract.names import NAME_RUN
from app.extract.people import People, Person
from app.extract.segment import has_mark, line_index, sentence_spans
from app.extract.sieves.link import Link

INHERIT_LINES = 2  # an unattributed quotation paragraph goes to a speaker at most this many lines away
MAX_LEAD = 12  # characters allowed before a quotation that opens its line (spaces, a dash)


def _opens_line(doc: Document, start: int) -> bool:
    """Nothing but spaces and dashes stand before the quotation on its line."""
    ls, _ = doc.lines[line_index(doc.lines, start)]
    return start - ls <= MAX_LEAD and not doc.reading[ls:start].strip(" \t—–-")


def _follows_decided(doc: Document, last: Link | None, link: Link) -> bool:
    """Pattern “A,” she is quoted as saying. “B.”: the quotation follows a decided one (`last`, the content
    just before it) on its line, and no name stands between them."""
    if last is None or last.person is None:
        return False
    same_line = line_index(doc.lines, last.claim.start) == line_index(doc.lines, link.claim.start)
    return same_line and not NAME_RUN.search(doc.reading, last.claim.end, link.claim.start)


def _paragraph_quotations(doc: Document, links: list[Link]) -> list[Link]:
    """The undecided quotations that open their line (or go on from a decided one), in reading order."""
    ordered = sorted(links, key=lambda link: link.claim.start)
    return [link for k, link in enumerate(ordered) if link.sieve is None and link.claim.finder == "quotation"
            and (_opens_line(doc, link.claim.start) or _follows_decided(doc, ordered[k - 1] if k else None, link))]


def _named_last(doc: Document, people: People, i: int) -> list[Person]:
    """The distinct persons the last sentence of a line names in full, outside quotation marks ("I discussed
    this with political scientist Jo Ames."); none when it asks (an interviewer's question names whom it asks
    about, not who answers) or when someone it points back to is its subject."""
    s, e = sentence_spans(doc.reading, *doc.lines[i])[-1]
    if has_mark(doc.reading[s:e]) or doc.reading[s:e].rstrip().endswith("?"):
        return []
    subject = ref_at_start(doc.reading, s, e)
    if subject is not None and subject.kind in ("role", "pronoun") and not subject.indefinite:
        return []  # "The President also met Gov. Jo Ames." then a quotation: his words or hers
    return people.named_in(doc.reading[s:e], s, full_names_only=True)


def only_person_in_previous_paragraph(doc: Document, links: list[Link], people: People) -> None:
    """Give a quotation paragraph with no speaker around it the one person the paragraph before names."""
    content_lines = {line_index(doc.lines, link.claim.start) for link in links if link.sieve is not None}
    for link in _paragraph_quotations(doc, links):
        i = line_index(doc.lines, link.claim.start) - 1
        while i >= 0 and not doc.reading[slice(*doc.lines[i])].strip():
            i -= 1
        if i < 0 or i in content_lines or doc.lines[i][0] < doc.headline_end:
            continue
        named = _named_last(doc, people, i)
        if len(named) == 1:
            link.decide(named[0], "paragraph/name")
            content_lines.add(line_index(doc.lines, link.claim.start))


def previous_in_block(doc: Document, links: list[Link], people: People) -> None:
    """Give each undecided quotation paragraph the speaker of the nearest decided content around it."""
    decided = sorted((link for link in links if link.person is not None), key=lambda link: link.claim.start)
    starts = [d.claim.start for d in decided]
    for link in _paragraph_quotations(doc, links):
        line, end_line = line_index(doc.lines, link.claim.start), line_index(doc.lines, link.claim.end)
        k = bisect.bisect_left(starts, link.claim.start)
        before, after = decided[k - 1] if k else None, decided[k] if k < len(decided) else None
        if before and line - line_index(doc.lines, before.claim.end) <= INHERIT_LINES:
            source = before
        elif after and line_index(doc.lines, after.claim.start) - end_line <= INHERIT_LINES:
            source = after
        else:
            continue
        link.decide(source.person, "block")
        link.claim.cue = source.claim.cue
        decided.insert(k, link)  # the block goes on from here
        starts.insert(k, link.claim.start)
