"""Pure extraction: a document's text -> the experts it quotes or reports and their statements.

Steps: quotations and reported-speech sentences become claims (content spans plus a speaker
mention); mentions are resolved in reading order (names, surnames, pronouns, role phrases);
unattributed quotation paragraphs and unquoted continuation lines go to the speaker who goes on;
every resolved person becomes an expert described by the words that introduce them.
"""
from __future__ import annotations

import bisect

from app.ingest.extract_claims import Claim, overlap
from app.ingest.extract_experts import build_expert
from app.ingest.extract_frames import find_verbs
from app.ingest.extract_people import People, Person
from app.ingest.extract_quotes import header_claims, quote_claims
from app.ingest.extract_reported import reported_claims
from app.ingest.segment import QUOTE_CHARS, find_quotes, line_index, line_spans, sentence_spans
from app.ingest.types import ExtractedStatement, Extraction

INHERIT_LINES = 2  # an unattributed quotation paragraph goes to a speaker at most this many lines away


def _covered(spans: list[tuple[int, int]], span: tuple[int, int]) -> int:
    """Characters of span covered by the sorted, non-overlapping spans (checks the neighbours only)."""
    k = bisect.bisect_left(spans, span)
    return sum(overlap(span, spans[n]) for n in range(max(0, k - 2), min(len(spans), k + 2)))


def _merge(direct: list[Claim], reported: list[Claim]) -> list[Claim]:
    """Drop reported claims that repeat a quotation; a quotation inside a reported clause is mixed speech."""
    spans = sorted(sp for c in direct for sp in c.spans)
    kept_reported = [c for c in reported if _covered(spans, c.spans[0]) * 2 <= c.end - c.start]
    outer = sorted(c.spans[0] for c in kept_reported)
    kept_direct = [c for c in direct if c.ref is not None or _covered(outer, (c.start, c.end)) < c.end - c.start]
    return sorted(kept_direct + kept_reported, key=lambda c: c.start)


def _resolve(claims: list[Claim], people: People) -> list[tuple[Claim, Person | None]]:
    """Resolve every speaker mention in reading order, so pronouns follow the focus."""
    resolved: dict[int, Person | None] = {}
    for k in sorted(range(len(claims)), key=lambda k: claims[k].anchor):
        ref = claims[k].ref
        resolved[k] = people.resolve(ref) if ref is not None else None
    return [(c, resolved[k]) for k, c in enumerate(claims)]


def _inherit(pairs: list[tuple[Claim, Person | None]], lines: list[tuple[int, int]]) -> None:
    """An unattributed quotation paragraph belongs to the nearest speaker before it, else after it."""
    following: list[int | None] = [None] * len(pairs)
    nxt = None
    for k in range(len(pairs) - 1, -1, -1):
        following[k] = nxt
        if pairs[k][1] is not None:
            nxt = k
    last = None
    for k, (claim, person) in enumerate(pairs):
        if person is not None:
            last = k
            continue
        if claim.ref is not None:
            continue
        line = line_index(lines, claim.start)
        source = None
        if last is not None and line - line_index(lines, pairs[last][0].end) <= INHERIT_LINES:
            source = pairs[last]
        elif following[k] is not None and line_index(lines, pairs[following[k]][0].start) - line_index(lines, claim.end) <= INHERIT_LINES:
            source = pairs[following[k]]
        if source:
            pairs[k] = (claim, source[1])
            claim.cue = source[0].cue


def _continuations(text: str, lines: list[tuple[int, int]], pairs: list[tuple[Claim, Person | None]]) -> None:
    """Pattern: an unquoted line right after a line that ends in someone's reported speech goes on with it."""
    by_line: dict[int, list[tuple[Claim, Person | None]]] = {}
    for c, p in pairs:
        by_line.setdefault(line_index(lines, c.start), []).append((c, p))
    for i in range(1, len(lines)):
        s, e = lines[i]
        prev = by_line.get(i - 1)
        if i in by_line or not prev or not text[s:e].strip() or any(ch in QUOTE_CHARS for ch in text[s:e]):
            continue
        if find_verbs(text, s, e) or "according to" in text[s:e].lower():
            continue  # a frame of its own (often an anonymous one): not a continuation
        claim, person = prev[-1]
        last_sentence = sentence_spans(text, *lines[i - 1])[-1]
        if claim.kind != "indirect" or person is None or claim.end < last_sentence[0] or claim.start < lines[i - 1][0]:
            continue
        start = s + len(text[s:e]) - len(text[s:e].lstrip())
        follow = Claim("indirect", [(start, s + len(text[s:e].rstrip()))], None, None)
        pairs.append((follow, person))
        by_line[i] = [(follow, person)]


def _statements(text: str, lines: list[tuple[int, int]], pairs: list[tuple[Claim, Person | None]]) -> list[ExtractedStatement]:
    seen: set[tuple[int, int]] = set()
    out = []
    for claim, person in pairs:
        for s, e in claim.spans:
            if person is None or e <= s or (s, e) in seen:
                continue
            seen.add((s, e))
            out.append(ExtractedStatement(person.name, claim.kind, s, e, text[s:e], claim.cue,
                                          line_index(lines, s)))
    return sorted(out, key=lambda st: st.start)


def extract(text: str) -> Extraction:
    """The experts a document quotes or reports, and every attributed statement with exact offsets."""
    lines = line_spans(text)
    quotes = find_quotes(text)
    quoted = sorted(sp for q in quotes for sp in q.segments)
    direct = quote_claims(text, lines, quotes) + header_claims(text, lines)
    claims = _merge(direct, reported_claims(text, lines, quoted))
    people = People(text, quoted)
    pairs = _resolve(claims, people)
    _inherit(pairs, lines)
    _continuations(text, lines, pairs)
    statements = _statements(text, lines, pairs)
    speakers = {st.speaker for st in statements}
    persons = [p for p in people.all() if p.name in speakers]
    experts = [build_expert(text, lines, p) for p in persons]
    experts.sort(key=lambda x: x.paragraph)
    return Extraction(experts=experts, statements=statements)
