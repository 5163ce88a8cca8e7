"""Speakers named together: "Both Dimitrova and Slavkova are of the opinion that ...", "Jo Ames, Tom Wells
and Ann Lee said ...".  The frame names its last speaker; each person named before it, joined by commas
and "and", says the same words: one claim each, with the same content.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lemminflect import getLemma

from app.extract.claims import Claim
from app.extract.frames import Ref
from app.extract.names import NAME_RUN, person_tokens
from app.extract.rules import ROLE_NOUNS

LOOKBACK = 160  # characters before the last speaker's name where the others stand
MAX_OPENING_WORDS = 3  # before the first of them in their sentence: "However, political analyst"
# "A, B and [political analyst] C": the names before the last one's, and the role words after "and"
_JOINED_BEFORE = re.compile(rf"(?:\b(?:[Bb]oth)\s+)?((?:{NAME_RUN.pattern},\s+){{0,4}}{NAME_RUN.pattern})"
                            r",?\s+and\s+(?:[a-z][\w-]*\s+){0,4}$")
_SENTENCE_END = re.compile(r"[.!?:;\n][”\"’']?\s*|,?\s+(?:but|while|whereas)\s+")  # a sentence or clause opens
_ROLE_WORDS = frozenset(word for role in ROLE_NOUNS for word in role.split())


def co_speakers(text: str, claim: Claim) -> list[Claim]:
    """The claims of the persons named with the claim's speaker ("A and B said"), none when there are none."""
    ref = claim.ref
    if ref is None or ref.kind != "name":
        return []
    lo = max(0, ref.start - LOOKBACK)
    m = _JOINED_BEFORE.search(text, lo, ref.start)
    if m is None or not _opens_sentence(text, m.start()):
        return []  # "The vote pleased Jane Roe and Tom Wells, who said": the pair is no subject
    out = []
    for run in NAME_RUN.finditer(text, m.start(1), m.end(1)):
        tokens = person_tokens(run.group())
        if tokens:
            out.append(replace(claim, ref=Ref("name", " ".join(tokens), run.start(), run.end(), ref.cue)))
    return out


def _opens_sentence(text: str, at: int) -> bool:
    """Only a few capitalised or role words stand between the start of the sentence (or of its clause after
    "but", "while") and `at`."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 200), at)]
    opening = text[starts[-1] if starts else max(0, at - 200):at].split()
    return len(opening) <= MAX_OPENING_WORDS and all(w[0].isupper() or _role_word(w) for w in opening)


def _role_word(word: str) -> bool:
    """A word of a role noun, in the singular or the plural ("analyst", "coaches")."""
    return word.lower() in _ROLE_WORDS or getLemma(word.lower(), upos="NOUN")[0] in _ROLE_WORDS


def with_co_speakers(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims, each followed by the claims of the persons named with its speaker."""
    return [c for claim in claims for c in (claim, *co_speakers(text, claim))]
