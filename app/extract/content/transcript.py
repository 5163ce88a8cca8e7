"""Broadcast transcripts: lines opened by a speaker's label in capitals ("HILDA HEINE:", "RACHEL MARTIN, BYLINE:").

Each label names who speaks the line; the programme's own people (its hosts, reporters and presenters) ask
the questions.  A label is the programme's when its role says so (HOST_ROLES), when a credit line names it
("Reporter: Maxine McKew"), or when its person first speaks under a bare surname ("GREENE:"): a guest is
introduced by full name, the host is known to the listener.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.frames import Ref
from app.extract.regex import alternation
from app.extract.rules import CREDIT_OPENERS, HONORIFICS, HOST_ROLES, ROLE_NOUNS

CAPS_LABEL = re.compile(r"\s*((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*){0,4})(?:\s*,\s*([A-Z][^:\n]{1,60}?))?"
                        r"\s*:\s+(?=\S)")
_CREDIT = re.compile(rf"^[ \t]*(?:{alternation(CREDIT_OPENERS)})\s*:[ \t]*(.+)$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class CapsLabel:
    key: str  # the person's surname, lower case: "RACHEL MARTIN" and "MARTIN" are one speaker
    words: int  # how many name words the label gives
    role: str  # what follows the comma, lower case ("byline", "government spokesman")
    ref: Ref | None  # the person, spelled as the text spells the name elsewhere when it does
    end: int  # where the words start, after the colon


def _in_capitals(words: str) -> bool:
    """Every word in capitals ("MAXINE McKEW", "O’NEIL", "DR."), not a name in title case ("Ed Li")."""
    return all(sum(c.isupper() for c in w) >= 2 and sum(c.islower() for c in w) <= 1 for w in words.split())


def caps_label(text: str, start: int, end: int) -> CapsLabel | None:
    """The capitals label opening the line [start, end), or None."""
    m = CAPS_LABEL.match(text, start, end)
    if not m or not _in_capitals(m.group(1)) or (m.group(2) and not _in_capitals(m.group(2))):
        return None
    words = [w for w in m.group(1).split() if w.lower().rstrip(".") not in HONORIFICS | ROLE_NOUNS]
    if not words:
        return None  # "PRESIDENT:" names a role, not a person
    return CapsLabel(words[-1].lower(), len(words), (m.group(2) or "").lower(),
                     Ref("name", _spelled(text, words), m.start(1), m.end(1)), m.end())


def _spelled(text: str, words: list[str]) -> str:
    """The name as the text writes it outside the labels ("Maxine McKew"), else in title case."""
    for m in re.finditer(r"\s+".join(map(re.escape, words)), text, re.IGNORECASE):
        if not _in_capitals(m.group()):
            return m.group()
    return " ".join(w.title() for w in words)


def hosts(text: str, labels: list[CapsLabel]) -> set[str]:
    """The keys of the labels that are the programme's own people."""
    credited = " ".join(m.group(1) for m in _CREDIT.finditer(text)).lower()
    out, seen = set(), set()
    for label in labels:
        if label.key not in seen and label.words == 1:
            out.add(label.key)  # first heard by surname alone
        if any(role in label.role.split() for role in HOST_ROLES) or label.key in credited.split():
            out.add(label.key)
        seen.add(label.key)
    return out
