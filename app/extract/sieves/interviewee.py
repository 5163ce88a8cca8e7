"""Sieve 2: an unlabelled answer of a question-and-answer interview is the interviewee's.

The interviewee is the speaker of the last labelled answer before it, else the person the introduction
(everything before the first answer, title included) names most often.
"""
from __future__ import annotations

from app.extract.document import Document
from app.extract.names import surname
from app.extract.people import People, Person
from app.extract.sieves.link import Link


def _introduced(doc: Document, people: People, before: int) -> Person | None:
    """The person named most often in the text, among those named before `before`; the first on a tie."""
    named = [p for p in people.all() if p.mentions and min(p.mentions) < before] or people.all()
    if not named:
        return None
    return max(named, key=lambda p: (doc.reading.count(surname(p.name)), -min(p.mentions, default=0)))


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
        link.decide(current, "interviewee")
