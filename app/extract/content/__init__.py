"""Content finders: every span that may be someone's words, found before any speaker is decided.

Each finder reads the document model and returns claims: content spans, with the speaker mention of
their cue frame when the finder saw one.  Recall is the aim here; the sieves decide who spoke, and
content no sieve can link is dropped.
"""
from __future__ import annotations

import bisect

from app.extract.claims import Claim, overlap
from app.extract.content.blocks import bullet_claims, header_claims, label_claims
from app.extract.content.coordinated import with_co_speakers
from app.extract.content.interview import Interview, find_interview
from app.extract.content.quotations import quote_claims
from app.extract.content.reported import reported_claims
from app.extract.document import Document
from app.extract.segment import line_index


def _covered(spans: list[tuple[int, int]], span: tuple[int, int]) -> int:
    """Characters of span covered by the sorted, non-overlapping spans (checks the neighbours only)."""
    k = bisect.bisect_left(spans, span)
    return sum(overlap(span, spans[n]) for n in range(max(0, k - 2), min(len(spans), k + 2)))


def _lend_frames(direct: list[Claim], dropped: list[Claim]) -> None:
    """Pattern "Roe stressed that the country faces “an imported inflation.”": the quotation that fills most
    of a reported clause is the statement, and takes the clause's frame when it has none of its own."""
    unframed = sorted((q for q in direct if q.ref is None), key=lambda q: q.start)
    starts = [q.start for q in unframed]
    for claim in dropped:
        for quote in unframed[bisect.bisect_left(starts, claim.start):bisect.bisect_left(starts, claim.end)]:
            quote.ref, quote.cue = claim.ref, claim.cue


def _merge(direct: list[Claim], reported: list[Claim]) -> list[Claim]:
    """Drop reported claims that repeat a quotation; a quotation inside a reported clause is mixed speech."""
    spans = sorted(sp for c in direct for sp in c.spans)
    kept_reported, repeated = [], []
    for c in reported:
        (kept_reported if _covered(spans, c.spans[0]) * 2 <= c.end - c.start else repeated).append(c)
    _lend_frames(direct, repeated)
    outer = sorted(c.spans[0] for c in kept_reported)
    kept_direct = [c for c in direct if c.ref is not None or _covered(outer, (c.start, c.end)) < c.end - c.start]
    return sorted(kept_direct + kept_reported, key=lambda c: c.start)


SPEAKER_HEADED = frozenset({"header", "header_block", "label"})  # finders whose content names its speaker


def _with_interview(doc: Document, claims: list[Claim], interview: Interview) -> list[Claim]:
    """In an interview, each answer line is one span: other content on answer and question lines goes,
    except where a speaker's header or label names who answers (a vox pop's "Jane Roe, Teacher")."""
    headed = {line_index(doc.lines, c.start) for c in claims if c.finder in SPEAKER_HEADED}
    answers = [a for a in interview.answers if line_index(doc.lines, a.start) not in headed]
    taken = {line_index(doc.lines, c.start) for c in answers} | interview.questions
    kept = [c for c in claims if line_index(doc.lines, c.start) not in taken]
    return sorted(kept + answers, key=lambda c: c.start)


def _found_by(finder: str, claims: list[Claim]) -> list[Claim]:
    """Name the finder on claims that do not name one yet."""
    for claim in claims:
        claim.finder = claim.finder or finder
    return claims


def find_contents(doc: Document) -> list[Claim]:
    """Every candidate content span of the document, after its headline, in reading order."""
    text, lines = doc.reading, doc.lines
    direct = (_found_by("quotation", quote_claims(text, lines, doc.quotes)) + header_claims(text, lines)
              + label_claims(text, lines))
    reported = _found_by("reported", reported_claims(text, lines, doc.quoted)) + bullet_claims(text, lines)
    claims = [c for c in _merge(direct, reported) if c.start >= doc.headline_end]
    interview = find_interview(doc)
    return with_co_speakers(text, _with_interview(doc, claims, interview) if interview else claims)
