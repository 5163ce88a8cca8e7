"""The plain data that flows through ingestion: what extraction and annotation return.

Nothing here knows about the database or the web; `persist` maps these onto tables.
Offsets are Python `str` indices into the document text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

StatementKind = Literal["direct", "indirect"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document as read from disk, before extraction."""

    source: str  # the path as given, or "path#line" for a JSONL row
    text: str  # UTF-8, BOM removed, CRLF -> LF, otherwise verbatim
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    extracted: object | None = None  # an Analysis read from `opinions extract` output: stored without extracting


@dataclass(slots=True)
class ExtractedExpert:
    """A person the document quotes or reports, as the document introduces them."""

    name: str  # full name, honorifics removed ("Evgeny Kudryats")
    aliases: list[str] = field(default_factory=list)  # other forms used ("Kudryats", "Z. Mammadov")
    nationality: str | None = None  # as written ("Turkish-Kazakh")
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2 ("TR", "KZ")
    roles: list[str] = field(default_factory=list)  # lower case ("pundit", "political analyst")
    affiliations: list[str] = field(default_factory=list)  # organisations ("Great Turan Union Foundation")
    introduced_as: str = ""  # the introducing phrase exactly as written in the text
    paragraph: int = 0  # line index where the expert is introduced


@dataclass(slots=True)
class ExtractedStatement:
    """One attributed piece of an expert's words, never crossing a line break."""

    speaker: str  # equals the `name` of one ExtractedExpert of the same extraction
    kind: StatementKind
    start: int
    end: int
    text: str  # == document_text[start:end]
    cue: str | None  # the cue as written ("said", "believes", "According to")
    paragraph: int  # number of "\n" before start
    group: int | None = None  # shared by the pieces of one quotation ("A," she said, "B.") or utterance
    sieve: str = ""  # the speaker sieve that decided it ("quotation/name", "interviewee", "block")
    confidence: float = 1.0  # that sieve's measured precision, 0-1


@dataclass(slots=True)
class Extraction:
    experts: list[ExtractedExpert]
    statements: list[ExtractedStatement]


@dataclass(slots=True)
class Annotation:
    """What a statement is about, with evidence."""

    topics: dict[str, list[str]]  # slug -> the terms that matched, as written in the statement
    countries: list[str]  # ISO alpha-2 codes of countries mentioned, in order of first mention
    sentiment: float | None  # -1..1
    forward_looking: bool
