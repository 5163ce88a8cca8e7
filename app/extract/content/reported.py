"""Reported speech: the clause a person is said to say, believe or stress, without the frame.

Patterns, tried in order on each sentence outside quotation marks:
  According to SOURCE, CONTENT.          CONTENT, according to SOURCE.      CONTENT, according to SOURCE, CONTENT.
  In his/her/NAME's view, CONTENT.       SOURCE [, appositive,] VERB [OBJECT] [that] CONTENT.
  CONTENT, SOURCE VERB. / CONTENT, VERB SOURCE.
  CONTENT, NAME, APPOSITIVE, VERB [OBJECT].   CONTENT. This is the opinion of SOURCE.  (content/tail.py)
A subject of two names ("Jane Roe and Tom Wells said") gives each of them the claim.
"""
from __future__ import annotations

import re

from app.extract.claims import Claim
from app.extract.content.aside import mid_sentence_frame
from app.extract.content.clause import clause_end, clause_start, looks_like_clause
from app.extract.content.tail import content_span as _content
from app.extract.content.tail import handback_frame, named_tail_frame
from app.extract.frames import (
    Ref,
    find_verbs,
    has_verb,
    participle_subject,
    person_of_affiliation,
    ref_at_end,
    ref_at_start,
    role_of_place,
    subject_before_verb,
    trailing_frame,
)
from app.extract.names import UP
from app.extract.regex import alternation
from app.extract.rules import (
    FRAME_PARTICIPLES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOURCE_FIRST_CUES,
    SPEECH_NOUNS,
    VIEW_NOUNS,
)
from app.extract.segment import sentence_spans

_OPENING = r"(?:[\w’']+,\s+){0,2}"  # "Thus, ", "However, " before the frame
SOURCE_FIRST = re.compile(rf"{_OPENING}({alternation(SOURCE_FIRST_CUES)})\s+([^,;:“”\"]{{2,160}}?),\s+", re.IGNORECASE)
SOURCE_LAST = re.compile(r",\s+(according to)\s+([^,;:“”\"]{2,160}?)[.!?]?\s*$", re.IGNORECASE)
SOURCE_INSIDE = re.compile(r",\s+(according to)\s+([^,;:“”\"]{2,120}?),\s+", re.IGNORECASE)
_DESCRIPTOR_START = re.compile(rf"(?:an?|the|former|{alternation(ROLE_NOUNS)})\b", re.IGNORECASE)
_VIEW_NOUN = rf"\s+(?:own\s+)?(?:{alternation(VIEW_NOUNS)}),\s+"
VIEW = re.compile(rf"{_OPENING}(?:in|to)\s+(his|her){_VIEW_NOUN}", re.IGNORECASE)
VIEW_OF_NAME = re.compile(rf"{_OPENING}[Ii]n\s+([{UP}][\w.-]*(?:\s+[{UP}][\w.-]*){{0,3}})(?:[’']s?){_VIEW_NOUN}")
MAX_CLAIMS_PER_SENTENCE = 3
MAX_TAIL = 80  # a sentence-final frame ", Smith told reporters on Monday." is short
MAX_APPOSITIVE_TAIL = 200  # ", said Jane Roe, a fellow at X who ..." may run longer
MAX_FRAME_COMMAS = 3
# ", said [political analyst and blogger] Jane Roe": as many lower-case descriptors as _after_descriptors takes
VERB_THEN_NAME = re.compile(rf",\s+(?:{alternation(REPORTING_VERBS)})\s+(?:[a-z]+\s+){{0,4}}[{UP}]")


OBJECT_PRONOUNS = {"him": "he", "her": "she"}


def _source_phrase(text: str, lo: int, hi: int, cue: str) -> Ref | None:
    """The source after "according to": a mention, or "him"/"her" standing for the speaker last named."""
    pronoun = OBJECT_PRONOUNS.get(text[lo:hi].strip().lower())
    if pronoun:
        return Ref("pronoun", pronoun, lo, hi, cue)
    ref = person_of_affiliation(text, lo, hi) or ref_at_end(text, lo, hi)
    return ref.with_cue(cue) if ref else None


_NAME_THEN_COMMA = re.compile(r"([^,;:“”\"]{2,60}?),\s+")


def according_to_first(text: str, s: int, e: int) -> Claim | None:
    """Pattern "According to German pundit Jane Roe, the year was a success." / "According to Associate
    Professor of Economics at X, Prof. Jane Roe, the year ..." (the description first, then the name)."""
    m = SOURCE_FIRST.match(text, s, e)
    if not m:
        return None
    ref = _source_phrase(text, m.start(2), m.end(2), m.group(1))
    content_start = m.end()
    named = _NAME_THEN_COMMA.match(text, m.end(), e) if ref is None or " " not in ref.text else None
    after = _source_phrase(text, named.start(1), named.end(1), m.group(1)) if named else None
    if after is not None and after.kind == "name" and " " in after.text:  # "..., Prof. Jane Roe, CONTENT"
        ref, content_start = after, named.end()
    span = _content(text, content_start, clause_end(text, content_start, e))
    return Claim("indirect", [span], ref, m.group(1)) if ref and span else None


def according_to_last(text: str, s: int, e: int) -> Claim | None:
    """Pattern "The year was a success, according to Jane Roe."."""
    m = SOURCE_LAST.search(text, s, e)
    if not m:
        return None
    ref = _source_phrase(text, m.start(2), m.end(2), m.group(1))
    span = _content(text, s, m.start())
    return Claim("indirect", [span], ref, m.group(1)) if ref and span else None


def according_to_inside(text: str, s: int, e: int) -> Claim | None:
    """Pattern "The failed vote, according to the political scientist Jane Roe, harms the country." (the
    content is around the frame), or "The vote failed, according to Jane Roe, a professor at X."."""
    m = SOURCE_INSIDE.search(text, s, e)
    if not m:
        return None
    ref = _source_phrase(text, m.start(2), m.end(2), m.group(1))
    describes = _DESCRIPTOR_START.match(text, m.end(), e) and not looks_like_clause(text, m.end(), e)
    trail = None if describes else _content(text, m.end(), e)  # ", a professor at X." describes the source
    spans = [span for span in (_content(text, s, m.start()), trail) if span]
    return Claim("indirect", spans, ref, m.group(1)) if ref and spans else None


def in_his_view(text: str, s: int, e: int) -> Claim | None:
    """Pattern "In his view, the outcome was positive." / "In Roe’s opinion, ..." (the owner is the speaker)."""
    m = VIEW.match(text, s, e)
    named = None if m else VIEW_OF_NAME.match(text, s, e)
    if named:
        ref = ref_at_start(text, named.start(1), named.end(1))
        if ref is None or ref.kind != "name":
            return None
        m = named
    elif m:
        ref = Ref("pronoun", m.group(1).lower(), m.start(1), m.end(1))
    else:
        return None
    span = _content(text, m.end(), clause_end(text, m.end(), e))
    cue = text[m.start(1) - 3 if text[m.start(1) - 3:m.start(1)].lower() == "in " else m.start(1):m.end()].rstrip(", ")
    return Claim("indirect", [span], ref.with_cue(cue), cue) if span else None


_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+)?$")


def _coordinated_subject(text: str, s: int, verb_start: int, cue: str) -> Ref | None:
    """Pattern "Jane Roe declined to comment but said that ...": the sentence subject of a second verb."""
    if not _AND_BEFORE.search(text, max(s, verb_start - 12), verb_start):
        return None
    ref = ref_at_start(text, s, verb_start)
    return ref.with_cue(cue) if ref and ref.kind != "role" else None


def _affiliated_subject(text: str, s: int, verb_start: int, cue: str) -> Ref | None:
    """Pattern "Analyst Ghia Nodia of the Institute for Peace, Democracy and Development told X that":
    the sentence opens with a person and the (long, comma-bearing) name of the place they work at."""
    ref = person_of_affiliation(text, s, verb_start)
    return ref.with_cue(cue) if ref else None


def _described_opener(text: str, s: int, verb_start: int, cue: str) -> Ref | None:
    """Pattern "Ayo Teriba, chief executive of Economics Associates has said": the sentence opens with a full
    name and its description, and the comma that should close the description is missing."""
    ref = ref_at_start(text, s, verb_start)
    if ref is None or ref.kind != "name" or " " not in ref.text or not text.startswith(",", ref.end):
        return None
    description = text[ref.end + 1:verb_start].lstrip()
    if not description[:1].islower() or find_verbs(text, ref.end, verb_start):
        return None
    return ref.with_cue(cue)


_OWNED_WORDS = re.compile(rf"\s*(?:(?:[\w’']+,\s+){{0,2}})?((?:[{UP}][\w’'-]+\s+){{0,3}}[{UP}][\w’'-]+)[’']s\s+"
                          rf"(?:[\w-]+\s+){{0,2}}?(?:{alternation(SPEECH_NOUNS)})\b")


def _owner_of_words(text: str, s: int, verb_start: int) -> Ref | None:
    """Pattern "Munthali’s critique … cautioned that", "Obama’s remarks … stressed": the sentence opens with
    a person's words as its subject, and they are that person's."""
    m = _OWNED_WORDS.match(text, s, verb_start)
    if m is None or has_verb(text[m.end():verb_start]):
        return None
    ref = ref_at_start(text, m.start(1), m.end(1))
    return ref if ref is not None and ref.kind == "name" and ref.end == m.end(1) else None


def _subject(text: str, s: int, verb_start: int, cue: str) -> Ref | None:
    """The speaker of the verb at verb_start: a role phrase with its place ("The head of X in Berlin said"),
    the mention right before it, the subject of a coordinated verb, or a person named with their affiliation.
    A one-word mention right before the verb may end that affiliation ("Nodia of the Institute for Peace
    and Development told")."""
    role = role_of_place(text, s, verb_start)
    if role is not None:
        return role.with_cue(cue)
    owner = _owner_of_words(text, s, verb_start)
    if owner is not None:
        return owner.with_cue(cue)
    ref = subject_before_verb(text, s, verb_start, cue)
    if ref is None:
        return (_coordinated_subject(text, s, verb_start, cue) or _affiliated_subject(text, s, verb_start, cue)
                or _described_opener(text, s, verb_start, cue))
    if ref.kind == "name" and " " not in ref.text:
        return _affiliated_subject(text, s, verb_start, cue) or ref
    return ref


def subject_verb_clause(text: str, s: int, e: int, after: int | None = None) -> Claim | None:
    """Pattern "Jane Roe, a professor at X, believes that ..." / "The pundit told Trend that ...".

    `after` looks for a second frame of the sentence ("... and warned that ...") past the first claim.
    """
    for verb_start, verb_end, cue in find_verbs(text, s if after is None else after, e):
        ref = _subject(text, s, verb_start, cue)
        if ref is None:
            continue
        start = clause_start(text, verb_end, cue, e)
        span = _content(text, start, clause_end(text, start, e)) if start is not None else None
        if span:
            return Claim("indirect", [span], ref, cue)
    return None


_PARTICIPLE = re.compile(rf",\s+(?:{alternation(FRAME_PARTICIPLES)})\b")


def final_frame(text: str, s: int, e: int) -> Claim | None:
    """Pattern "The plan will fail, Smith said." / "..., said the analyst on Monday." /
    "..., said Jane Roe, a senior fellow at X who studies Y." (the frame's appositive has commas) /
    "..., said Jane Roe, pointing to X." (a participle after the frame is the writer's)."""
    participles = list(_PARTICIPLE.finditer(text, s, e))
    if participles and find_verbs(text, s, participles[-1].start()):
        e = participles[-1].start()
    comma = e
    for k in range(MAX_FRAME_COMMAS):
        comma = text.rfind(",", s, comma)
        if comma < 0 or e - comma > MAX_APPOSITIVE_TAIL:
            return None
        if (k or e - comma > MAX_TAIL) and not VERB_THEN_NAME.match(text, comma, e):
            continue  # past the last comma, only "..., said Jane Roe, a ..." is a frame
        ref = trailing_frame(text, comma, e) if find_verbs(text, comma, e) else None
        if ref is not None and _introduces_more(text, ref.end, e):
            return None  # "As regards X, Roe said: “...”": the frame opens what follows, not what precedes
        if ref is not None:
            span = _content(text, s, comma)
            return Claim("indirect", [span], ref, ref.cue) if span else None
    return None


_FIRST_PUNCT = re.compile(r"[^,.;:!?“”\"]*([,.;:!?“”\"])")


def _introduces_more(text: str, lo: int, hi: int) -> bool:
    """The frame ending near lo is followed by a colon: it introduces a quotation or list."""
    m = _FIRST_PUNCT.match(text, lo, min(hi, lo + 40))
    return bool(m) and m.group(1) == ":"


def participle_clause(text: str, s: int, e: int) -> Claim | None:
    """Pattern "Jo Ames welcomed the plan, saying it would create jobs.": the sentence's subject said what
    its participle frame reports."""
    for m in _PARTICIPLE.finditer(text, s, e):
        verb_start = m.end() - len(m.group().lstrip(", \t"))
        cue = text[verb_start:m.end()]
        ref = participle_subject(text, s, verb_start, cue)
        start = clause_start(text, m.end(), cue, e) if ref is not None else None
        span = _content(text, start, clause_end(text, start, e)) if start is not None else None
        if span:
            return Claim("indirect", [span], ref, cue)
    return None


PATTERNS = (according_to_first, according_to_last, according_to_inside, in_his_view, handback_frame,
            mid_sentence_frame, subject_verb_clause, final_frame, named_tail_frame, participle_clause)


def reported_claims(text: str, lines: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[Claim]:
    """Every reported-speech claim of the text, skipping sentences inside quotations."""
    claims = []
    qi = 0
    for ls, le in lines:
        if ls == le:
            continue
        for s, e in sentence_spans(text, ls, le):
            while qi < len(quoted) and quoted[qi][1] <= s:
                qi += 1
            if qi < len(quoted) and quoted[qi][0] <= s and quoted[qi][1] >= e:
                continue  # the whole sentence is inside a quotation
            claims.extend(_sentence_claims(text, s, e))
    return claims


def _sentence_claims(text: str, s: int, e: int) -> list[Claim]:
    """The first pattern that matches the sentence, then any further frame after its clause."""
    claim = next((c for c in (pattern(text, s, e) for pattern in PATTERNS) if c), None)
    found = []
    while claim is not None and len(found) < MAX_CLAIMS_PER_SENTENCE:
        found.append(claim)
        claim = subject_verb_clause(text, s, e, after=claim.end)
    return found
