"""Reported speech whose frame sits inside the sentence, set off by commas.

News writing often breaks a reported sentence with its frame: "The plan, Smith said, would fail.",
"Most voters, she added on Monday, want change." or opens it with "As Smith noted, ...".  The
content is the sentence without the frame: two spans (before and after the aside) of one claim.
"""
from __future__ import annotations

import re

from app.extract.claims import Claim
from app.extract.frames import Ref, find_verbs, subject_before_verb
from app.extract.rules import NOT_ASIDE_CUES
from app.extract.segment import has_mark

MAX_ASIDE = 80  # ", Chief Justice Jane Roe said on Monday," fits in this many characters
MIN_LEAD_WORDS = 4  # a shorter lead ("The museum", "All of this") says nothing on its own
MAX_ADJUNCT_WORDS = 5  # words allowed between the verb and the closing comma ("said in an interview")
MAX_SUBJECT_WORDS = 7  # "the former Senate majority leader", "Chief Justice John G. Roberts"
_AS = re.compile(r"\s*(?:[\w’']+\s*,\s*)?as\s+", re.IGNORECASE)  # "As Smith noted," / "Yet, as Smith noted,"
_TAIL_CLAUSE = re.compile(r"(?:and|but|since|until|because|while|although|though|when)\b")
_ADJUNCT = re.compile(r"[\w’'.-]+")
_TRIM = " ,;:.!?"


def _trimmed(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The span without surrounding spaces and punctuation, or None when nothing is left."""
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if s < e else None


def _short_adjunct(text: str, lo: int, hi: int) -> bool:
    """Between the verb and the closing comma: nothing, or a few words ("then", "in an interview")."""
    chunk = text[lo:hi]
    return not any(ch in chunk for ch in ";:()") and len(_ADJUNCT.findall(chunk)) <= MAX_ADJUNCT_WORDS


def _after_quote(text: str, s: int, close: int) -> bool:
    """A quotation mark before the aside ends: it splits or follows a direct quotation, handled elsewhere."""
    return has_mark(text[s:close + 3])


def _subject(text: str, lo: int, verb_start: int, cue: str) -> Ref | None:
    """The speaker of an aside that opens at lo: a person mention right before the verb, nothing before it
    but titles ("Chief Justice Roberts said")."""
    ref = subject_before_verb(text, lo, verb_start, cue)
    if ref is None or any(ch in text[lo:ref.start] for ch in ",;:“”\"") or len(text[lo:ref.start].split()) > 3:
        return None
    if ref.kind == "pronoun" and text[lo:ref.start].strip():
        return None  # "he" opens the aside; "the senator" and "Chief Justice Roberts" may have words before
    return ref


def _lead(text: str, s: int, comma: int) -> tuple[int, int] | None:
    """The content before the aside, unless it is only a connector ("Yet", "But")."""
    span = _trimmed(text, s, comma)
    if span is None or len(text[span[0]:span[1]].split()) < MIN_LEAD_WORDS:
        return None
    return span


def _aside_start(text: str, s: int, verb_start: int) -> tuple[int, int, bool] | None:
    """Where the aside before the verb opens: after its comma, or after a leading "As"; with the comma
    (-1: none) and whether it is an "As" frame.  None when no short aside ends at the verb."""
    open_ = text.rfind(",", max(s, verb_start - MAX_ASIDE), verb_start)
    lo = open_ + 1 if open_ >= 0 else s
    as_frame = _AS.match(text, lo, verb_start)
    if as_frame:
        if open_ >= 0 and _lead(text, s, open_):
            return None  # "did X, as he said he would, and ...": a comparison, not a frame
        lo = as_frame.end()
    elif open_ < 0:
        return None  # "Smith said, however, that ..." is the plain subject-verb frame
    if len(text[lo:verb_start].split()) > MAX_SUBJECT_WORDS:
        return None
    return lo, open_, bool(as_frame)


def mid_sentence_frame(text: str, s: int, e: int) -> Claim | None:
    """Pattern "CONTENT, Smith said, CONTENT." / "CONTENT, the senator said then, CONTENT." /
    "As Smith noted, CONTENT."."""
    if text.find(",", s, e) < 0:
        return None  # every aside ends with a comma
    for verb_start, verb_end, cue in find_verbs(text, s, e):
        if cue in NOT_ASIDE_CUES:
            continue
        close = text.find(",", verb_end, min(e, verb_end + MAX_ASIDE))
        if close < 0 or not _short_adjunct(text, verb_end, close) or _after_quote(text, s, close):
            continue
        aside = _aside_start(text, s, verb_start)
        trail = _trimmed(text, close + 1, e)
        if aside is None or trail is None or len(text[trail[0]:trail[1]].split()) < 2:
            continue
        lo, open_, as_frame = aside
        ref = _subject(text, lo, verb_start, cue)
        if ref is None:
            continue
        lead = _lead(text, s, open_) if open_ >= 0 and not as_frame else None
        if lead and _TAIL_CLAUSE.match(text, trail[0], trail[1]):
            trail = None  # "X, he said, and Y": the frame closes X; Y is the writer's again
        return Claim("indirect", [sp for sp in (lead, trail) if sp], ref, cue)
    return None
