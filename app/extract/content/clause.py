"""Where a reported clause starts after its reporting verb, where it ends, and whether it is a clause.

News writing puts adjuncts between the verb and the clause ("said Thursday that", "says in Ohio
that", "said after the debate he would"), and coordinates a second frame after the clause ("said he
would X and warned against Y", "agreed that X, but he said that Y"): the reported clause stops there.
"""
from __future__ import annotations

import re

from app.extract.regex import alternation
from app.extract.rules import (
    BARE_OBJECT_CUES,
    CLAUSE_BREAK_WORDS,
    CLAUSE_OPENERS_NOT,
    DETERMINERS,
    FINITE_MARKERS,
    FRAME_PARTICIPLES,
    INFINITIVE_CUES,
    QUESTION_CUES,
    REPORTING_VERBS,
    SECONDARY_CUES,
    SUBJECT_PRONOUNS,
    TELL_VERBS,
    TIME_WORDS,
)

_TIME = alternation(TIME_WORDS)
# "Thursday", "on Monday", "last week", "Thursday morning", "earlier this month", "this time around"
_TIME_ADJUNCT = re.compile(rf"\s*(?:(?:(?:earlier|later)\s+)?(?:(?:on|last|this|next)\s+)?(?:{_TIME})\b(?![’'])"
                           rf"(?:\s+(?:{_TIME}))?|(?:this|that|last|next)\s+time(?:\s+around)?\b)\s*,?",
                           re.IGNORECASE)
_PREP_ADJUNCT = re.compile(r"\s*,?\s*(?:in|at|on|during|after|before|to|with|from|for|about|of)\s+"
                           r"[^,.;:!?“”\"]{1,60}?(?=\s*,?\s+(?:that|he|she|they|it|we|i|there)\s)", re.IGNORECASE)
_ASIDE = re.compile(r"\s*,\s*(?:however|though|moreover|furthermore|nonetheless|nevertheless|too|also)\s*(?=,)",
                    re.IGNORECASE)  # "added, however, that"
_WHETHER = re.compile(r"\s*(?:whether|if)\s", re.IGNORECASE)  # a reported question
_THAT = re.compile(r"\s*,?\s*that(?:\s*,)?\s+", re.IGNORECASE)  # "said that, if elected, he would"
_COLON = re.compile(r"\s*:\s*(?=[^\W_])")  # "He clarified: the talks will go on" (no quotation marks)
# "says at a campaign stop in Toledo, Ohio, that ...": a longer adjunct, commas included, before "that".
_PREP_THAT = re.compile(r"\s*,?\s*(?:in|at|on|during|after|before|to|with|from|for|about|of)\s+"
                        r"[^.;:!?“”\"]{1,80}?,?\s+that(?:\s*,)?\s+", re.IGNORECASE)
_TOLD_OBJECT = re.compile(r"\s+[^,.;:]{1,60}?\s+(?:that\s+|:\s*)", re.IGNORECASE)  # told CBS's “Face the Nation” that
_TOLD_PRONOUN = re.compile(r"\s+[^,.;:“”\"]{1,60}?\s+(?=(?:he|she|they|it|we|I)\s)")
_WORD = re.compile(r"[\w’'-]+|,")
_TOLD_WORDS = re.compile(r"\s*(?:[\w’'-]+|[,.;:])")  # the words after "told", one at a time
MAX_TOLD_WORDS = 3  # "told [his parliament]", "told [the House]", "told [reporters]"
_INFINITIVE = re.compile(r"\s+to\s+[a-z]")
_CONDITION = re.compile(r"(?:if|unless|in case|in the event)\b", re.IGNORECASE)
_QUANTITY = re.compile(r"(?:so|as)\s+(?:many|much|few|little)\b", re.IGNORECASE)
_WHEN_THEN = re.compile(r"(?:when|while|whereas|(?:even\s+)?(?:al)?though)\s[^,.;:!?]{3,100},\s+"
                        r"(?:he|she|it|we|they|you|i|people|the|there|this|his|her|its|our|their)\s", re.IGNORECASE)
_ALL_CUES = alternation(REPORTING_VERBS | SECONDARY_CUES)
# The clause ends before a relative or concessive aside, a second frame, or a participial frame.
CLAUSE_BREAK = re.compile(
    rf",\s+(?:{alternation(CLAUSE_BREAK_WORDS)})\b"
    rf"|,?\s+(?:and|but)\s+(?:(?:{alternation(SUBJECT_PRONOUNS)})\s+)?(?:also\s+)?(?:{_ALL_CUES})\b"
    rf"|,\s+(?:{alternation(FRAME_PARTICIPLES)})\b"
    r"|,\s+according to\b", re.IGNORECASE)


def clause_end(text: str, start: int, end: int) -> int:
    """The end of the reported clause: the sentence end, or the first clause break before it."""
    m = CLAUSE_BREAK.search(text, start, end)
    return m.start() if m else end


def looks_like_clause(text: str, start: int, end: int) -> bool:
    """Pattern SUBJECT ... FINITE-VERB before any comma ("she would stand", "Stein complied").

    A bare object ("a note of caution, should ...", "the reality of climate change") is no clause.
    """
    words = [w.lower() for w in _WORD.findall(text, start, min(end, start + 120))][:9]
    if not words or words[0] in CLAUSE_OPENERS_NOT or words[0] in FINITE_MARKERS:
        return False
    for k, word in enumerate(words[1:], 1):
        if word == ",":
            return False
        if word in FINITE_MARKERS or words[k - 1] in SUBJECT_PRONOUNS or (word.endswith("ed") and k <= 4):
            return True
    return False


def _after_person_told(text: str, pos: int, end: int) -> int | None:
    """Pattern "told parliament on Tuesday the draft was leaked": the clause after a short object (up to
    MAX_TOLD_WORDS words) and a time adjunct, when what follows reads as a clause."""
    for m in _TOLD_WORDS.finditer(text, pos, min(end, pos + 80)):
        word = m.group().strip()
        if word in ",.;:":
            return None
        if word.lower() in DETERMINERS:
            continue  # "told [his] parliament": the object goes on
        after = m.end()
        adjunct = _TIME_ADJUNCT.match(text, after, end)
        start = adjunct.end() if adjunct else after
        start = _after_spaces(text, start, end)
        if len(text[pos:after].split()) <= MAX_TOLD_WORDS and looks_like_clause(text, start, end):
            return start
    return None


def _after_spaces(text: str, pos: int, end: int) -> int:
    return pos + len(text[pos:end]) - len(text[pos:end].lstrip())


def clause_start(text: str, verb_end: int, cue: str, end: int) -> int | None:
    """Where the clause after a reporting verb begins: after adjuncts and "that", the person told, or the verb."""
    pos = verb_end
    m = _TIME_ADJUNCT.match(text, pos, end)
    if m:
        pos = m.end()
    m = _PREP_THAT.match(text, pos, end)
    if m:
        return m.end()
    m = _PREP_ADJUNCT.match(text, pos, end)
    if m:
        pos = m.end()
    m = _ASIDE.match(text, pos, end)
    if m:
        pos = m.end()
    m = _THAT.match(text, pos, end) or _COLON.match(text, pos, end)
    if m:
        return m.end()
    if cue.lower() in QUESTION_CUES and _WHETHER.match(text, pos, end):
        return _after_spaces(text, pos, end)  # "asked whether the plan had failed"
    if cue.lower() in INFINITIVE_CUES and _INFINITIVE.match(text, pos, end):
        return _after_spaces(text, pos, end)  # "pledged to raise wages"
    if cue.lower() in TELL_VERBS:  # "told Trend that ...", "told reporters: ...", "told the forum he was ..."
        m = _TOLD_OBJECT.match(text, pos, end) or _TOLD_PRONOUN.match(text, pos, end)
        return m.end() if m else _after_person_told(text, pos, end)
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip(" ,"))
    if start >= end:
        return None
    if cue.lower() in BARE_OBJECT_CUES:  # "said [the plan would fail]", "acknowledged [the reality of X]"
        # "said if elected she would ...", "said when [while] people lack facts, they panic", "said so many left"
        if any(opener.match(text, start, end) for opener in (_CONDITION, _WHEN_THEN, _QUANTITY)):
            return start
        first = _WORD.match(text, start, end)
        return start if first and first.group().lower() not in CLAUSE_OPENERS_NOT | FINITE_MARKERS else None
    return start if looks_like_clause(text, start, end) else None
