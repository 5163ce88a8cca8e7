"""Adding a statement the extractor missed: a span of a document's text, said by an existing expert."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlmodel import Session, col

from app import audit
from app.annotate.taxonomy import Taxonomy
from app.errors import Conflict, InvalidParameter
from app.ingest.analyse import DocumentContext, annotate_in
from app.ingest.persist import (
    add_annotation_rows,
    add_topic_links,
    bump_dataset_version,
    insert_new_rows,
    insert_returning_ids,
)
from app.models import Appearance, Document, Statement, Topic, utcnow
from app.queries.statements import get_statement
from app.types import Annotation
from app.write_schemas import StatementCreate
from app.writes.curation import existing_expert, marks, topic_ids

MANUAL_SIEVE = "manual"  # the speaker was named by a person, not by a sieve


def check_span(text: str, start: int, end: int) -> None:
    """A statement's span: inside the text, not empty, within one line (422 naming the member at fault)."""
    if start >= len(text):
        raise InvalidParameter("start", f"the document's text has {len(text)} characters")
    if end <= start:
        raise InvalidParameter("end", "must be greater than start")
    if end > len(text):
        raise InvalidParameter("end", f"the document's text has {len(text)} characters")
    if "\n" in text[start:end]:
        raise InvalidParameter("end", f"the span crosses a line break (at offset {text.index(chr(10), start)}); "
                                      "a statement lies within one line")
    if not text[start:end].strip():
        raise InvalidParameter("end", "the span holds only white space")


def add_statement(session: Session, *, body: StatementCreate, actor: str, taxonomy: Taxonomy) -> dict:
    """Store a statement a person added (accepted, origin manual), annotated like an extracted one; return it."""
    conn = session.connection()
    bump_dataset_version(session)
    document = conn.execute(select(Document.text, Document.published).where(col(Document.id) == body.document_id)
                            ).first()
    if document is None:
        raise InvalidParameter("document_id", f"no document with id {body.document_id}")
    check_span(document.text, body.start, body.end)
    expert_name = existing_expert(conn, body.expert_id, param="expert_id")
    chosen = topic_ids(conn, body.topics) if body.topics is not None else None
    refuse_duplicate(conn, body)
    words = document.text[body.start:body.end]
    context = DocumentContext.of(document.text, document.published and document.published.isoformat())
    annotation = annotate_in(context, words, taxonomy)
    paragraph = document.text.count("\n", 0, body.start)
    curated = ["expert_id", "kind", "status", *(["topics"] if chosen is not None else [])]
    row = {"document_id": body.document_id, "expert_id": body.expert_id, "kind": body.kind, "text": words,
           "char_start": body.start, "char_end": body.end, "paragraph": paragraph, "cue": body.cue,
           "sentiment": annotation.sentiment, "forward_looking": annotation.forward_looking, "sieve": MANUAL_SIEVE,
           "confidence": 1.0, "status": "accepted", "origin": "manual", **marks([], curated, actor=actor, now=utcnow())}
    (statement_id,) = insert_returning_ids(conn, Statement, [row], ("document_id", "char_start", "char_end",
                                                                    "expert_id"))
    link(conn, statement_id, annotation, chosen)
    insert_new_rows(conn, Appearance, [{"document_id": body.document_id, "expert_id": body.expert_id,
                                        "introduced_as": expert_name, "paragraph": paragraph}])
    item = get_statement(session, statement_id=statement_id)
    audit.record(conn, actor=actor, entity="statement", entity_id=statement_id, action="created", changes={
        name: (None, value) for name, value in
        {"document_id": body.document_id, "start": body.start, "end": body.end, "expert_id": body.expert_id,
         "kind": body.kind, "cue": body.cue, "topics": item["topics"], "status": "accepted"}.items()})
    return item


def link(conn: Connection, statement_id: int, annotation: Annotation, chosen: dict[str, int] | None) -> None:
    """The statement's topics (those chosen by hand, or the annotation's) and mentioned countries."""
    every_topic = dict(conn.execute(select(Topic.slug, Topic.id)).all())
    if chosen is None:
        add_annotation_rows(conn, [(statement_id, annotation)], every_topic)
        return
    add_topic_links(conn, [(statement_id, {slug: [] for slug in chosen})], chosen)
    add_annotation_rows(conn, [(statement_id, Annotation({}, annotation.countries, None, False))], every_topic)


def refuse_duplicate(conn: Connection, body: StatementCreate) -> None:
    same = select(Statement.id).where(
        col(Statement.document_id) == body.document_id, col(Statement.char_start) == body.start,
        col(Statement.char_end) == body.end, col(Statement.expert_id) == body.expert_id)
    existing = conn.execute(same).scalar()
    if existing is not None:
        raise Conflict(f"expert {body.expert_id} already has this span of document {body.document_id}: "
                       f"statement {existing}", statement_id=existing)
