"""Sieve 1: the mention the content finder saw in the cue frame ("Smith said", "said the pundit", "he added")."""
from __future__ import annotations

from app.extract.document import Document
from app.extract.people import People
from app.extract.sieves.link import NO_ONE, Link


def cue_frame(doc: Document, links: list[Link], people: People) -> None:
    """Resolve every framed mention in reading order, so that pronouns and role nouns follow the focus.

    A mention that resolves to no one (an organisation, "a source") keeps its content from every later sieve.
    """
    for link in sorted(links, key=lambda link: link.claim.anchor):
        ref = link.claim.ref
        if ref is None:
            continue
        link.decide(people.resolve(ref), f"{link.claim.finder}/{ref.kind}")
        link.sieve = link.sieve or NO_ONE
