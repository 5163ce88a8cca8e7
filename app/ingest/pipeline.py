"""read -> extract -> annotate -> persist, one transaction per document, with a report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from app.ingest.analyse import DocumentContext, analyse, annotate_in, content_hash
from app.ingest.persist import (
    add_annotation_rows,
    bump_dataset_version,
    clear_annotation_rows,
    get_document_by_hash,
    persist_document,
    sync_topics,
)
from app.ingest.sources import ReadError, read_documents
from app.ingest.taxonomy import Taxonomy
from app.models import Document, Statement

Outcome = Literal["loaded", "unchanged", "failed"]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    source: str
    outcome: Outcome
    experts: int = 0
    statements: int = 0
    reason: str = ""


@dataclass(slots=True)
class IngestReport:
    results: list[DocumentResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def failures(self) -> list[DocumentResult]:
        return [r for r in self.results if r.outcome == "failed"]


def ingest(
    paths: Iterable[Path],
    *,
    engine: Engine,
    taxonomy: Taxonomy,
    on_result: Callable[[DocumentResult], None] = lambda _: None,
) -> IngestReport:
    """Load every document under the paths; a failed document leaves no rows and stops nothing."""
    with Session(engine) as session, session.begin():
        topic_ids = sync_topics(session, taxonomy=taxonomy)
    report = IngestReport()
    for item in read_documents(paths):
        result = (
            DocumentResult(item.source, "failed", reason=item.reason)
            if isinstance(item, ReadError)
            else ingest_document(item, engine=engine, taxonomy=taxonomy, topic_ids=topic_ids)
        )
        report.results.append(result)
        on_result(result)
    return report


def ingest_document(raw, *, engine: Engine, taxonomy: Taxonomy, topic_ids: dict[str, int]) -> DocumentResult:
    """Analyse and store one document in its own transaction; never raises."""
    try:
        with Session(engine) as session, session.begin():
            if get_document_by_hash(session, sha256=content_hash(raw.text)) is not None:
                return DocumentResult(raw.source, "unchanged")
            analysis = analyse(raw.text, taxonomy, published=raw.published)
            persist_document(session, raw=raw, analysis=analysis, topic_ids=topic_ids)
        return DocumentResult(
            raw.source, "loaded", len(analysis.extraction.experts), len(analysis.extraction.statements)
        )
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the others
        return DocumentResult(raw.source, "failed", reason=f"{type(err).__name__}: {err}")


def reannotate(*, engine: Engine, taxonomy: Taxonomy) -> int:
    """Recompute every statement's annotations from the taxonomy, without re-extracting; return the count.

    Works a document at a time (each in its own transaction), since annotation reads the document's context.
    """
    with Session(engine) as session, session.begin():
        topic_ids = sync_topics(session, taxonomy=taxonomy)
    done, after = 0, 0
    while True:
        with Session(engine) as session, session.begin():
            document = session.exec(select(Document).where(col(Document.id) > after)
                                    .order_by(col(Document.id)).limit(1)).first()
            if document is None:
                return done
            after = document.id
            context = DocumentContext.of(document.text, document.published and document.published.isoformat())
            statements = session.exec(select(Statement).where(Statement.document_id == document.id)).all()
            annotations = [annotate_in(context, s.text, taxonomy) for s in statements]
            clear_annotation_rows(session, statement_ids=[s.id for s in statements])
            bump_dataset_version(session)
            for statement, annotation in zip(statements, annotations, strict=True):
                statement.sentiment, statement.forward_looking = annotation.sentiment, annotation.forward_looking
                session.add(statement)
            add_annotation_rows(session, [(s.id, a) for s, a in zip(statements, annotations, strict=True)], topic_ids)
            done += len(statements)
