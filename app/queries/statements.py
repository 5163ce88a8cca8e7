"""Queries over statements: filtered lists and single statements, with their annotations."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from app.errors import NotFound
from app.models import Expert, Statement, StatementCountry, StatementTopic, Topic
from app.queries.filters import statement_clauses
from app.queries.pagination import decode_cursor, page_of
from app.schemas import StatementFilters


def base_query():
    return select(Statement, Expert.name).join(Expert, col(Expert.id) == Statement.expert_id)


def list_statements(session: Session, *, filters: StatementFilters) -> tuple[list[dict], str | None]:
    """List the statements that pass the filters, by id."""
    query = base_query().where(*statement_clauses(filters)).order_by(col(Statement.id)).limit(filters.limit + 1)
    if filters.cursor:
        (after,) = decode_cursor(filters.cursor, arity=1)
        query = query.where(col(Statement.id) > after)
    rows, next_cursor = page_of(session.exec(query).all(), filters.limit, key=lambda r: [r[0].id])
    return with_annotations(session, rows), next_cursor


def get_statement(session: Session, *, statement_id: int) -> dict:
    """Get one statement, or raise NotFound."""
    row = session.exec(base_query().where(col(Statement.id) == statement_id)).first()
    if row is None:
        raise NotFound(f"no statement with id {statement_id}")
    return with_annotations(session, [row])[0]


def with_annotations(session: Session, rows: list) -> list[dict]:
    """Shape rows as API items, fetching topics and countries for the whole page at once."""
    ids = [statement.id for statement, _ in rows]
    topics: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for sid, slug, evidence in session.exec(
        select(StatementTopic.statement_id, Topic.slug, StatementTopic.evidence)
        .join(Topic, col(Topic.id) == StatementTopic.topic_id)
        .where(col(StatementTopic.statement_id).in_(ids))
    ):
        topics[sid][slug] = evidence
    countries: dict[int, list[str]] = defaultdict(list)
    for sid, code in session.exec(
        select(StatementCountry.statement_id, StatementCountry.code)
        .where(col(StatementCountry.statement_id).in_(ids))
        .order_by(StatementCountry.statement_id, StatementCountry.code)
    ):
        countries[sid].append(code)
    return [statement_item(s, name, topics[s.id], countries[s.id]) for s, name in rows]


def statement_item(s: Statement, expert_name: str, topics: dict[str, list[str]], countries: list[str]) -> dict:
    return {
        "id": s.id,
        "document_id": s.document_id,
        "expert": {"id": s.expert_id, "name": expert_name},
        "kind": s.kind,
        "text": s.text,
        "start": s.char_start,
        "end": s.char_end,
        "paragraph": s.paragraph,
        "cue": s.cue,
        "topics": sorted(topics),
        "topic_evidence": topics,
        "countries": countries,
        "sentiment": s.sentiment,
        "forward_looking": s.forward_looking,
    }
