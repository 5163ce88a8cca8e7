"""Attribution frames: who is the subject of a reporting verb ("Smith said", "said the pundit", ...).

Every function reads a short window of the text (bounded length), so no pattern can backtrack
over a whole document.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from app.extract.names import JOINED_NAME, NAME_AT_END, NAME_AT_START, NAME_RUN, UP, person_tokens
from app.extract.regex import alternation, trie_pattern
from app.extract.rules import (
    ADVERBS,
    ANONYMOUS_HEADS,
    FINITE_MARKERS,
    NOUN_COMPOUNDS,
    PARTY_NOUNS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TELL_VERBS,
    TIME_WORDS,
)
from app.extract.segment import sentence_spans

WINDOW = 240  # characters of context a frame may span
MENTION_TAIL = 100  # a name, pronoun or role phrase before a verb fits in this many characters
MAX_APPOSITIVE_CHUNKS = 3
MAX_SUBJECT = 120  # a subject between a quotation and its verb: "Senate Majority Leader Jo Ames, R-Ky.,"


VERB = re.compile(rf"\b(?:{trie_pattern(REPORTING_VERBS)})\b")  # lower case: a capitalised "States" is no verb
COMPOUND = re.compile(rf"\b(?:{alternation(NOUN_COMPOUNDS)})\b", re.IGNORECASE)  # "think tank" holds no verb
VERB_AT_START = re.compile(rf"\s*(?:{alternation(ADVERBS)}\s+)?((?:{alternation(REPORTING_VERBS)}))\b", re.IGNORECASE)
_ROLE = alternation(ROLE_NOUNS)
ROLE_NP_AT_END = re.compile(rf"\b(?:the|this|that|our)\s+(?:[\w’'-]+\s+){{0,2}}?({_ROLE})\s*$", re.IGNORECASE)
# "..., says a political analyst": someone not named yet (the lede of an article names them later)
NEW_ROLE_NP_AT_END = re.compile(rf"\b(?:an?|one|another)\s+(?:[\w’'-]+\s+){{0,2}}?({_ROLE})\s*$", re.IGNORECASE)
# "Commenting on X, political scientist noted:" (translated news often drops the article)
BARE_ROLE_AT_END = re.compile(rf"(?:^|(?<=,\s))(?:(?!(?:a|an|the)\s)[a-z-]+\s+){{0,2}}?({_ROLE})\s*$")
ROLE_AT_START = re.compile(rf"(?:{_ROLE})\b", re.IGNORECASE)  # "Associate Professor, Chair of X"
ROLE_NP_AT_START = re.compile(rf"^\s*(?:the|this|that|our)\s+(?:[\w’'-]+\s+){{0,2}}?({_ROLE})\b", re.IGNORECASE)
NEW_ROLE_NP_AT_START = re.compile(rf"^\s*(?:an?|one)\s+(?:[\w’'-]+\s+){{0,2}}?({_ROLE})\b", re.IGNORECASE)
PRONOUN_AT_END = re.compile(r"\b(he|she)\s*$", re.IGNORECASE)
PRONOUN_AT_START = re.compile(r"^\s*(he|she)\b", re.IGNORECASE)
_FRAME_TAIL = re.compile(r"\s*(?:that\s*)?[:,]?\s*$")
_ROLE_LAST_WORDS = frozenset(r.split(" ")[-1] for r in ROLE_NOUNS)
_LAST_TOKEN = re.compile(r"[\w’'.-]*$")
_PARENTHETICAL_AT_END = re.compile(r"\s*\([^()]{1,40}\)$")
_PARTY_AT_END = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{0,12}$")  # "Mitch McConnell, R-Ky." (US party and state)
_SUBJECT_OPENING = re.compile(r"[^\W\d_]")  # the subject starts with a word, not with punctuation
# "..., a spokesman for the United Mine Workers of America, said": a name after a preposition is no subject.
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|with|from|in|on|by|to)\s+(?:the\s+)?$", re.IGNORECASE)
_DASH_SIGNATURE = re.compile(r"\s*[―—–]\s*$")
ANONYMOUS = re.compile(rf"\b(?:{alternation(ANONYMOUS_HEADS)})\s*$", re.IGNORECASE)


_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_FIRST_WORDS = frozenset(v.split(" ")[0] for v in REPORTING_VERBS)
# "went", "went on", "went on to": the beginnings of the cues of several words ("went on to say")
_CUE_PREFIXES = frozenset(" ".join(v.split(" ")[:k]) for v in REPORTING_VERBS for k in range(1, v.count(" ") + 1))


def find_verbs(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Reporting verbs in [lo, hi) as (start, end, cue), longer forms first ("is confident", "went on to say")."""
    starts, verbs = _verb_index(text)
    out = []
    for k in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
        start, end, cue = verbs[k]
        if end > hi:  # a two-word form cut by the window: keep its first word if it is a verb alone
            first = cue.split()[0]
            if first not in REPORTING_VERBS or start + len(first) > hi:
                continue
            start, end, cue = start, start + len(first), first
        out.append((start, end, cue))
    return out


_FIRST_WORD = re.compile(rf"(?<![A-Za-z])(?:{trie_pattern(_FIRST_WORDS)})(?![A-Za-z])")


@lru_cache(maxsize=4)
def _verb_index(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every reporting verb of a document, scanned once (the frames of one document ask many times).

    Case-sensitive: a capitalised word is never a frame verb ("United States", "Wayne State").
    """
    verbs = []
    compounds = {m.start() for m in COMPOUND.finditer(text)}
    for m in _FIRST_WORD.finditer(text):
        if m.start() in compounds:
            continue
        phrase, end = m.group(), m.end()
        longest = end if phrase in REPORTING_VERBS else None
        while phrase in _CUE_PREFIXES:  # the longest cue wins: "went on to say" over "went on"
            word = _NEXT_WORD.match(text, end)
            if word is None:
                break
            phrase, end = f"{phrase} {word.group(1)}", word.end()
            if phrase in REPORTING_VERBS:
                longest = end
        if longest is not None:
            verbs.append((m.start(), longest, text[m.start():longest]))
    return [v[0] for v in verbs], verbs


@dataclass(frozen=True, slots=True)
class Ref:
    """A mention of a speaker: a name, a pronoun or a role noun phrase, with its offsets."""

    kind: str  # "name" | "pronoun" | "role"
    text: str  # the name tokens joined, the pronoun, or the role noun (lower case)
    start: int
    end: int
    cue: str = ""
    indefinite: bool = False  # "a political analyst": a role phrase introducing someone, not pointing back

    def with_cue(self, cue: str) -> Ref:
        """The same mention, framed by this cue."""
        return replace(self, cue=cue)


def _name_ref(m: re.Match[str], group: int = 1) -> Ref | None:
    text = m.group(group)
    tokens = person_tokens(text)
    if not tokens:
        return None
    offset = m.start(group) + text.rfind(tokens[0].rstrip("."))
    return Ref("name", " ".join(tokens), offset, m.end(group))


def ref_at_end(text: str, lo: int, hi: int) -> Ref | None:
    """The speaker mention that ends the window [lo, hi): "... Kudryats", "he", "the pundit"."""
    full_lo, lo = lo, max(lo, hi - MENTION_TAIL)  # a mention is short: search its tail only
    window = _strip_adverbs(text[lo:hi])
    if window.endswith(")"):
        window = _PARENTHETICAL_AT_END.sub("", window)  # "Jason Chaffetz (R-Utah)"
    appositive = window.endswith(",")
    if appositive:
        window = _PARTY_AT_END.sub("", window[:-1])
    last = _LAST_TOKEN.search(window, max(0, len(window) - 40)).group()
    for pattern, kind, lasts in ((PRONOUN_AT_END, "pronoun", PRONOUNS), (ROLE_NP_AT_END, "role", _ROLE_LAST_WORDS),
                                 (BARE_ROLE_AT_END, "role", _ROLE_LAST_WORDS),
                                 (NEW_ROLE_NP_AT_END, "role", _ROLE_LAST_WORDS)):
        m = pattern.search(window) if last.lower() in lasts else None  # a set look-up spares most searches
        if m and pattern is BARE_ROLE_AT_END and (appositive or not (m.start() or lo == full_lo)):
            continue  # a bare role noun is a subject only when nothing comes before it
        if m and not (pattern is NEW_ROLE_NP_AT_END and appositive):  # "Jo Ames, a political analyst, said"
            return Ref(kind, m.group(1).lower(), lo + m.start(1), lo + m.end(1),
                       indefinite=pattern is NEW_ROLE_NP_AT_END)
    m = NAME_AT_END.search(window) if last[:1].isupper() or JOINED_NAME.match(last) else None
    if m and appositive and _PREPOSITION_BEFORE.search(window, 0, m.start(1)):
        m = None  # "Jo Ames, a spokesman for the Union of America, said": the name ends the appositive
    ref = _shift(_name_ref(m), lo) if m else None
    if ref is None or appositive:
        # "Jo Ames, chair of X under former President Tom Wells, said": the name the appositive describes
        head = _before_appositive(text, full_lo, lo + len(window) + 1)
        ref = head if head is not None and (ref is None or head.end <= ref.start) else ref
    return ref


def _strip_adverbs(window: str) -> str:
    """Drop adverbs and auxiliaries before the verb ("Smith also", "he has"), right-trimmed."""
    window = window.rstrip()
    while True:
        head, _, last = window.rpartition(" ")
        if not head or last.lower() not in ADVERBS:
            return window
        window = head.rstrip()


def _shift(ref: Ref | None, by: int) -> Ref | None:
    return replace(ref, start=ref.start + by, end=ref.end + by) if ref else None


def has_verb(phrase: str) -> bool:
    """A reporting verb in the phrase, noun compounds such as "think tank" aside."""
    return bool(VERB.search(COMPOUND.sub(" ", phrase)))


_RELATIVE = frozenset({"who", "whose", "which", "whom"})


def _is_clause(chunk: str) -> bool:
    """The chunk runs a finite clause of its own ("the challenge will be X"), not a relative one ("who is X")."""
    words = chunk.lower().split()
    return bool(words) and words[0] not in _RELATIVE and any(w in FINITE_MARKERS for w in words)


def _before_appositive(text: str, lo: int, hi: int) -> Ref | None:
    """A name followed by an appositive: "Kirill Sitnikov, a Russian political analyst, [said]".

    The appositive may hold up to MAX_APPOSITIVE_CHUNKS comma-separated chunks ("Jo Ames, a developer
    and spokeswoman for X, which is made up of investors, [said]"); its first chunk must describe a
    person (lower case, a role noun, or a party: "Dianne Feinstein, Democrat of California,").
    """
    window = text[lo:hi].rstrip()
    if not window.endswith(","):
        return None
    commas = [k for k, ch in enumerate(window[:-1]) if ch == ","][-MAX_APPOSITIVE_CHUNKS:]
    for k in reversed(commas):
        inner = window[k + 1:-1].strip()
        first = inner.split(",")[0].strip()
        if not first or len(inner) > 200 or any(ch in inner for ch in ";:“”\"") or has_verb(inner):
            continue
        if _is_clause(first):
            continue  # "Currently, the biggest challenge will be X, believes Jo Ames": a clause, no appositive
        if first[0].islower() or first.split(" ")[0].lower() in ROLE_NOUNS | PARTY_NOUNS or ROLE_AT_START.match(first):
            head_end = k - len(_PARENTHETICAL_AT_END.search(window, 0, k).group()) if window[k - 1] == ")" and \
                _PARENTHETICAL_AT_END.search(window, 0, k) else k  # "Rep. Jo Ames (D-N.Y.), chairman of X,"
            head = NAME_AT_END.search(window, max(0, head_end - MENTION_TAIL), head_end)
            if head and _PREPOSITION_BEFORE.search(window, 0, head.start(1)):
                continue  # "..., head of the Club of Analysts, a ...": that name ends an earlier appositive
            ref = _shift(_name_ref(head), lo) if head else None
            role = _ROLE_HEAD.search(window, 0, head_end) if ref is None and first.startswith("who ") else None
            if role:  # "The former minister of planning, who served under X, argued"
                return Ref("role", role.group(1).lower(), lo + role.start(1), lo + role.end(1))
            if ref is not None:
                return ref
    return None


# a definite role, with what it is of, before a relative clause: "The former minister of planning, who ..."
_ROLE_HEAD = re.compile(rf"\b(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?({_ROLE})(?:\s+(?:of|for|at)\s+[^,]{{1,60}})?$",
                        re.IGNORECASE)


def ref_at_start(text: str, lo: int, hi: int) -> Ref | None:
    """The speaker mention that opens the window: "Kudryats", "he", "the pundit", "Dr. Jane Roe"."""
    window = text[lo:hi]
    for pattern, kind in ((PRONOUN_AT_START, "pronoun"), (ROLE_NP_AT_START, "role"), (NEW_ROLE_NP_AT_START, "role")):
        m = pattern.search(window)
        if m:
            first = m.start() + len(m.group()) - len(m.group().lstrip())
            return Ref(kind, m.group(1).lower(), lo + first, lo + m.end(1), indefinite=pattern is NEW_ROLE_NP_AT_START)
    m = _DESCRIBED_NAME_AT_START.match(window)
    if m:  # "Political analyst Jo Ames", "Veteran economist Jo Ames": the role's capital opens the sentence
        ref = _shift(_name_ref(m, 2), lo)
        if ref is not None:
            return ref
    m = NAME_AT_START.search(window)
    return _shift(_name_ref(m), lo) if m else None


_DESCRIBED_NAME_AT_START = re.compile(rf"\s*[{UP}][a-z-]+\s+(?:[a-z-]+\s+){{0,2}}?({_ROLE})\s+({NAME_RUN.pattern})")


def is_anonymous(text: str, lo: int, hi: int) -> bool:
    """The subject before a verb is a collective or anonymous source ("experts say", "a source said")."""
    return bool(ANONYMOUS.search(text[max(lo, hi - 60):hi].rstrip(" ,")))


# Where and how the words were said, between the subject and the verb: "Roe in a statement said".
_OCCASION = re.compile(r"\s(?:in|during|at)\s+(?:an?|the|his|her|their|its)\s+(?:\w+\s+){0,2}?"
                       r"(?:interview|statement|press conference|news conference|briefing|speech|post|op-ed|"
                       r"article|column|letter|email|call|podcast|broadcast)\b[^.;:,“”\"]{0,60}$", re.IGNORECASE)


# When, between the subject and the verb: "Furman on Sunday noted", "Roe earlier this week said".
_TIME = alternation(TIME_WORDS)
_WHEN = re.compile(rf"\s(?:(?:on|last|this|earlier|late|early)\s+)*(?:{_TIME})\b(?:\s+(?:{_TIME}))?\s*$",
                   re.IGNORECASE)


_PROGRESSIVE = re.compile(r"\s(?:is|was|are|were)\s+$")
# one person ("Tom Wells, who says", "advocate Tom Wells who said"): not "who have"
_RELATIVE_WHO = re.compile(r",?\s+who\s+(?:(?:also|then|later|has|had)\s+)*$")


_FROM_PLACE = re.compile(r"\s(?:from|in)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}\s*$")


def subject_before_verb(text: str, lo: int, verb_start: int, cue: str) -> Ref | None:
    """Pattern SUBJECT [OCCASION] [WHEN] [ADVERB] VERB: "Smith said", "the pundit noted", "he also stressed",
    "Roe in an interview with Reuters added", "Furman on Sunday noted", "Tom Wells, who says"."""
    if cue.endswith("ing"):  # "Jo Ames is blaming ...": the auxiliary belongs to the verb
        progressive = _PROGRESSIVE.search(text, max(lo, verb_start - 12), verb_start)
        verb_start = progressive.start() if progressive else verb_start
    for adjunct in (_OCCASION, _WHEN):
        m = adjunct.search(text, max(lo, verb_start - 100), verb_start)
        if m:
            verb_start = m.start()
    origin = _FROM_PLACE.search(text, max(lo, verb_start - 60), verb_start)
    if origin:  # "Jo Ames from Banja Luka thinks": where the person comes from is no subject
        named = ref_at_end(text, max(lo, origin.start() - WINDOW), origin.start())
        verb_start = origin.start() if named is not None and named.kind == "name" else verb_start
    relative = _RELATIVE_WHO.search(text, max(lo, verb_start - 30), verb_start)
    if relative:  # "... endorsed Tom Wells, who says ...": the person the clause is about
        verb_start = relative.start()
    ref = ref_at_end(text, max(lo, verb_start - WINDOW), verb_start)
    # "Jo Ames, head of the Club of Analysts, said": a named head before an appositive is no collective
    appositive = text[ref.end:verb_start].lstrip().startswith(",") if ref else False
    if ref is None or (ref.kind != "role" and not appositive and is_anonymous(text, lo, verb_start)):
        return None
    return ref.with_cue(cue) if ref else None


# "The head of the Eurasian Society in Berlin [also] said": a role phrase and where the person works
_ROLE_OF_PLACE = re.compile(rf"\s*(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?({_ROLE})\s+(?:of|at|from|for|in)\s+"
                            r"([^,;:“”\"]{2,80})$", re.IGNORECASE)


def role_of_place(text: str, lo: int, verb_start: int) -> Ref | None:
    """The sentence before the verb is one role phrase with an organisation the text has named before, or
    with the name of the office ("The Minister for Tourism and Transport"): the person introduced with it is
    the subject. ("The head of the central bank said" may be someone new.)"""
    window = _PARENTHETICAL_AT_END.sub("", _strip_adverbs(text[lo:verb_start]).rstrip())  # "Mines (Minem)"
    m = _ROLE_OF_PLACE.match(window)
    named = NAME_RUN.search(m.group(2)) if m else None
    if named is None:
        return None
    if text.find(named.group(), 0, lo) < 0 and not _OFFICE.fullmatch(m.group(2).strip()):
        return None
    return Ref("role", m.group(1).lower(), lo + m.start(1), lo + m.end(1))


# "The Minister for Tourism and Transport said": the complement is the name of the office itself
_OFFICE = re.compile(rf"(?:the\s+)?[{UP}][\w’'-]*(?:\s+(?:and|of|for|the|&|[{UP}][\w’'-]*))*")


def trailing_frame(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern after a quotation: ', he said', ', said Caddell', ' Mambetalin said.', '— the expert noted'."""
    window_end = min(hi, lo + WINDOW)
    m = re.match(r"\s*[,.!?;…]?\s*(?:[―—–-]+\s*)?", text[lo:window_end])
    start = lo + (m.end() if m else 0)
    verb = VERB_AT_START.match(text, start, window_end)
    if verb is None and _DASH_SIGNATURE.match(text[lo:start]):
        return _signature(text, start, window_end)
    if verb and verb.group(1).lower() in TELL_VERBS:
        return None  # ", told Trend on Monday": the name after "told" is the one told, not the speaker
    if verb:
        ref = ref_at_start(text, verb.end(), window_end) or _after_descriptors(text, verb.end(), window_end)
        if ref is None or ref.kind == "role":
            ref = _named_after_appositive(text, verb.end(), window_end) or ref
        return ref.with_cue(verb.group(1)) if ref else None
    ref = ref_at_start(text, start, window_end)  # anchored: titles such as "Mr." may precede the name
    verb = VERB_AT_START.match(text, ref.end, window_end) if ref else None
    if ref is not None and verb is not None:
        return ref.with_cue(verb.group(1))
    return _subject_then_verb(text, start, window_end)


_APPOSITIVE_THEN_NAME = re.compile(r"\s+((?:an?|the)\s+[^,.;:“”\"]{2,60}?),\s+")


def _named_after_appositive(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern "said a UN expert in Uzbekistan, Yevgeny Abdullayev": a descriptor with a role, then the name."""
    m = _APPOSITIVE_THEN_NAME.match(text, lo, hi)
    if not m or not re.search(_ROLE, m.group(1), re.IGNORECASE):
        return None
    ref = ref_at_start(text, m.end(), hi)
    return ref if ref is not None and ref.kind == "name" else None


def _subject_then_verb(text: str, start: int, hi: int) -> Ref | None:
    """Pattern “...,” SUBJECT VERB: "Trump lawyer Marc Kasowitz said", "Rep. Jo Ames (D-Wis.) said Friday",
    "Jo Ames of Curtin University said"."""
    verbs = find_verbs(text, start, min(hi, start + MAX_SUBJECT))
    if not verbs or not _SUBJECT_OPENING.match(text, start, verbs[0][0]):
        return None
    if sentence_spans(text, start, verbs[0][1])[0][1] < verbs[0][1]:
        return None  # the verb belongs to a later sentence
    verb_start, _, cue = verbs[0]
    ref = subject_before_verb(text, start, verb_start, cue)
    if ref is None or ref.kind != "name" or " " not in ref.text:  # "Jo Ames of Curtin University said"
        affiliated = person_of_affiliation(text, start, verb_start)
        ref = affiliated.with_cue(cue) if affiliated else ref
    return ref if ref is not None and ref.kind == "name" else None


_LOWER_DESCRIPTORS = re.compile(r"\s*(?:[a-z][\w’'-]*\s+){1,4}")
# "said Middle East expert Dr. Jo Ames", "said Harvard economist Jo Ames": any words, then a lower-case role
_ROLE_DESCRIPTORS = re.compile(rf"\s*(?:[\w’'-]+\s+){{0,3}}?(?:{_ROLE})\s+")


def _after_descriptors(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern "said economist Maria Lopez" / "said Middle East expert Maria Lopez": descriptors between the
    verb and the name (lower case, or ending in a lower-case role noun)."""
    m = _LOWER_DESCRIPTORS.match(text, lo, hi)
    if not m or not re.search(_ROLE, m.group(), re.IGNORECASE):
        m = _ROLE_DESCRIPTORS.match(text, lo, hi)
    if not m:
        return None
    ref = ref_at_start(text, m.end(), hi)
    return ref if ref and ref.kind == "name" else None


_AFFILIATION_PREP = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?[\w“\"]", re.IGNORECASE)


def person_of_affiliation(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern "[political analyst] Ghia Nodia of the Caucasian Institute (CIPDD)" / "Jo Ames from X Bank":
    a full name, maybe after descriptors, then the place it works at, filling the window [lo, hi)."""
    ref = _after_descriptors(text, lo, hi) or ref_at_start(text, lo, hi)
    if ref is None or ref.kind != "name" or " " not in ref.text or not _AFFILIATION_PREP.match(text, ref.end, hi):
        return None
    return ref if not find_verbs(text, ref.end, hi) else None


def _signature(text: str, start: int, hi: int) -> Ref | None:
    """Pattern “...” ― Jane Roe: a dash and a name alone closing the line."""
    ref = ref_at_start(text, start, hi)
    rest = text[ref.end:hi] if ref else ""
    if ref is None or ref.kind != "name" or rest.strip(" .,(") and not rest.lstrip().startswith(","):
        return None
    return ref.with_cue("―")


def leading_frame(text: str, lo: int, hi: int) -> Ref | None:
    """Pattern before a quotation: 'Smith said:', 'the pundit told Trend that', 'Caddell continued:'."""
    base = max(lo, hi - WINDOW)
    window = text[base:hi]
    end = base + len(_FRAME_TAIL.sub("", window))
    verbs = find_verbs(text, base, end)
    colon = window.rstrip().endswith(":")
    if colon and verbs:  # "He added a warning about X:": an earlier verb of the sentence ("warning" is a noun)
        sentence_start = sentence_spans(text, base, end)[-1][0]
        verbs = [v for v in verbs if v[0] >= sentence_start] or verbs[-1:]
    for verb_start, verb_end, cue in reversed(verbs if colon else verbs[-1:]):
        told = cue.lower() in TELL_VERBS and end - verb_end < 60
        if told or not text[verb_end:end].strip() or colon:
            ref = subject_before_verb(text, base, verb_start, cue) or participle_subject(text, lo, verb_start, cue)
            if ref is not None:
                return ref
    return None


_BY = re.compile(r"(?:^|\s)by$")


def participle_subject(text: str, lo: int, verb_start: int, cue: str) -> Ref | None:
    """Pattern "Jane Roe defended the plan, saying, “...”" or "Jane Roe responded by saying, “...”": the
    sentence subject of a participle frame."""
    before = text[max(lo, verb_start - 4):verb_start].rstrip()
    if not cue.endswith("ing") or not (before.endswith(",") or _BY.search(before)):
        return None
    sentence_start = sentence_spans(text, lo, verb_start)[-1][0] if verb_start > lo else lo
    ref = ref_at_start(text, sentence_start, verb_start)
    opener = text.find(",", sentence_start, verb_start - 3)
    if ref is None and opener >= 0:  # "During the forum, Trump attacked X, saying, “...”"
        ref = ref_at_start(text, opener + 1, verb_start)
    if ref is None or (ref.kind == "role" and ref.indefinite) or is_anonymous(text, sentence_start, ref.end):
        return None
    return ref.with_cue(cue)
