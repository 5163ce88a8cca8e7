"""Curating a statement: a person's merge patch of its status, speaker, kind or topics."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, func, select, update
from sqlmodel import Session, col

from app import audit
from app.errors import Conflict, InvalidParameter
from app.ingest.persist import adjust_topic_counts, bump_dataset_version
from app.models import REJECTED, Statement, StatementTopic, utcnow
from app.queries.statements import get_statement
from app.write_schemas import StatementPatch
from app.writes.curation import existing_expert, marks, set_topics, topic_ids

COLUMNS = {"status": "status", "expert_id": "expert_id", "kind": "kind"}  # patch member -> statement column


def current_values(item: dict) -> dict:
    """A statement item's patchable fields, as a patch names them."""
    return {"status": item["status"], "expert_id": item["expert"]["id"], "kind": item["kind"], "topics": item["topics"]}


def patch_statement(session: Session, *, statement_id: int, patch: StatementPatch, actor: str,
                    precondition: Callable[[dict], None] = lambda _: None) -> dict:
    """Apply a person's patch to a statement and mark the fields curated; return the statement as it is now.

    `precondition` sees the statement as it was (the route checks If-Match there)."""
    conn = session.connection()
    bump_dataset_version(session)  # a write first: SQLite's driver opens the transaction on it
    item = get_statement(session, statement_id=statement_id)
    precondition(item)
    given = patch.given()
    if not given:
        raise InvalidParameter("body", "the patch sets nothing: give status, expert_id, kind or topics")
    before = current_values(item)
    if "expert_id" in given and given["expert_id"] != before["expert_id"]:
        existing_expert(conn, given["expert_id"], param="expert_id")
        refuse_duplicate(conn, item, given["expert_id"])
    if "topics" in given:
        set_topics(conn, statement_id, topic_ids(conn, given["topics"]), status=before["status"])
    now = utcnow()
    values = {COLUMNS[name]: value for name, value in given.items() if name in COLUMNS}
    conn.execute(update(Statement).where(col(Statement.id) == statement_id)
                 .values(**values, **marks(item["curated_fields"], given, actor=actor, now=now)))
    if "status" in given and (given["status"] == REJECTED) != (before["status"] == REJECTED):
        recount_topics(conn, statement_id, delta=-1 if given["status"] == REJECTED else 1)
    audit.record(conn, actor=actor, entity="statement", entity_id=statement_id, action="updated",
                 changes={name: (before[name], value) for name, value in given.items()})
    return get_statement(session, statement_id=statement_id)


def refuse_duplicate(conn: Connection, item: dict, expert_id: int) -> None:
    """409 when the expert already has a statement on the same span of the same document."""
    same = select(func.count()).where(
        col(Statement.document_id) == item["document_id"], col(Statement.char_start) == item["start"],
        col(Statement.char_end) == item["end"], col(Statement.expert_id) == expert_id)
    if conn.execute(same).scalar():
        raise Conflict(f"expert {expert_id} already has a statement on this span of document {item['document_id']}")


def recount_topics(conn: Connection, statement_id: int, *, delta: int) -> None:
    """A statement rejected (-1) or restored (+1): its topics' counts follow (the roll-up follows by trigger)."""
    linked = conn.execute(select(StatementTopic.topic_id).where(col(StatementTopic.statement_id) == statement_id))
    adjust_topic_counts(conn, {topic_id: delta for topic_id in linked.scalars()})
