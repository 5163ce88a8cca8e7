"""Statements by id -> API items: one query for a whole page, never one per row.

Each row carries its topics (slug -> evidence) and mentioned countries as JSON text, aggregated
by the database, so a page is one round trip and one fast JSON decode per row.
"""

from __future__ import annotations

import orjson
from sqlalchemy import bindparam, select
from sqlmodel import Session, col

from app.models import Expert, Statement, StatementCountry, StatementTopic, Topic
from app.queries.documents import document_items
from app.queries.experts import expert_items
from app.queries.json_agg import json_array_agg, json_object_agg

# Built once: a page's read differs only in the ids bound to it.
TOPICS = (
    select(json_object_agg(Topic.slug, StatementTopic.evidence))
    .select_from(StatementTopic)
    .join(Topic, col(Topic.id) == StatementTopic.topic_id)
    .where(col(StatementTopic.statement_id) == Statement.id)
    .scalar_subquery()
)
COUNTRIES = (
    select(json_array_agg(StatementCountry.code))
    .where(col(StatementCountry.statement_id) == Statement.id)
    .scalar_subquery()
)
ITEM_ROWS = (
    select(*Statement.__table__.c, col(Expert.name).label("expert_name"), TOPICS.label("topic_json"),
           COUNTRIES.label("country_json"))
    .join(Expert, col(Expert.id) == Statement.expert_id)
    .where(col(Statement.id).in_(bindparam("ids", expanding=True)))
)


def load_items(session: Session, ids: list[int], *, expand: set[str] = frozenset()) -> list[dict]:
    """The statements with these ids as API items, in the order of `ids`."""
    conn = session.connection()
    by_id = {row["id"]: row for row in conn.execute(ITEM_ROWS, {"ids": ids}).mappings().all()}  # one fetchall
    items = [item(by_id[i]) for i in ids if i in by_id]
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


def item(row) -> dict:
    topics = orjson.loads(row["topic_json"]) if row["topic_json"] else {}
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
        "countries": sorted(orjson.loads(row["country_json"])) if row["country_json"] else [],
        "sentiment": row["sentiment"],
        "forward_looking": row["forward_looking"],
        "snippet": None,
        "document": None,
    }
