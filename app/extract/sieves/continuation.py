"""Reported speech that goes on without a new frame: the next sentences of the line, or the next line.

Expert round-ups write "Roe believes that X. Y. Z." where Y and Z are still Roe's words, and may
carry the opinion on into an unquoted paragraph.  A sentence continues only when it has no frame of
its own (no reporting verb, no "according to"), no quotation mark and no other known person.
"""
from __future__ import annotations

import bisect

from app.extract.claims import Claim
from app.extract.document import Document
from app.extract.frames import find_verbs
from app.extract.names import NAME_RUN, person_tokens
from app.extract.people import People
from app.extract.rules import OPINION_CUES
from app.extract.segment import has_mark, line_index, sentence_spans
from app.extract.sieves.link import Link


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without surrounding white space."""
    return s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())


def _has_own_frame(text: str, s: int, e: int) -> bool:
    """A reporting verb, "according to" or a quotation mark: the sentence is framed on its own."""
    return bool(find_verbs(text, s, e)) or "according to" in text[s:e].lower() or has_mark(text[s:e])


def _names_a_person(text: str, s: int, e: int, people: People) -> bool:
    """The span names a known person, the speaker included: "Roe is a former lawyer" is the writer's voice."""
    for m in NAME_RUN.finditer(text, s, e):
        tokens = person_tokens(m.group())
        if tokens and (len(tokens) >= 2 or people.knows_surname(tokens[-1])):
            return True
    return False


MIN_PROSE_WORDS = 6  # "Photo: MTI", "Source: …" and other credits are no one's words


def _is_prose(line: str) -> bool:
    """A line of running text: enough words, and no "Label:" credit at its head."""
    words = line.split()
    return len(words) >= MIN_PROSE_WORDS and not words[0].endswith(":")


def sentence_continuations(doc: Document, links: list[Link], people: People) -> None:
    """Pattern "Roe believes that X. Y.": the unframed sentences after a reported clause in its line go on with it.

    Each such sentence becomes one more span of the same claim (one statement per sentence).
    """
    text, lines = doc.reading, doc.lines
    starts = sorted(link.claim.start for link in links)
    sentences: dict[int, list[tuple[int, int]]] = {}  # by line, split once: a long line holds many claims
    for link in links:
        claim = link.claim
        if claim.kind != "indirect" or link.person is None or len(claim.spans) != 1:
            continue
        if " ".join((claim.cue or "").lower().split()) not in OPINION_CUES:
            continue  # "said X. Y." in news: Y is most often the writer's again (measured on PolNeAR)
        i = line_index(lines, claim.start)
        if i not in sentences:
            sentences[i] = sentence_spans(text, *lines[i])
        line_sentences = sentences[i]
        later = line_sentences[bisect.bisect_left(line_sentences, (claim.end, -1)):]
        for s, e in later:
            k = bisect.bisect_left(starts, s)
            if k < len(starts) and starts[k] < e:
                break  # the sentence holds a claim of its own
            if _has_own_frame(text, s, e) or _names_a_person(text, s, e, people):
                break
            start, end = _trimmed(text, s, e)
            while end > start and text[end - 1] in ".!?;":
                end -= 1
            claim.spans.append((start, end))


def line_continuations(doc: Document, links: list[Link], people: People) -> None:
    """Pattern: an unquoted line right after a line that ends in someone's reported speech goes on with it."""
    text, lines = doc.reading, doc.lines
    by_line: dict[int, list[Link]] = {}
    for link in links:
        by_line.setdefault(line_index(lines, link.claim.start), []).append(link)
    for i in range(1, len(lines)):
        s, e = lines[i]
        prev = by_line.get(i - 1)
        if i in by_line or not prev or not _is_prose(text[s:e]) or _has_own_frame(text, s, e):
            continue
        last = prev[-1]
        claim = last.claim
        last_sentence = sentence_spans(text, *lines[i - 1])[-1]
        ends_line = claim.end >= last_sentence[0] and claim.start >= lines[i - 1][0]
        if claim.kind != "indirect" or last.person is None or not ends_line:
            continue
        follow = Link(Claim("indirect", [_trimmed(text, s, e)], None, None, "continuation"), last.person,
                      "continuation/line")
        links.append(follow)
        by_line[i] = [follow]
