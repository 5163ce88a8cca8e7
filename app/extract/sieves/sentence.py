"""Sieve 3: a quotation with no cue frame goes to the only person named in its sentence, outside the marks.

Pattern "X, press secretary of Y, touched upon the meeting, “…”" or "Another expert, X, has a different
opinion: “…”": the sentence names its speaker but has no reporting verb.  A sentence that opens with
"he" or "she" and names no one gives the quotation to the person in focus of that gender.
"""
from __future__ import annotations

import bisect
import re
import sys

from app.extract.document import Document
from app.extract.frames import Ref
from app.extract.names import surname
from app.extract.people import People, Person
from app.extract.segment import line_index, sentence_spans
from app.extract.sieves.link import Link

_PRONOUN_OPENING = re.compile(r"\s*(?:[A-Z][a-z]+,\s+)?(He|She)\b")


def _outside(doc: Document, s: int, e: int) -> str:
    """The sentence with its quotations blanked out (same offsets)."""
    chars = list(doc.reading[s:e])
    quoted = doc.quoted
    for qs, qe in quoted[max(0, bisect.bisect_left(quoted, (s, s)) - 1):bisect.bisect_left(quoted, (e, e))]:
        for k in range(max(qs, s), min(qe, e)):
            chars[k - s] = " "
    return "".join(chars)


# "remarks by", "a letter to", "talks with": not "of" or "for", which titles hold ("Minister of Information Jo Ames")
_PREPOSITION = re.compile(r"\b(?:by|to|with|against|about)\s+(?:[a-z]+\s+){0,3}$")


def _only_after_preposition(window: str, person: Person) -> bool:
    """Pattern "The ministry called the remarks by Jo Ames, the shadow minister, “weak”": the one person the
    sentence names is the object of a preposition (its words are talked about), not its subject."""
    mentions = [m.start() for m in re.finditer(rf"\b(?:{re.escape(person.name)}|{re.escape(surname(person.name))})\b",
                                               window)]
    return bool(mentions) and all(_PREPOSITION.search(window, max(0, at - 60), at) for at in mentions)


def _sentence_at(sentences: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The sentence (of a line's sorted, disjoint sentences) that holds offset `at`."""
    k = bisect.bisect_right(sentences, (at, sys.maxsize)) - 1
    return sentences[k] if k >= 0 and sentences[k][0] <= at < sentences[k][1] else None


def only_person_in_sentence(doc: Document, links: list[Link], people: People) -> None:
    """Give each undecided quotation to the one person its sentence names, or to "he"/"she" opening it."""
    sentences: dict[int, list[tuple[int, int]]] = {}  # by line, split once: a long line holds many quotations
    seen: dict[tuple[int, int], tuple[str, list[Person]]] = {}  # by sentence: its quotations see the same
    for link in links:
        claim = link.claim
        if link.sieve is not None or claim.finder not in ("quotation", "embedded"):
            continue
        i = line_index(doc.lines, claim.start)
        if i not in sentences:
            sentences[i] = sentence_spans(doc.reading, *doc.lines[i])
        sentence = _sentence_at(sentences[i], claim.start)
        if sentence is None:
            continue
        if sentence not in seen:
            window = _outside(doc, *sentence)
            named = people.named_in(window, sentence[0]) if window.strip() else []
            talked_about = len(named) == 1 and _only_after_preposition(window, named[0])
            seen[sentence] = window, [] if talked_about else named
        window, named = seen[sentence]
        if not window.strip():
            continue  # the sentence is the quotation: the block sieve decides
        if len(named) == 1:
            link.decide(named[0], "sentence/name")
            continue
        opening = _PRONOUN_OPENING.match(window)
        if not named and opening:
            at = sentence[0] + opening.start(1)
            link.decide(people.resolve(Ref("pronoun", opening.group(1).lower(), at, at + len(opening.group(1)))),
                        "sentence/pronoun")
