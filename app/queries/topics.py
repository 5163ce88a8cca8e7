"""Queries over topics, and who speaks on them."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.errors import NotFound
from app.models import Expert, Statement, StatementTopic, Topic
from app.queries.filters import counted
from app.queries.pagination import cursor_str
from app.queries.sorting import SortField, SortKey, fetch_offset_page, fetch_page

BY_SLUG = [SortKey("slug", SortField(col(Topic.slug), parse=cursor_str), False)]


def topic_item(topic: Topic) -> dict:
    return {
        "slug": topic.slug,
        "label": topic.label,
        "description": topic.description,
        "terms": topic.terms,
        "statement_count": topic.statement_count,
    }


def list_topics(session: Session, *, limit: int, cursor: str | None) -> tuple[list[dict], str | None]:
    """List topics by slug, with their statement counts."""
    rows, next_cursor = fetch_page(session, select(Topic), BY_SLUG, limit=limit, cursor=cursor)
    return [topic_item(row[0]) for row in rows], next_cursor


def get_topic_row(session: Session, *, slug: str) -> Topic:
    topic = session.exec(select(Topic).where(Topic.slug == slug)).first()
    if topic is None:
        raise NotFound(f"no topic with slug {slug!r}")
    return topic


def get_topic(session: Session, *, slug: str) -> dict:
    """Get one topic with its statement count, or raise NotFound."""
    return topic_item(get_topic_row(session, slug=slug))


def list_topic_experts(session: Session, *, slug: str, limit: int, cursor: str | None) -> tuple[list[dict], str | None]:
    """Experts who speak on a topic: how often, and their average sentiment there; most active first."""
    topic = get_topic_row(session, slug=slug)
    count = func.count().label("statement_count")
    query = (
        select(Expert.id, Expert.name, count, func.avg(Statement.sentiment).label("average_sentiment"))
        .join(Statement, col(Statement.expert_id) == Expert.id)
        .join(StatementTopic, col(StatementTopic.statement_id) == Statement.id)
        .where(StatementTopic.topic_id == topic.id, counted())
        .group_by(Expert.id, Expert.name)
        .order_by(count.desc(), Expert.id)
    )
    rows, next_cursor = fetch_offset_page(session, query, limit=limit, cursor=cursor)
    return [dict(r._mapping) for r in rows], next_cursor


def list_expert_topics(session: Session, *, expert_id: int, limit: int, cursor: str | None
                       ) -> tuple[list[dict], str | None]:
    """Topics an expert speaks on, with counts and average sentiment; most frequent first."""
    if session.get(Expert, expert_id) is None:
        raise NotFound(f"no expert with id {expert_id}")
    count = func.count().label("statement_count")
    query = (
        select(Topic.slug, Topic.label, count, func.avg(Statement.sentiment).label("average_sentiment"))
        .join(StatementTopic, col(StatementTopic.topic_id) == Topic.id)
        .join(Statement, col(Statement.id) == StatementTopic.statement_id)
        .where(Statement.expert_id == expert_id, counted())
        .group_by(Topic.slug, Topic.label)
        .order_by(count.desc(), Topic.slug)
    )
    rows, next_cursor = fetch_offset_page(session, query, limit=limit, cursor=cursor)
    return [dict(r._mapping) for r in rows], next_cursor
