"""Re-extraction of stored documents by the current extractor, keeping what people did.

An unchanged document is never extracted again by `ingest` (it is skipped by its hash); `reextract` runs
extraction and annotation again on documents stored by an older EXTRACTOR_VERSION (or on all), one
transaction per document. Extracted statements that no person touched are replaced by the new extraction.
A person's work stays:
- manual statements (origin 'manual') are kept as they are;
- a statement a person touched (a verdict, or any curated field) is kept; when the new extraction finds the
  same span, the fields the person did not set are refreshed from it (speaker, kind, topics, cue, sieve,
  confidence, sentiment, countries...), the person's fields and the status stay: a rejected statement
  found again is still rejected.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Row, delete, select, update
from sqlmodel import Session, col

from app import audit
from app.annotate.taxonomy import Taxonomy
from app.ingest.analyse import EXTRACTOR_VERSION, analyse
from app.ingest.identity import People
from app.ingest.persist import (
    STATEMENT_KEY,
    add_annotation_rows,
    add_topic_links,
    bump_dataset_version,
    clear_annotation_rows,
    clear_country_links,
    clear_topic_links,
    insert_new_rows,
    insert_returning_ids,
    name_experts,
    remove_silent_experts,
    sync_topics,
)
from app.models import REJECTED, Appearance, Document, Expert, ExpertCountry, Statement, StatementCountry, utcnow
from app.types import Annotation, ExtractedStatement

STORED = select(Statement.id, Statement.char_start, Statement.char_end, Statement.expert_id, Statement.origin,
                Statement.status, Statement.curated)


@dataclass(frozen=True, slots=True)
class Reextracted:
    document_id: int
    before: int  # statements before
    after: int  # statements after
    kept: int  # statements a person touched, kept


def documents_to_reextract(engine: Engine, *, everything: bool, document_id: int | None) -> list[int]:
    """The ids of the documents to extract again: one, all, or those of an older extractor."""
    query = select(Document.id).order_by(Document.id)
    if document_id is not None:
        query = query.where(col(Document.id) == document_id)
    elif not everything:
        query = query.where(col(Document.extractor_version) != EXTRACTOR_VERSION)
    with Session(engine) as session:
        return list(session.scalars(query))


def reextract(ids: list[int], *, engine: Engine, taxonomy: Taxonomy, actor: str = audit.CLI) -> list[Reextracted]:
    """Extract the documents again, each in its own transaction."""
    with Session(engine) as session, session.begin():
        topic_ids = sync_topics(session, taxonomy=taxonomy)
    done = []
    for document_id in ids:
        with Session(engine) as session, session.begin():
            done.append(reextract_document(session, document_id, taxonomy=taxonomy, topic_ids=topic_ids,
                                           actor=actor))
    return done


def touched(row: Row) -> bool:
    """Whether a person added, judged or corrected the statement."""
    return row.origin == "manual" or row.status != "unreviewed" or bool(row.curated)


def reextract_document(session: Session, document_id: int, *, taxonomy: Taxonomy, topic_ids: dict[str, int],
                       actor: str) -> Reextracted:
    """Replace the untouched statements of a document by a new extraction; refresh the touched ones it finds."""
    conn = session.connection()
    bump_dataset_version(session)
    document = session.get(Document, document_id)
    analysis = analyse(document.text, taxonomy, published=document.published and document.published.isoformat())
    stored = conn.execute(STORED.where(col(Statement.document_id) == document_id)).all()
    kept = {(s.char_start, s.char_end): s for s in stored if touched(s)}
    gone = [s.id for s in stored if not touched(s)]
    speakers = {s.expert_id for s in stored}
    clear_annotation_rows(conn, statement_ids=gone)
    conn.execute(delete(Statement).where(col(Statement.id).in_(gone)))
    conn.execute(delete(Appearance).where(col(Appearance.document_id) == document_id))
    persons = name_experts(conn, People(), [analysis])[0]
    insert_new_rows(conn, ExpertCountry, [{"expert_id": persons[e.name].id, "code": code}
                                          for e in analysis.extraction.experts for code in e.countries
                                          if "countries" not in persons[e.name].curated])
    insert_new_rows(conn, Appearance, [{"document_id": document_id, "expert_id": persons[e.name].id,
                                        "introduced_as": e.introduced_as, "paragraph": e.paragraph}
                                       for e in analysis.extraction.experts])
    taken = {(s.char_start, s.char_end, s.expert_id) for s in kept.values()}
    fresh: list[tuple[dict, Annotation]] = []
    for found, annotation in analysis.annotated():
        expert_id = persons[found.speaker].id
        match = kept.pop((found.start, found.end), None)
        if match is not None and match.origin != "manual":
            refresh(conn, match, found, annotation, expert_id, topic_ids)
        elif match is None and (found.start, found.end, expert_id) not in taken:
            fresh.append((statement_row(document_id, found, annotation, expert_id), annotation))
    ids = insert_returning_ids(conn, Statement, [row for row, _ in fresh], STATEMENT_KEY)
    add_annotation_rows(conn, list(zip(ids, [a for _, a in fresh], strict=True)), topic_ids)
    keep_appearances(conn, document_id)
    silent = remove_silent_experts(conn, speakers, spare_curated=True)
    conn.execute(update(Document).where(col(Document.id) == document_id)
                 .values(extractor_version=EXTRACTOR_VERSION, updated_at=utcnow()))
    after = conn.execute(select(Statement.id).where(col(Statement.document_id) == document_id)).all()
    result = Reextracted(document_id, len(stored), len(after), len(stored) - len(gone))
    reextracted = audit.event(actor=actor, entity="document", entity_id=document_id, action="reextracted", changes={
        "extractor_version": (document.extractor_version, EXTRACTOR_VERSION), "statements": (len(stored), len(after))})
    audit.record_many(conn, [reextracted, *audit.expert_deletions(silent, actor=actor)])
    return result


def statement_row(document_id: int, found: ExtractedStatement, annotation: Annotation, expert_id: int) -> dict:
    return {"document_id": document_id, "expert_id": expert_id, "kind": found.kind, "text": found.text,
            "char_start": found.start, "char_end": found.end, "paragraph": found.paragraph, "cue": found.cue,
            "sentiment": annotation.sentiment, "forward_looking": annotation.forward_looking, "sieve": found.sieve,
            "confidence": found.confidence, "updated_at": utcnow()}


def refresh(conn: Connection, stored: Row, found: ExtractedStatement, annotation: Annotation, expert_id: int,
            topic_ids: dict[str, int]) -> None:
    """Refresh a touched statement from the new extraction, except the fields the person set (and its status)."""
    values = statement_row(0, found, annotation, expert_id)
    del values["document_id"]
    for field in ("expert_id", "kind"):
        if field in stored.curated:
            del values[field]
    if "topics" not in stored.curated:
        clear_topic_links(conn, statement_ids=[stored.id])
        add_topic_links(conn, [(stored.id, annotation.topics)], topic_ids,
                        uncounted={stored.id} if stored.status == REJECTED else ())
    conn.execute(update(Statement).where(col(Statement.id) == stored.id).values(**values))
    clear_country_links(conn, statement_ids=[stored.id])
    insert_new_rows(conn, StatementCountry, [{"statement_id": stored.id, "code": c}
                                             for c in dict.fromkeys(annotation.countries)])


def keep_appearances(conn: Connection, document_id: int) -> None:
    """Every speaker of the document's statements appears in it (a kept statement's expert too)."""
    speakers = conn.execute(select(Statement.expert_id, Expert.name, Statement.paragraph)
                            .join(Expert, col(Expert.id) == Statement.expert_id)
                            .where(col(Statement.document_id) == document_id)).all()
    insert_new_rows(conn, Appearance, [{"document_id": document_id, "expert_id": expert_id, "introduced_as": name,
                                        "paragraph": paragraph} for expert_id, name, paragraph in speakers])
