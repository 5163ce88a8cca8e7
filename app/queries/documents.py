"""Queries over documents."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from app.errors import NotFound
from app.models import Document, Statement
from app.queries.filters import counted
from app.queries.sorting import by_id, fetch_page

LISTED = (
    Document.id,
    Document.title,
    Document.outlet,
    Document.url,
    Document.published,
    Document.sha256,
    Document.source,
)


def has_documents(engine: Engine) -> bool:
    """Whether the database holds any document."""
    with Session(engine) as session:
        return session.exec(select(Document.id).limit(1)).first() is not None


def statement_counts(session: Session, *, document_ids: list[int]) -> dict[int, int]:
    rows = session.exec(
        select(Statement.document_id, func.count())
        .where(col(Statement.document_id).in_(document_ids), counted())
        .group_by(Statement.document_id)
    )
    return dict(rows.all())


def list_documents(session: Session, *, limit: int, cursor: str | None, updated_since: datetime | None = None
                   ) -> tuple[list[dict], str | None]:
    """List documents by id, without their text (optionally those written since a moment)."""
    query = select(*LISTED)
    if updated_since is not None:
        query = query.where(col(Document.updated_at) >= updated_since)
    rows, next_cursor = fetch_page(session, query, by_id(col(Document.id)), limit=limit, cursor=cursor)
    counts = statement_counts(session, document_ids=[r.id for r in rows])
    return [dict(r._mapping, statement_count=counts.get(r.id, 0)) for r in rows], next_cursor


def document_items(session: Session, *, document_ids: set[int]) -> list[dict]:
    """Documents (without text) by id, with their statement counts."""
    rows = session.exec(select(*LISTED).where(col(Document.id).in_(document_ids))).all()
    counts = statement_counts(session, document_ids=list(document_ids))
    return [dict(r._mapping, statement_count=counts.get(r.id, 0)) for r in rows]


def get_document(session: Session, *, document_id: int) -> dict:
    """Get a document with its text, or raise NotFound."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    counts = statement_counts(session, document_ids=[document_id])
    return dict(document.model_dump(), statement_count=counts.get(document_id, 0))
