"""Pure: a document's text -> experts, statements and each statement's annotation."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.annotate.annotate import annotate
from app.annotate.taxonomy import Taxonomy
from app.extract.countries import focus_country
from app.extract.pipeline import extract
from app.types import Annotation, ExtractedStatement, Extraction

EXTRACTOR_VERSION = "0.2.0"  # extraction v2: content finders, speaker sieves, confidence


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What annotation needs to know of the whole document."""

    year: int | None  # the publication year: a later year in a statement looks ahead
    focus: str | None  # the country the document is about: "the country" in a statement means it

    @classmethod
    def of(cls, text: str, published: str | None) -> DocumentContext:
        return cls(int(published[:4]) if published else None, focus_country(text))


@dataclass(slots=True)
class Analysis:
    sha256: str
    extraction: Extraction
    annotations: list[Annotation]  # one per statement, in the same order

    def annotated(self) -> list[tuple[ExtractedStatement, Annotation]]:
        return list(zip(self.extraction.statements, self.annotations, strict=True))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def annotate_in(context: DocumentContext, text: str, taxonomy: Taxonomy) -> Annotation:
    """Annotate one statement of a document."""
    return annotate(text, taxonomy, year=context.year, focus=context.focus)


def analyse(text: str, taxonomy: Taxonomy, *, published: str | None = None) -> Analysis:
    """Extract the experts and statements of a document and annotate every statement."""
    extraction = extract(text)
    context = DocumentContext.of(text, published)
    annotations = [annotate_in(context, s.text, taxonomy) for s in extraction.statements]
    return Analysis(content_hash(text), extraction, annotations)
