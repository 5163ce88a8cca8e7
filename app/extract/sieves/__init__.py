"""Speaker sieves: each content span is linked to a person by the first sieve, in order, that decides it.

The order runs from the most precise to the loosest (Muzny et al., EACL 2017): the cue frame the content
finder saw; the interviewee; the only person named in the sentence; the speaker of the neighbouring
content in the same block; the only person named in the paragraph before (then the block again).  Last,
the continuations carry a speaker's reported words on into the next sentences and lines.  Every link
records its sieve; `confidence` turns that into a number.
"""
from __future__ import annotations

from collections.abc import Callable

from app.extract.document import Document
from app.extract.people import People
from app.extract.sieves.block import only_person_in_previous_paragraph, previous_in_block
from app.extract.sieves.continuation import line_continuations, sentence_continuations
from app.extract.sieves.frame import cue_frame
from app.extract.sieves.interviewee import interviewee
from app.extract.sieves.link import Link
from app.extract.sieves.sentence import only_person_in_sentence

Sieve = Callable[[Document, list[Link], People], None]

SIEVES: tuple[Sieve, ...] = (
    cue_frame,
    interviewee,
    only_person_in_sentence,
    previous_in_block,
    only_person_in_previous_paragraph,
    previous_in_block,
    sentence_continuations,
    line_continuations,
)


def link_speakers(doc: Document, links: list[Link], people: People) -> list[Link]:
    """Run every sieve over the links in order; each decides only the links still undecided."""
    for sieve in SIEVES:
        sieve(doc, links, people)
    return links


__all__ = ["Link", "SIEVES", "link_speakers"]
