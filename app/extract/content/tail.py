"""Frames that name the speaker after the content, beyond the short ", Smith said." of final_frame.

Patterns:
  CONTENT, Jane Roe, head of X, a Y think tank, told Trend.      (a named subject with appositives)
  CONTENT. This is the opinion of political analyst Jane Roe.    (the next sentence hands it back)
  CONTENT. This was stated by expert Jane Roe in an interview.
"""
from __future__ import annotations

import re

from app.extract.claims import Claim
from app.extract.frames import Ref, find_verbs, has_verb, subject_before_verb
from app.extract.names import NAME_RUN, person_tail, person_tokens
from app.extract.regex import alternation
from app.extract.rules import BACKREF_NOUNS, BACKREF_PASSIVES, HONORIFICS
from app.extract.segment import sentence_spans

MAX_TAIL = 220  # ", Jane Roe, head of X, candidate of Y, told News.Az." fits in this many characters
MAX_OBJECT_WORDS = 6  # "told Trend via e-mail on Friday"
MAX_LEAD_WORDS = 5  # lower-case descriptors between the comma and the name: ", political analyst Jane Roe,"
MIN_CONTENT_WORDS = 3

_HANDBACK_NOUN = re.compile(
    rf"\s*(?:this|that|such)\s+(?:is|was|has\s+been)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{alternation(BACKREF_NOUNS)})\s+(?:of|held\s+by|voiced\s+by|expressed\s+by)\s+", re.IGNORECASE)
_HANDBACK_PASSIVE = re.compile(
    rf"\s*(?:this|that|such)(?:\s+(?:{alternation(BACKREF_NOUNS)}))?\s+(?:is|was|were|has\s+been|had\s+been)\s+"
    rf"(?:{alternation(BACKREF_PASSIVES)})\b[^.;]{{0,100}}?\bby\s+", re.IGNORECASE)


def _plain_lead(lead: str) -> bool:
    """Between the comma and the name only descriptors or titles: ", political analyst Dr. Jane Roe"."""
    words = lead.split()
    return len(words) <= MAX_LEAD_WORDS and all(w[0].islower() or w.lower() in HONORIFICS for w in words)


def content_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The content span without surrounding blanks and closing punctuation, if it holds a clause."""
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " .!?;,":
        end -= 1
    return (start, end) if len(text[start:end].split()) >= MIN_CONTENT_WORDS else None


def named_tail_frame(text: str, s: int, e: int) -> Claim | None:
    """Pattern "The plan will fail, Jane Roe, head of X, candidate of Y, told News.Az."."""
    verbs = find_verbs(text, max(s, e - MAX_TAIL), e)
    if not verbs:
        return None
    verb_start, verb_end, cue = verbs[-1]
    rest = text[verb_end:e]
    if len(rest.split()) > MAX_OBJECT_WORDS or "," in rest or has_verb(rest):
        return None
    ref = subject_before_verb(text, s, verb_start, cue)
    if ref is None or ref.kind != "name":
        return None
    comma = text.rfind(",", s, ref.start)
    if comma < 0 or not _plain_lead(text[comma + 1:ref.start]):
        return None
    span = content_span(text, s, comma)
    return Claim("indirect", [span], ref, cue) if span else None


def _person_in(text: str, lo: int, hi: int) -> Ref | None:
    """The first full name (two words or more) in [lo, hi); a run such as "Fund Igor Roe" keeps its
    longest person-shaped tail."""
    for m in NAME_RUN.finditer(text, lo, hi):
        tokens = person_tokens(m.group())
        offset = m.group().find(tokens[0]) if len(tokens) >= 2 else -1
        if offset < 0:
            offset, tokens = person_tail(m.group())
        if offset >= 0:
            return Ref("name", " ".join(tokens), m.start() + offset, m.end())
    return None


def _previous_sentence(text: str, s: int) -> tuple[int, int] | None:
    """The sentence before s on its line, else the last sentence of the line above (blank lines skipped)."""
    line_start = text.rfind("\n", 0, s) + 1
    if text[line_start:s].strip():
        return sentence_spans(text, line_start, s)[-1]
    above = text[:line_start].rstrip()
    if not above:
        return None
    start = text.rfind("\n", 0, len(above)) + 1
    return sentence_spans(text, start, len(above))[-1]


def handback_frame(text: str, s: int, e: int) -> Claim | None:
    """Pattern "CONTENT. This is the opinion of expert Jane Roe." / "This was stated by Jane Roe on TV.":
    the sentence before is the content; the frame sentence itself says nothing more."""
    m = _HANDBACK_NOUN.match(text, s, e) or _HANDBACK_PASSIVE.match(text, s, e)
    if m is None:
        return None
    ref = _person_in(text, m.end(), e)
    before = _previous_sentence(text, s)
    span = content_span(text, *before) if before else None
    if ref is None or span is None:
        return None
    cue = " ".join(m.group().split())
    return Claim("indirect", [span], ref.with_cue(cue), cue)
