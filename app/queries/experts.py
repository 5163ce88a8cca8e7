"""Queries over experts."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import exists, func
from sqlmodel import Session, col, select

from app.errors import NotFound
from app.models import Expert, ExpertCountry, ExpertRedirect, Statement
from app.queries.filters import counted
from app.queries.sorting import by_id, fetch_page


def list_experts(
    session: Session, *, limit: int, cursor: str | None, country: str | None = None,
    updated_since: datetime | None = None,
) -> tuple[list[dict], str | None]:
    """List experts by id, optionally those of one country, or those written since a moment."""
    query = select(Expert)
    if country:
        query = query.where(
            col(Expert.id).in_(select(ExpertCountry.expert_id).where(ExpertCountry.code == country.upper()))
        )
    if updated_since is not None:
        query = query.where(col(Expert.updated_at) >= updated_since)
    rows, next_cursor = fetch_page(session, query, by_id(col(Expert.id)), limit=limit, cursor=cursor)
    return expert_items(session, [row[0] for row in rows]), next_cursor


def get_expert(session: Session, *, expert_id: int) -> dict:
    """Get one expert, or raise NotFound."""
    expert = session.get(Expert, expert_id)
    if expert is None:
        raise NotFound(f"no expert with id {expert_id}")
    return expert_items(session, [expert])[0]


def expert_items(session: Session, experts: list[Expert]) -> list[dict]:
    """Shape experts as API items, with countries and statement counts fetched for all at once."""
    ids = [e.id for e in experts]
    countries: dict[int, list[str]] = defaultdict(list)
    for expert_id, code in session.exec(
        select(ExpertCountry.expert_id, ExpertCountry.code).where(col(ExpertCountry.expert_id).in_(ids))
    ):
        countries[expert_id].append(code)
    counts = dict(
        session.exec(
            select(Statement.expert_id, func.count())
            .where(col(Statement.expert_id).in_(ids), counted())
            .group_by(Statement.expert_id)
        ).all()
    )
    return [
        {
            "id": e.id,
            "name": e.name,
            "aliases": e.aliases,
            "nationality": e.nationality,
            "countries": sorted(countries[e.id]),
            "roles": e.roles,
            "affiliations": e.affiliations,
            "statement_count": counts.get(e.id, 0),
            **curation_marks(e.curated, e.curated_by, e.curated_at),
        }
        for e in experts
    ]


def curation_marks(curated: list[str] | None, curated_by: str | None, curated_at) -> dict:
    """The API's marks of what a person set by hand (a statement's or an expert's)."""
    fields = list(curated or [])
    return {"curated": bool(fields), "curated_fields": fields, "curated_by": curated_by,
            "curated_at": utc_text(curated_at)}


def utc_text(moment: datetime | None) -> str | None:
    """A stored time (naive ones are UTC) as ISO 8601 with Z, written the same by every encoder."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat().replace(
        "+00:00", "Z")


def moved_to(session: Session, *, expert_id: int) -> int | None:
    """The expert that an id merged away now lives on as (None if the id is an expert, or was never one)."""
    alive = exists().where(col(Expert.id) == expert_id)
    query = select(ExpertRedirect.new_id).where(col(ExpertRedirect.old_id) == expert_id, ~alive)
    return session.exec(query).first()
