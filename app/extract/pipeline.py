"""Pure extraction: a document's text -> the experts it quotes or reports and their statements.

Steps: quotations and reported-speech sentences become claims (content spans plus a speaker
mention); mentions are resolved in reading order (names, surnames, pronouns, role phrases);
unattributed quotation paragraphs and unquoted continuation lines go to the speaker who goes on;
every resolved person becomes an expert described by the words that introduce them.
"""
from __future__ import annotations

import bisect

from app.extract.claims import Claim, overlap
from app.extract.content.quotations import bullet_claims, header_claims, quote_claims
from app.extract.content.reported import reported_claims
from app.extract.people import People, Person
from app.extract.profile import build_expert
from app.extract.segment import find_quotes, line_index, line_spans
from app.extract.sieves.continuation import line_continuations, sentence_continuations
from app.types import ExtractedStatement, Extraction

Pair = tuple[Claim, "Person | None"]
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


def _headline_end(text: str, lines: list[tuple[int, int]]) -> int:
    """Where the first line ends when it is a headline (no full stop ends it), else 0. A headline is an
    editor's summary ("Political scientist Fesenko said who could become president"), not a speaker's words."""
    first = next(((s, e) for s, e in lines if text[s:e].strip()), None)
    if first is None or len(lines) < 2:
        return 0
    ends = text[first[0]:first[1]].rstrip().endswith((".", "!", "?", "”", '"', "…", "’", "'", "»"))
    return 0 if ends else first[1]


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _resolve(claims: list[Claim], people: People) -> list[Pair]:
    """Resolve every speaker mention in reading order, so pronouns follow the focus."""
    resolved: dict[int, Person | None] = {}
    for k in sorted(range(len(claims)), key=lambda k: claims[k].anchor):
        ref = claims[k].ref
        resolved[k] = people.resolve(ref) if ref is not None else None
    return [(c, resolved[k]) for k, c in enumerate(claims)]


def _next_attributed(pairs: list[Pair]) -> list[int | None]:
    """For each pair, the index of the next pair that has a speaker (None at the end)."""
    following: list[int | None] = [None] * len(pairs)
    nxt = None
    for k in range(len(pairs) - 1, -1, -1):
        following[k] = nxt
        if pairs[k][1] is not None:
            nxt = k
    return following


def _inherit(pairs: list[Pair], lines: list[tuple[int, int]]) -> None:
    """An unattributed quotation paragraph belongs to the nearest speaker before it, else after it."""
    following = _next_attributed(pairs)
    last = None
    for k, (claim, person) in enumerate(pairs):
        if person is not None:
            last = k
            continue
        if claim.ref is not None:
            continue
        line, end_line = line_index(lines, claim.start), line_index(lines, claim.end)
        after = following[k]
        source = None
        if last is not None and line - line_index(lines, pairs[last][0].end) <= INHERIT_LINES:
            source = pairs[last]
        elif after is not None and line_index(lines, pairs[after][0].start) - end_line <= INHERIT_LINES:
            source = pairs[after]
        if source:
            pairs[k] = (claim, source[1])
            claim.cue = source[0].cue


def _statements(text: str, lines: list[tuple[int, int]], pairs: list[Pair]) -> list[ExtractedStatement]:
    """One statement per content span; the spans of one claim, or of claims sharing one frame, share a group."""
    seen: set[tuple[int, int, str]] = set()  # a span once per speaker ("Jane Roe and Tom Wells said")
    groups: dict[object, int] = {}
    out = []
    for claim, person in sorted(pairs, key=lambda pair: pair[0].start):
        key = (claim.ref.start, claim.kind) if claim.ref else id(claim)
        group = groups.setdefault(key, len(groups))
        for s, e in claim.spans:
            if person is None or e <= s or (s, e, person.name) in seen:
                continue
            seen.add((s, e, person.name))
            out.append(ExtractedStatement(person.name, claim.kind, s, e, text[s:e], claim.cue,
                                          line_index(lines, s), group))
    return sorted(out, key=lambda st: st.start)


def extract(text: str) -> Extraction:
    """The experts a document quotes or reports, and every attributed statement with exact offsets."""
    lines = line_spans(text)
    quotes = find_quotes(text)
    quoted = sorted(sp for q in quotes for sp in q.segments)
    direct = quote_claims(text, lines, quotes) + header_claims(text, lines)
    reported = reported_claims(text, lines, quoted) + bullet_claims(text, lines)
    headline_end = _headline_end(text, lines)
    claims = [c for c in _merge(direct, reported) if c.start >= headline_end]
    people = People(text, _union(quoted + [sp for c in claims if c.kind == "indirect" for sp in c.spans]))
    pairs = _resolve(claims, people)
    _inherit(pairs, lines)
    line_continuations(text, lines, pairs)
    sentence_continuations(text, lines, pairs, people)
    statements = _statements(text, lines, pairs)
    speakers = {st.speaker for st in statements}
    persons = [p for p in people.all() if p.name in speakers]
    experts = [build_expert(text, lines, p) for p in persons]
    experts.sort(key=lambda x: x.paragraph)
    return Extraction(experts=experts, statements=statements)
