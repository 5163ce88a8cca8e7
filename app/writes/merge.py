"""Merging two experts who are one person: statements, appearances, names and facts move to the one that
stays; the other's id redirects to it from then on.

A statement of the merged expert on a span where the expert that stays already has one (the same words
attributed to both) is a duplicate: the one already on the expert that stays is kept, the other deleted.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, exists, insert, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app import audit
from app.errors import InvalidParameter, NotFound
from app.ingest.identity import merged, name_key
from app.ingest.persist import bump_dataset_version, clear_annotation_rows, insert_new_rows
from app.models import Appearance, Expert, ExpertCountry, ExpertRedirect, Statement, utcnow
from app.queries.experts import get_expert

EXPERT_FACTS = select(Expert.id, Expert.name, Expert.nationality, Expert.aliases, Expert.roles, Expert.affiliations)


def merge_experts(session: Session, *, expert_id: int, into: int, actor: str) -> dict:
    """Merge expert `expert_id` into expert `into`; return the expert that stays."""
    conn = session.connection()
    bump_dataset_version(session)
    old = conn.execute(EXPERT_FACTS.where(col(Expert.id) == expert_id)).first()
    if old is None:
        raise NotFound(f"no expert with id {expert_id}")
    if into == expert_id:
        raise InvalidParameter("into", "an expert cannot be merged into itself")
    new = conn.execute(EXPERT_FACTS.where(col(Expert.id) == into)).first()
    if new is None:
        raise InvalidParameter("into", f"no expert with id {into}")
    now = utcnow()
    dropped = drop_duplicates(conn, expert_id, into)
    moved = conn.execute(update(Statement).where(col(Statement.expert_id) == expert_id)
                         .values(expert_id=into, updated_at=now)).rowcount
    move_appearances(conn, expert_id, into)
    codes = conn.execute(select(ExpertCountry.code).where(col(ExpertCountry.expert_id) == expert_id)).scalars()
    insert_new_rows(conn, ExpertCountry, [{"expert_id": into, "code": code} for code in codes])
    aliases = [a for a in merged(new.aliases, [*old.aliases, old.name]) if name_key(a) != name_key(new.name)]
    conn.execute(update(Expert).where(col(Expert.id) == into).values(
        aliases=aliases, roles=merged(new.roles, old.roles), affiliations=merged(new.affiliations, old.affiliations),
        nationality=new.nationality or old.nationality, updated_at=now))
    conn.execute(update(ExpertRedirect).where(col(ExpertRedirect.new_id) == expert_id).values(new_id=into))
    conn.execute(delete(Expert).where(col(Expert.id) == expert_id))
    conn.execute(insert(ExpertRedirect).values(old_id=expert_id, new_id=into))
    audit.record(conn, actor=actor, entity="expert", entity_id=expert_id, action="merged", changes={
        "into": (None, into), "name": (old.name, None), "statements": (moved + len(dropped), 0),
        "dropped_statements": (dropped, None)})
    return get_expert(session, expert_id=into)


def drop_duplicates(conn: Connection, expert_id: int, into: int) -> list[int]:
    """Delete the merged expert's statements on spans where `into` has one already; their ids."""
    other = aliased(Statement)
    same_span = exists().where(other.expert_id == into, other.document_id == Statement.document_id,
                               other.char_start == Statement.char_start, other.char_end == Statement.char_end)
    ids = list(conn.execute(select(Statement.id).where(col(Statement.expert_id) == expert_id, same_span)
                            .order_by(Statement.id)).scalars())
    if ids:
        clear_annotation_rows(conn, statement_ids=ids)
        conn.execute(delete(Statement).where(col(Statement.id).in_(ids)))
    return ids


def move_appearances(conn: Connection, expert_id: int, into: int) -> None:
    """The merged expert's appearances become the other's, except in documents where it appears already."""
    both = select(Appearance.document_id).where(col(Appearance.expert_id) == into)
    conn.execute(delete(Appearance).where(col(Appearance.expert_id) == expert_id,
                                          col(Appearance.document_id).in_(both)))
    conn.execute(update(Appearance).where(col(Appearance.expert_id) == expert_id).values(expert_id=into))
