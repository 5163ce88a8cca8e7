"""Pure extraction: a document's text -> the experts it quotes or reports and their statements.

The pipeline: the document model (built once) -> content finders (every span that may be someone's
words) -> speaker sieves (who said each, from the most precise sieve to the loosest) -> people (mentions
to persons) -> statements, each with the sieve that decided it and that sieve's confidence.
"""
from __future__ import annotations

from app.extract.confidence import confidence
from app.extract.content import find_contents
from app.extract.document import Document, build_document
from app.extract.names import person_evidence
from app.extract.people import People
from app.extract.profile import build_expert
from app.extract.segment import line_index, line_spans
from app.extract.sieves import Link, link_speakers
from app.types import ExtractedStatement, Extraction


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _span_sieve(link: Link, k: int) -> str:
    """The sieve of the claim's k-th span: a reported clause's later sentences were carried on to it."""
    if k and link.claim.kind == "indirect":
        return "continuation/sentence"
    return link.sieve or ""


def _pieces(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    """The span cut at the text's real line breaks (a hard-wrapped line was read as one), trimmed."""
    if doc.reading is doc.text or "\n" not in doc.text[s:e]:
        return [(s, e)]
    pieces, start = [], s
    for k in [i for i in range(s, e) if doc.text[i] == "\n"] + [e]:
        piece = doc.text[start:k]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((start + lead, start + len(piece.rstrip())))
        start = k + 1
    return pieces


def _statements(doc: Document, links: list[Link]) -> list[ExtractedStatement]:
    """One statement per content span; the spans of one claim, or of claims sharing one frame, share a group."""
    text = doc.text
    lines = doc.lines if doc.reading is doc.text else line_spans(text)
    seen: set[tuple[int, int, str]] = set()  # a span once per speaker ("Jane Roe and Tom Wells said")
    groups: dict[object, int] = {}
    out = []
    for link in sorted(links, key=lambda link: link.claim.start):
        claim, person = link.claim, link.person
        key = (claim.ref.start, claim.kind) if claim.ref else id(claim)
        group = groups.setdefault(key, len(groups))
        for k, span in enumerate(claim.spans):
            sieve = _span_sieve(link, k)
            for s, e in _pieces(doc, *span):
                if person is None or e <= s or (s, e, person.name) in seen:
                    continue
                seen.add((s, e, person.name))
                out.append(ExtractedStatement(person.name, claim.kind, s, e, text[s:e], claim.cue,
                                              line_index(lines, s), group, sieve, confidence(sieve)))
    return sorted(out, key=lambda st: st.start)


def extract(text: str) -> Extraction:
    """The experts a document quotes or reports, and every attributed statement with exact offsets."""
    doc = build_document(text)
    with person_evidence(doc.reading):
        return _extract(doc)


def _extract(doc: Document) -> Extraction:
    claims = find_contents(doc)
    said = _union(doc.quoted + [sp for c in claims if c.kind == "indirect" for sp in c.spans])
    people = People(doc.reading, said, doc.headline_end)
    links = link_speakers(doc, [Link(claim) for claim in claims], people)
    statements = _statements(doc, links)
    speakers = {st.speaker for st in statements}
    persons = [p for p in people.all() if p.name in speakers]
    experts = [build_expert(doc.reading, doc.lines, p) for p in persons]
    experts.sort(key=lambda x: x.paragraph)
    return Extraction(experts=experts, statements=statements)
