"""Attribution frames: who is the subject of a reporting verb ("Smith said", "said the pundit", ...).

Every function reads a short window of the text (bounded length), so no pattern can backtrack
over a whole document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.extract_names import NAME_AT_END, NAME_AT_START, person_tokens
from app.ingest.rules import ADVERBS, ANONYMOUS_HEADS, REPORTING_VERBS, ROLE_NOUNS, TELL_VERBS

WINDOW = 240  # characters of context a frame may span


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


VERB = re.compile(rf"\b(?:{_alternation(REPORTING_VERBS)})\b", re.IGNORECASE)
VERB_AT_START = re.compile(rf"\s*(?:{_alternation(ADVERBS)}\s+)?((?:{_alternation(REPORTING_VERBS)}))\b", re.IGNORECASE)
VERB_AT_END = re.compile(rf"\b({_alternation(REPORTING_VERBS)})(?:\s+(?:{_alternation(ADVERBS)}))?\s*[,:]?\s*$", re.IGNORECASE)
TELL = re.compile(rf"^(?:{_alternation(TELL_VERBS)})$", re.IGNORECASE)
_ROLE = _alternation(ROLE_NOUNS)
ROLE_NP_AT_END = re.compile(rf"\b(?:the|this|that|our)\s+(?:[\w-]+\s+){{0,2}}?({_ROLE})\s*$", re.IGNORECASE)
ROLE_NP_AT_START = re.compile(rf"^\s*(?:the|this|that|our)\s+(?:[\w-]+\s+){{0,2}}?({_ROLE})\b", re.IGNORECASE)
PRONOUN_AT_END = re.compile(r"\b(he|she)\s*$", re.IGNORECASE)
PRONOUN_AT_START = re.compile(r"^\s*(he|she)\b", re.IGNORECASE)
_ADVERBS_AT_END = re.compile(rf"(?:\s+(?:{_alternation(ADVERBS)}))+\s*$", re.IGNORECASE)
_PARENTHETICAL_AT_END = re.compile(r"\s*\([^()]{1,40}\)$")
_DASH_SIGNATURE = re.compile(r"\s*[―—–]\s*$")
_APPOSITIVE_AT_END = re.compile(r",\s*([^,;:“”\"]{2,160}),\s*$")
ANONYMOUS = re.compile(rf"\b(?:{_alternation(ANONYMOUS_HEADS)})\s*$", re.IGNORECASE)


_WORD_PAIR = re.compile(r"[A-Za-z]+(?=(\s+[A-Za-z]+)?)")
_FIRST_WORDS = frozenset(v.split(" ")[0] for v in REPORTING_VERBS)


def find_verbs(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Reporting verbs in [lo, hi) as (start, end, cue), two-word forms first ("is confident", "pointed out").

    A word scan with set look-ups: much faster than one big regex alternation on long texts.
    """
    found = []
    for m in _WORD_PAIR.finditer(text, lo, hi):
        word = m.group().lower()
        if word not in _FIRST_WORDS:
            continue
        pair = m.group(1)
        if pair and f"{word} {pair.strip().lower()}" in REPORTING_VERBS and m.end() + len(pair) <= hi:
            found.append((m.start(), m.end() + len(pair), text[m.start():m.end() + len(pair)]))
        elif word in REPORTING_VERBS:
            found.append((m.start(), m.end(), m.group()))
    return found


@dataclass(frozen=True, slots=True)
class Ref:
    """A mention of a speaker: a name, a pronoun or a role noun phrase, with its offsets."""

    kind: str  # "name" | "pronoun" | "role"
    text: str  # the name tokens joined, the pronoun, or the role noun (lower case)
    start: int
    end: int
    cue: str = ""


def _name_ref(m: re.Match[str], group: int = 1) -> Ref | None:
    tokens = person_tokens(m.group(group))
    if not tokens:
        return None
    text = m.group(group)
    offset = m.start(group) + text.rfind(tokens[0].rstrip("."))
    return Ref("name", " ".join(tokens), offset, m.end(group))


def ref_at_end(text: str, lo: int, hi: int) -> Ref | None:
    """The speaker mention that ends the window [lo, hi): "... Kudryats", "he", "the pundit"."""
    window = text[lo:hi]
    adverbs = _ADVERBS_AT_END.search(window)
    if adverbs:
        window = window[:adverbs.start()]
    window = _PARENTHETICAL_AT_END.sub("", window.rstrip())  # "Jason Chaffetz (R-Utah)"
    if window.endswith(","):
        window = window[:-1]
    for pattern, kind in ((PRONOUN_AT_END, "pronoun"), (ROLE_NP_AT_END, "role")):
        m = pattern.search(window)
        if m:
            return Ref(kind, m.group(1).lower(), lo + m.start(1), lo + m.end(1))
    m = NAME_AT_END.search(window)
    ref = _shift(_name_ref(m), lo) if m else None
    if ref is None:
        ref = _before_appositive(text, lo, lo + len(window) + 1)
    return ref


def _shift(ref: Ref | None, by: int) -> Ref | None:
    return Ref(ref.kind, ref.text, ref.start + by, ref.end + by) if ref else None


def _before_appositive(text: str, lo: int, hi: int) -> Ref | None:
    """A name followed by an appositive: "Kirill Sitnikov, a Russian political analyst, [said]"."""
    window = text[lo:hi]
    m = _APPOSITIVE_AT_END.search(window)
    if not m:
        return None
    inner = m.group(1).strip()
    if not inner or VERB.search(inner) or not (inner[0].islower() or inner.split(" ")[0].lower() in ROLE_NOUNS):
        return None
    head = NAME_AT_END.search(window, 0, m.start())
    return _shift(_name_ref(head), lo) if head else None


def ref_at_start(text: str, lo: int, hi: int) -> Ref | None:
    """The speaker mention that opens the window: "Kudryats", "he", "the pundit", "Dr. Jane Roe"."""
    window = text[lo:hi]
    for pattern, kind in ((PRONOUN_AT_START, "pronoun"), (ROLE_NP_AT_START, "role")):
        m = pattern.search(window)
        if m:
            first = m.start() + len(m.group()) - len(m.group().lstrip())
            return Ref(kind, m.group(1).lower(), lo + first, lo + m.end(1))
    m = NAME_AT_START.search(window)
    return _shift(_name_ref(m), lo) if m else None


def is_anonymous(text: str, lo: int, hi: int) -> bool:
    """The subject before a verb is a collective or anonymous source ("experts say", "a source said")."""
    return bool(ANONYMOUS.search(text[max(lo, hi - 60):hi].rstrip(" ,")))


def subject_before_verb(text: str, lo: int, verb_start: int, cue: str) -> Ref | None:
    """Pattern SUBJECT [ADVERB] VERB: "Smith said", "the pundit noted", "he also stressed"."""
    ref = ref_at_end(text, max(lo, verb_start - WINDOW), verb_start)
    if ref is None or (ref.kind != "role" and is_anonymous(text, lo, verb_start)):
        return None
    return Ref(ref.kind, ref.text, ref.start, ref.end, cue) if ref else None


def trailing_frame(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern after a quotation: ', he said', ', said Caddell', ' Mambetalin said.', '— the expert noted'."""
    window_end = min(hi, lo + WINDOW)
    m = re.match(r"\s*[,.!?;…]?\s*(?:[―—–-]+\s*)?", text[lo:window_end])
    start = lo + (m.end() if m else 0)
    verb = VERB_AT_START.match(text, start, window_end)
    if verb is None and _DASH_SIGNATURE.match(text[lo:start]):
        return _signature(text, start, window_end)
    if verb:
        ref = ref_at_start(text, verb.end(), window_end) or _after_descriptors(text, verb.end(), window_end)
        return Ref(ref.kind, ref.text, ref.start, ref.end, verb.group(1)) if ref else None
    ref = ref_at_start(text, start, window_end)
    if ref is None or text[start:ref.start].strip():
        return None
    verb = VERB_AT_START.match(text, ref.end, window_end)
    return Ref(ref.kind, ref.text, ref.start, ref.end, verb.group(1)) if verb else None


_LOWER_DESCRIPTORS = re.compile(r"\s*(?:[a-z][\w’'-]*\s+){1,4}")


def _after_descriptors(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern "said economist Maria Lopez": lower-case descriptors between the verb and the name."""
    m = _LOWER_DESCRIPTORS.match(text, lo, hi)
    if not m or not re.search(_ROLE, m.group(), re.IGNORECASE):
        return None
    ref = ref_at_start(text, m.end(), hi)
    return ref if ref and ref.kind == "name" else None


def _signature(text: str, start: int, hi: int) -> Ref | None:
    """Pattern “...” ― Jane Roe: a dash and a name alone closing the line."""
    ref = ref_at_start(text, start, hi)
    if ref is None or ref.kind != "name" or text[ref.end:hi].strip(" .,(") and not text[ref.end:hi].lstrip().startswith(","):
        return None
    return Ref(ref.kind, ref.text, ref.start, ref.end, "―")


def leading_frame(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern before a quotation: 'Smith said:', 'the pundit told Trend that', 'Caddell continued:'."""
    base = max(lo, hi - WINDOW)
    window = text[base:hi]
    stripped = re.sub(r"\s*(?:that\s*)?[:,]?\s*$", "", window)
    verbs = list(VERB.finditer(stripped))
    if not verbs:
        return None
    verb = verbs[-1]
    told = TELL.match(verb.group()) and len(stripped) - verb.end() < 60
    if told or not stripped[verb.end():].strip() or window.rstrip().endswith(":"):
        return subject_before_verb(text, base, base + verb.start(), verb.group())
    return None
