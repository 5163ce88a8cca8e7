"""Sieve 2: an unlabelled answer of a question-and-answer interview is the interviewee's.

The interviewee is the speaker of the last labelled answer before it, else the person the introduction
(everything before the first answer, title included) names most often, leaving out whom a credit line
names ("By Jo Ames and Tom Wells": the interviewers).
"""
from __future__ import annotations

import re

from app.extract.document import Document
from app.extract.names import surname
from app.extract.people import People, Person
from app.extract.regex import alternation
from app.extract.rules import CREDIT_OPENERS
from app.extract.segment import line_index
from app.extract.sieves.link import Link

_INITIALS_LABEL = re.compile(r"\s*([A-Z]{2,4})\s*:\s*$")  # "EL:" for Egils Levits
_HEADLINE_LABEL = re.compile(r"\s*([^:\n]{3,60}):\s")  # "Jane Roe: “I am in danger”"
_CREDIT_LINE = re.compile(rf"^[ \t•*-]*(?:{alternation(CREDIT_OPENERS)})\b\s*[:\-–—]?[ \t]*(.+)$",
                          re.IGNORECASE | re.MULTILINE)


def _credited(doc: Document, people: People, before: int) -> set[str]:
    """The names of the persons credit lines before `before` name."""
    return {p.name for m in _CREDIT_LINE.finditer(doc.reading, 0, before)
            for p in people.named_in(m.group(1), m.start(1), full_names_only=True)}


def _times_named(doc: Document, person: Person) -> int:
    """How often the text names the person by full name, first word or surname (whole words only)."""
    words = {person.name, person.name.split(" ")[0], surname(person.name)}
    return sum(len(re.findall(rf"\b{re.escape(w)}\b", doc.reading)) for w in words)


def _introduced(doc: Document, people: People, before: int) -> Person | None:
    """The person a "Name: ..." headline names; else the person named most often in the text, among those
    named before `before`; the first on a tie."""
    headline = _HEADLINE_LABEL.match(doc.reading, 0, doc.headline_end)
    if headline:
        named = people.named_in(headline.group(1), headline.start(1), full_names_only=True)
        if len(named) == 1:
            return named[0]
    credited = _credited(doc, people, before)
    candidates = [p for p in people.all() if p.name not in credited]
    named = [p for p in candidates if p.mentions and min(p.mentions) < before] or candidates
    if not named:
        return None
    return max(named, key=lambda p: (_times_named(doc, p), -min(p.mentions, default=0)))


def _by_initials(doc: Document, people: People, link: Link) -> Person | None:
    """The person whose initials label the answer ("EL: …"), when exactly one has them."""
    ls, _ = doc.lines[line_index(doc.lines, link.claim.start)]
    m = _INITIALS_LABEL.match(doc.reading, ls, link.claim.start)
    if not m:
        return None
    matching = [p for p in people.all() if "".join(w[0] for w in p.name.split(" ")).upper() == m.group(1)]
    return matching[0] if len(matching) == 1 else None


def interviewee(doc: Document, links: list[Link], people: People) -> None:
    """Pattern: intro naming Jane Roe, then "Q: …?" / "A: …" or questions and answer paragraphs."""
    answers = sorted((link for link in links if link.claim.finder == "interview"), key=lambda link: link.claim.start)
    if not answers:
        return
    default = _introduced(doc, people, answers[0].claim.start)
    current = default
    for link in answers:
        if link.sieve is not None:
            current = link.person or current  # a labelled answer ("Jane Roe: …") names the speaker
            continue
        link.decide(_by_initials(doc, people, link) or current, "interviewee")
