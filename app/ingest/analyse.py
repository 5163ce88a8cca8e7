"""Pure: a document's text -> experts, statements and each statement's annotation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.ingest.annotate import annotate
from app.ingest.extract import extract
from app.ingest.taxonomy import Taxonomy
from app.ingest.types import Annotation, ExtractedStatement, Extraction

EXTRACTOR_VERSION = "0.1.0"


@dataclass(slots=True)
class Analysis:
    sha256: str
    extraction: Extraction
    annotations: list[Annotation]  # one per statement, in the same order

    def annotated(self) -> list[tuple[ExtractedStatement, Annotation]]:
        return list(zip(self.extraction.statements, self.annotations, strict=True))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analyse(text: str, taxonomy: Taxonomy) -> Analysis:
    """Extract the experts and statements of a document and annotate every statement."""
    extraction = extract(text)
    annotations = [annotate(s.text, taxonomy) for s in extraction.statements]
    return Analysis(content_hash(text), extraction, annotations)
