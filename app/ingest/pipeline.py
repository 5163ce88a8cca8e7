"""read -> extract -> annotate -> persist, several documents per transaction, with a report."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from app import audit
from app.annotate.taxonomy import Taxonomy
from app.audit import CLI
from app.ingest.analyse import Analysis, DocumentContext, analyse, annotate_in, content_hash
from app.ingest.identity import People
from app.ingest.parallel import analyser
from app.ingest.persist import (
    add_annotation_rows,
    bump_dataset_version,
    clear_country_links,
    clear_topic_links,
    persist_documents,
    sync_topics,
)
from app.ingest.sources import ReadError, read_documents
from app.models import REJECTED, Document, Statement, utcnow
from app.types import RawDocument

Outcome = Literal["loaded", "unchanged", "failed"]
BATCH_SIZE = 256
GROUP_SIZE = 64  # documents per transaction


@dataclass(frozen=True, slots=True)
class DocumentResult:
    source: str
    outcome: Outcome
    experts: int = 0
    statements: int = 0
    reason: str = ""


Todo = list[tuple[int, RawDocument, Analysis]]  # analysed documents, by their index in a group
Results = dict[int, DocumentResult]  # by index in a group


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
    workers: int | None = None,
    on_result: Callable[[DocumentResult], None] = lambda _: None,
) -> IngestReport:
    """Load every document under the paths; a failed document leaves no rows and stops nothing.

    Documents are read in batches; each batch's new documents are analysed on `workers` processes
    (default: one per core) while the previous batch is stored, GROUP_SIZE documents per transaction
    (each in a SAVEPOINT of its own when the group fails).
    """
    with Session(engine) as session, session.begin():
        topic_ids = sync_topics(session, taxonomy=taxonomy)
    report = IngestReport()
    people = People()  # the experts this run knows, so that naming one costs no query

    def finish(started: StartedBatch) -> None:
        for result in started.store(engine=engine, topic_ids=topic_ids, people=people):
            report.results.append(result)
            on_result(result)

    with analyser(taxonomy, workers) as analyse_batch:
        previous = None
        for batch in batched(read_documents(paths), BATCH_SIZE):
            started = start_batch(batch, engine=engine, analyse_batch=analyse_batch)
            if previous:
                finish(previous)
            previous = started
        if previous:
            finish(previous)
    if report.count("loaded"):
        refresh_statistics(engine)
    return report


def refresh_statistics(engine: Engine) -> None:
    """Let the query planner see the new data (SQLite keeps no statistics by itself)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit = 1000")  # sampled statistics: fast on any size
            conn.exec_driver_sql("ANALYZE")


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items (itertools.batched arrives with Python 3.12)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(slots=True)
class StartedBatch:
    """A batch whose new documents are being analysed; the others already have their result."""

    items: list[RawDocument | ReadError]
    results: dict[int, DocumentResult]
    new: list[int]
    analyses: Iterable[Analysis | str]  # lazy: one per new document, in order

    def store(self, *, engine: Engine, topic_ids: dict[str, int], people: People) -> list[DocumentResult]:
        """Store the analysed documents, GROUP_SIZE per transaction; the results in the batch's order."""
        analysed = zip(self.new, self.analyses, strict=True)
        for group in batched(analysed, GROUP_SIZE):
            done = store_group([(self.items[i], analysis) for i, analysis in group],
                               engine=engine, topic_ids=topic_ids, people=people)
            self.results.update(zip((i for i, _ in group), done, strict=True))
        return [self.results[i] for i in range(len(self.items))]


def start_batch(batch: list, *, engine: Engine, analyse_batch) -> StartedBatch:
    """Sort out failed and already stored documents, and start analysing the new ones."""
    results: Results = {}
    hashes = {i: content_hash(item.text) for i, item in enumerate(batch) if isinstance(item, RawDocument)}
    with Session(engine) as session:
        stored = stored_hashes(session, list(hashes.values()))
    new = []
    for i, item in enumerate(batch):
        if isinstance(item, ReadError):
            results[i] = DocumentResult(item.source, "failed", reason=item.reason)
        elif hashes[i] in stored:
            results[i] = DocumentResult(item.source, "unchanged")
        else:
            new.append(i)
    fresh = iter(analyse_batch([batch[i] for i in new if batch[i].extracted is None]))
    analyses = (batch[i].extracted if batch[i].extracted is not None else next(fresh) for i in new)
    return StartedBatch(batch, results, new, analyses)


def stored_hashes(session: Session, hashes: list[str]) -> set[str]:
    return set(session.exec(select(Document.sha256).where(col(Document.sha256).in_(hashes))))


def store_group(
    group: list[tuple[RawDocument, Analysis | str]], *, engine: Engine, topic_ids: dict[str, int], people: People
) -> list[DocumentResult]:
    """Write analysed documents in one transaction; if that fails, again each in a SAVEPOINT of its
    own, so that a failing document leaves no rows and the others load. Never raises."""
    results = {i: failed(raw.source, a) for i, (raw, a) in enumerate(group) if isinstance(a, str)}
    todo: Todo = [(i, raw, a) for i, (raw, a) in enumerate(group) if not isinstance(a, str)]
    try:
        results.update(store_together(todo, engine=engine, topic_ids=topic_ids, people=people))
    except Exception:  # noqa: BLE001 - find the failing documents one by one
        people.forget()
        results.update(store_each(todo, engine=engine, topic_ids=topic_ids, people=people))
    return [results[i] for i in range(len(group))]


def store_together(todo: Todo, *, engine: Engine, topic_ids: dict[str, int], people: People) -> Results:
    """Write documents in one transaction; results by index. Raises if any fails."""
    with Session(engine) as session, session.begin():
        stored = stored_hashes(session, [analysis.sha256 for _, _, analysis in todo])
        fresh = {i: (raw, analysis) for i, raw, analysis in todo if first_copy(analysis.sha256, stored)}
        if fresh:
            persist_documents(session, list(fresh.values()), topic_ids=topic_ids, people=people, actor=CLI)
    return {i: loaded(raw, analysis) if i in fresh else unchanged(raw) for i, raw, analysis in todo}


def store_each(todo: Todo, *, engine: Engine, topic_ids: dict[str, int], people: People) -> Results:
    """Write documents in one transaction, each in a SAVEPOINT; results by index. Never raises."""
    results: Results = {}
    try:
        with Session(engine) as session, session.begin():
            bump_dataset_version(session)  # a write first: SQLite's driver opens the transaction on it
            for i, raw, analysis in todo:
                results[i] = store_one(session, raw, analysis, topic_ids=topic_ids, people=people)
    except Exception as err:  # noqa: BLE001 - the commit failed: nothing of the group is stored
        people.forget()
        return {i: failed(raw.source, reason(err)) for i, raw, _ in todo}
    return results


def store_one(session: Session, raw: RawDocument, analysis: Analysis, *, topic_ids: dict[str, int],
              people: People) -> DocumentResult:
    """Write one document in a SAVEPOINT, rolled back if anything fails."""
    if stored_hashes(session, [analysis.sha256]):  # a copy earlier in this run
        return unchanged(raw)
    try:
        with session.begin_nested():
            persist_documents(session, [(raw, analysis)], topic_ids=topic_ids, people=people, actor=CLI)
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the others
        people.forget()
        return failed(raw.source, reason(err))
    return loaded(raw, analysis)


def first_copy(sha256: str, seen: set[str]) -> bool:
    """Whether a document is neither stored nor seen before in its group (then it is, from now on)."""
    if sha256 in seen:
        return False
    seen.add(sha256)
    return True


def reason(err: Exception) -> str:
    return f"{type(err).__name__}: {err}"


def failed(source: str, why: str) -> DocumentResult:
    return DocumentResult(source, "failed", reason=why)


def unchanged(raw: RawDocument) -> DocumentResult:
    return DocumentResult(raw.source, "unchanged")


def loaded(raw: RawDocument, analysis: Analysis) -> DocumentResult:
    return DocumentResult(raw.source, "loaded", len(analysis.extraction.experts), len(analysis.extraction.statements))


def ingest_document(session: Session, raw: RawDocument, *, taxonomy: Taxonomy, actor: str) -> tuple[int, bool]:
    """Store one document as `ingest` does, analysed in this process, in the caller's transaction (with its
    "created" event by `actor`); return its id and whether it is new (False: the same text was stored)."""
    stored = session.exec(select(Document.id).where(Document.sha256 == content_hash(raw.text))).first()
    if stored is not None:
        return stored, False
    topic_ids = sync_topics(session, taxonomy=taxonomy)
    analysis = analyse(raw.text, taxonomy, published=raw.published)
    [document_id] = persist_documents(session, [(raw, analysis)], topic_ids=topic_ids, people=People(), actor=actor)
    return document_id, True


def reannotate(*, engine: Engine, taxonomy: Taxonomy) -> int:
    """Recompute every statement's annotations from the taxonomy, without re-extracting; return the count.

    Works a document at a time (each in its own transaction), since annotation reads the document's context.
    What a person set is kept: the topics of a statement whose `curated` names them, and always its status,
    kind and expert (annotation never sets those).
    """
    with Session(engine) as session, session.begin():
        topic_ids = sync_topics(session, taxonomy=taxonomy)
    done, after = 0, 0
    while True:
        with Session(engine) as session, session.begin():
            document = session.exec(
                select(Document).where(col(Document.id) > after).order_by(col(Document.id)).limit(1)
            ).first()
            if document is None:
                return done
            after = document.id
            reannotate_document(session, document, taxonomy=taxonomy, topic_ids=topic_ids)
            audit.record(session.connection(), actor=CLI, entity="document", entity_id=document.id,
                         action="annotated")
            done += session.exec(select(func.count()).where(Statement.document_id == document.id)).one()


def reannotate_document(session: Session, document: Document, *, taxonomy: Taxonomy,
                        topic_ids: dict[str, int]) -> None:
    """Annotate a stored document's statements again (in the caller's transaction)."""
    conn = session.connection()
    context = DocumentContext.of(document.text, document.published and document.published.isoformat())
    statements = session.exec(select(Statement).where(Statement.document_id == document.id)).all()
    annotations = [annotate_in(context, s.text, taxonomy) for s in statements]
    retopic = {s.id for s in statements if "topics" not in s.curated}
    bump_dataset_version(session)
    clear_topic_links(conn, statement_ids=list(retopic))
    clear_country_links(conn, statement_ids=[s.id for s in statements])
    now = utcnow()
    for statement, annotation in zip(statements, annotations, strict=True):
        statement.sentiment, statement.forward_looking = annotation.sentiment, annotation.forward_looking
        statement.updated_at = now
        session.add(statement)
    session.flush()
    annotated = list(zip([s.id for s in statements], annotations, strict=True))
    add_annotation_rows(conn, [(sid, a if sid in retopic else replace(a, topics={})) for sid, a in annotated],
                        topic_ids, uncounted={s.id for s in statements if s.status == REJECTED})
