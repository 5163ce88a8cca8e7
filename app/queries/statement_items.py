"""Statements by id -> API items: one query per table for a whole page, never one per row."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, bindparam, select
from sqlmodel import Session, col

from app.models import Expert, Statement, StatementCountry, StatementTopic, Topic
from app.queries.documents import document_items
from app.queries.experts import expert_items

# Built once: a page's reads differ only in the ids bound to them.
IDS = bindparam("ids", expanding=True)
ITEM_ROWS = (
    select(*Statement.__table__.c, col(Expert.name).label("expert_name"))
    .join(Expert, col(Expert.id) == Statement.expert_id)
    .where(col(Statement.id).in_(IDS))
)
TOPIC_ROWS = (
    select(StatementTopic.statement_id, Topic.slug, StatementTopic.evidence)
    .join(Topic, col(Topic.id) == StatementTopic.topic_id)
    .where(col(StatementTopic.statement_id).in_(IDS))
)
COUNTRY_ROWS = (
    select(StatementCountry.statement_id, StatementCountry.code)
    .where(col(StatementCountry.statement_id).in_(IDS))
    .order_by(StatementCountry.statement_id, StatementCountry.code)
)


def load_items(session: Session, ids: list[int], *, expand: set[str] = frozenset()) -> list[dict]:
    """The statements with these ids as API items, in the order of `ids`."""
    conn = session.connection()
    by_id = {row["id"]: row for row in conn.execute(ITEM_ROWS, {"ids": ids}).mappings().all()}  # one fetchall
    topics, countries = annotations(conn, ids)
    items = [item(by_id[i], topics[i], countries[i]) for i in ids if i in by_id]
    if "expert" in expand:
        wanted = session.scalars(select(Expert).where(col(Expert.id).in_({i["expert"]["id"] for i in items}))).all()
        experts = {e["id"]: e for e in expert_items(session, wanted)}
        for it in items:
            it["expert"] = experts[it["expert"]["id"]]
    if "document" in expand:
        documents = {d["id"]: d for d in document_items(session, document_ids={i["document_id"] for i in items})}
        for it in items:
            it["document"] = documents[it["document_id"]]
    return items


def annotations(conn: Connection, ids: list[int]) -> tuple[dict[int, dict[str, list[str]]], dict[int, list[str]]]:
    """Topics (slug -> evidence) and mentioned countries of statements, in two queries."""
    topics: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for sid, slug, evidence in conn.execute(TOPIC_ROWS, {"ids": ids}).all():
        topics[sid][slug] = evidence
    countries: dict[int, list[str]] = defaultdict(list)
    for sid, code in conn.execute(COUNTRY_ROWS, {"ids": ids}).all():
        countries[sid].append(code)
    return topics, countries


def item(row, topics: dict[str, list[str]], countries: list[str]) -> dict:
    return {
        "id": row["id"],
        "document_id": row["document_id"],
        "expert": {"id": row["expert_id"], "name": row["expert_name"]},
        "kind": row["kind"],
        "text": row["text"],
        "start": row["char_start"],
        "end": row["char_end"],
        "paragraph": row["paragraph"],
        "cue": row["cue"],
        "topics": sorted(topics),
        "topic_evidence": topics,
        "countries": countries,
        "sentiment": row["sentiment"],
        "forward_looking": row["forward_looking"],
        "snippet": None,
        "document": None,
    }
