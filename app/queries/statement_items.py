"""Statements by id -> API items: one query for a whole page, never one per row.

Each row carries its topics (slug -> evidence) and mentioned countries as JSON text, aggregated
by the database, so a page is one round trip and one fast JSON decode per row.
"""

from __future__ import annotations

import orjson
from sqlalchemy import Row, bindparam, select
from sqlmodel import Session, col

from app.models import Expert, Statement, StatementCountry, StatementTopic, Topic
from app.queries.documents import document_items
from app.queries.experts import curation_marks, expert_items
from app.queries.json_agg import json_array_agg, json_object_agg

# Built once: a page's read differs only in the ids bound to it.
STATEMENT = Statement.__table__.c
TOPICS = (
    select(json_object_agg(Topic.slug, StatementTopic.evidence))
    .select_from(StatementTopic)
    .join(Topic, col(Topic.id) == StatementTopic.topic_id)
    .where(col(StatementTopic.statement_id) == STATEMENT.id)
    .scalar_subquery()
)
COUNTRIES = (
    select(json_array_agg(StatementCountry.code))
    .where(col(StatementCountry.statement_id) == STATEMENT.id)
    .scalar_subquery()
)
ITEM_ROWS = (  # the columns in the order `item` unpacks them
    select(STATEMENT.id, STATEMENT.document_id, STATEMENT.expert_id, col(Expert.name), STATEMENT.kind, STATEMENT.text,
           STATEMENT.char_start, STATEMENT.char_end, STATEMENT.paragraph, STATEMENT.cue, STATEMENT.sentiment,
           STATEMENT.forward_looking, STATEMENT.sieve, STATEMENT.confidence, TOPICS, COUNTRIES, STATEMENT.status,
           STATEMENT.origin, STATEMENT.curated, STATEMENT.curated_by, STATEMENT.curated_at)
    .join(Expert, col(Expert.id) == STATEMENT.expert_id)
    .where(STATEMENT.id.in_(bindparam("ids", expanding=True)))
)


def load_items(session: Session, ids: list[int], *, expand: set[str] = frozenset()) -> list[dict]:
    """The statements with these ids as API items, in the order of `ids`."""
    conn = session.connection()
    by_id = {row[0]: row for row in conn.execute(ITEM_ROWS, {"ids": ids}).all()}  # one fetchall
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


def item(row: Row) -> dict:
    """One API item from an ITEM_ROWS row (unpacked by position: named access costs more than the SQL)."""
    (id_, document_id, expert_id, expert_name, kind, text, start, end, paragraph, cue, sentiment, forward_looking,
     sieve, confidence, topic_json, country_json, status, origin, curated, curated_by, curated_at) = row
    topics = orjson.loads(topic_json) if topic_json else {}
    return {
        "id": id_,
        "document_id": document_id,
        "expert": {"id": expert_id, "name": expert_name},
        "kind": kind,
        "text": text,
        "start": start,
        "end": end,
        "paragraph": paragraph,
        "cue": cue,
        "topics": sorted(topics),
        "topic_evidence": topics,
        "countries": sorted(orjson.loads(country_json)) if country_json else [],
        "sentiment": sentiment,
        "forward_looking": forward_looking,
        "sieve": sieve,
        "confidence": confidence,
        "status": status,
        "origin": origin,
        "snippet": None,
        "document": None,
        **curation_marks(curated, curated_by, curated_at),
    }

