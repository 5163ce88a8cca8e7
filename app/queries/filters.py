"""Statement filters as data -> SQL clauses. The only place a filter becomes SQL."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, select
from sqlmodel import col

from app.models import Document, ExpertCountry, Statement, StatementCountry, StatementTopic, Topic
from app.schemas import StatementFilters


def topic_clause(slugs: list[str], mode: str) -> ColumnElement[bool]:
    """Statements linked to any (or all) of the topics."""

    def linked(chosen: list[str]) -> ColumnElement[bool]:
        ids = select(StatementTopic.statement_id).join(Topic, col(Topic.id) == StatementTopic.topic_id)
        return col(Statement.id).in_(ids.where(col(Topic.slug).in_(chosen)))

    if mode == "all":
        return and_(*(linked([slug]) for slug in slugs))
    return linked(slugs)


def statement_clauses(f: StatementFilters) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a statement filter set (full-text search excepted: see search.py)."""
    clauses: list[ColumnElement[bool]] = []
    if f.expert is not None:
        clauses.append(col(Statement.expert_id) == f.expert)
    if f.document is not None:
        clauses.append(col(Statement.document_id) == f.document)
    if f.topic:
        clauses.append(topic_clause(f.topic, f.topic_mode))
    if f.country:
        experts = select(ExpertCountry.expert_id).where(ExpertCountry.code == f.country.upper())
        clauses.append(col(Statement.expert_id).in_(experts))
    if f.mentions:
        mentioning = select(StatementCountry.statement_id).where(StatementCountry.code == f.mentions.upper())
        clauses.append(col(Statement.id).in_(mentioning))
    if f.outlet:
        clauses.append(col(Statement.document_id).in_(select(Document.id).where(Document.outlet == f.outlet)))
    if f.kind:
        clauses.append(col(Statement.kind) == f.kind)
    if f.forward_looking is not None:
        clauses.append(col(Statement.forward_looking) == f.forward_looking)
    if f.sentiment_min is not None:
        clauses.append(col(Statement.sentiment) >= f.sentiment_min)
    if f.sentiment_max is not None:
        clauses.append(col(Statement.sentiment) <= f.sentiment_max)
    return clauses
