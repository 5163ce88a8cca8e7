"""Adding a document (extracted and annotated as `opinions ingest` does), and deleting one: its statements
and their links go, and so do experts left with no statement."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app import audit
from app.annotate.taxonomy import Taxonomy
from app.errors import NotFound
from app.ingest.persist import bump_dataset_version, clear_annotation_rows, remove_silent_experts
from app.ingest.pipeline import ingest_document
from app.models import Appearance, Document, Statement
from app.types import RawDocument

ATTEMPTS = 3  # of adding a document whose unique keys concurrent writes took first


def add_document(session: Session, raw: RawDocument, *, taxonomy: Taxonomy, actor: str) -> tuple[int, bool]:
    """Extract, annotate and store a document in one transaction, with its "created" event; return its id and
    whether it is new (the same text stored already gives that document's id).

    Unlike the other writes it owns its transaction: a concurrent write may store the same text, or a new
    expert of the same name, first (a unique key fails); then it tries again, and sees what that one stored.
    """
    raw = replace(raw, source=raw.source or f"api:{actor}")
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with session.begin():
                return ingest_document(session, raw, taxonomy=taxonomy, actor=actor)
        except IntegrityError:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def delete_document(session: Session, *, document_id: int, actor: str) -> None:
    """Delete a document with its statements; remove the experts it leaves with no statement at all."""
    conn = session.connection()
    bump_dataset_version(session)  # a write first: SQLite's driver opens the transaction on it
    document = conn.execute(select(Document.title, Document.sha256).where(Document.id == document_id)).first()
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    statement_ids = list(conn.scalars(select(Statement.id).where(Statement.document_id == document_id)))
    speakers = set(conn.scalars(select(Appearance.expert_id).where(Appearance.document_id == document_id)))
    speakers |= set(conn.scalars(select(Statement.expert_id).where(Statement.document_id == document_id).distinct()))
    clear_annotation_rows(conn, statement_ids=statement_ids)  # topic counts follow
    conn.execute(delete(Statement).where(col(Statement.document_id) == document_id))
    conn.execute(delete(Appearance).where(col(Appearance.document_id) == document_id))
    conn.execute(delete(Document).where(col(Document.id) == document_id))
    events = [audit.event(actor=actor, entity="document", entity_id=document_id, action="deleted",
                          changes={"title": (document.title, None), "sha256": (document.sha256, None),
                                   "statements": (len(statement_ids), 0)})]
    events += audit.expert_deletions(remove_silent_experts(conn, speakers, spare_curated=False), actor=actor)
    audit.record_many(conn, events)

