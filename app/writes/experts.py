"""Curating an expert: a person's merge patch of the name, nationality, countries, roles and affiliations."""

from __future__ import annotations

from sqlalchemy import Connection, delete, select, update
from sqlmodel import Session, col

from app import audit
from app.errors import Conflict, InvalidParameter, NotFound
from app.ingest.identity import merged, name_key, surname_key
from app.ingest.persist import bump_dataset_version, insert_rows
from app.models import Expert, ExpertCountry, utcnow
from app.queries.experts import get_expert
from app.write_schemas import ExpertPatch
from app.writes.curation import marks

LISTS = ("countries", "roles", "affiliations")


def patch_expert(session: Session, *, expert_id: int, patch: ExpertPatch, actor: str) -> dict:
    """Apply a person's patch to an expert and mark the fields curated; return the expert as it is now."""
    conn = session.connection()
    bump_dataset_version(session)
    expert = conn.execute(select(Expert.name, Expert.aliases, Expert.curated).where(col(Expert.id) == expert_id)
                          ).first()
    if expert is None:
        raise NotFound(f"no expert with id {expert_id}")
    given = {name: ([] if value is None and name in LISTS else value) for name, value in patch.given().items()}
    if not given:
        raise InvalidParameter("body", "the patch sets nothing: give name, nationality, countries, roles or "
                                       "affiliations")
    before = get_expert(session, expert_id=expert_id)
    values: dict = {name: merged([], given[name]) for name in ("roles", "affiliations") if name in given}
    if "nationality" in given:
        values["nationality"] = given["nationality"]
    if "name" in given and given["name"] != expert.name:
        values.update(renamed(conn, expert_id, expert.name, expert.aliases, given["name"]))
    if "countries" in given:
        given["countries"] = sorted({code.upper() for code in given["countries"]})
        set_countries(conn, expert_id, given["countries"])
    conn.execute(update(Expert).where(col(Expert.id) == expert_id)
                 .values(**values, **marks(expert.curated, given, actor=actor, now=utcnow())))
    after = get_expert(session, expert_id=expert_id)
    audit.record(conn, actor=actor, entity="expert", entity_id=expert_id, action="updated",
                 changes={name: (before[name], after[name]) for name in given})
    return after


def renamed(conn: Connection, expert_id: int, old: str, aliases: list[str], new: str) -> dict:
    """The columns of a new name; the old one becomes an alias. A name another expert has is a 409."""
    key = name_key(new)
    if not key:
        raise InvalidParameter("name", "a name needs a letter")
    other = conn.execute(select(Expert.id).where(col(Expert.name_key) == key, col(Expert.id) != expert_id)).scalar()
    if other is not None:
        raise Conflict(f"expert {other} already has the name {new!r} (merge the two instead: "
                       f"POST /v1/experts/{expert_id}/merge)", expert_id=other)
    kept = [alias for alias in merged(aliases, [old]) if name_key(alias) != key]
    return {"name": new, "name_key": key, "surname_key": surname_key(new), "aliases": kept}


def set_countries(conn: Connection, expert_id: int, codes: list[str]) -> None:
    conn.execute(delete(ExpertCountry).where(col(ExpertCountry.expert_id) == expert_id))
    insert_rows(conn, ExpertCountry, [{"expert_id": expert_id, "code": code} for code in codes])
