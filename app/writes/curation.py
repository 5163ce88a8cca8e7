"""What every curation write shares: the marks of a person's work, topics set by hand, ids checked."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, select
from sqlmodel import col

from app.errors import InvalidParameter
from app.ingest.persist import add_topic_links, clear_topic_links
from app.models import REJECTED, Expert, Topic


def marks(curated: Iterable[str], fields: Iterable[str], *, actor: str, now: datetime) -> dict:
    """The curation columns after a person set `fields`: the fields added to those set before, by whom, when."""
    return {"curated": sorted({*curated, *fields}), "curated_by": actor, "curated_at": now, "updated_at": now}


def topic_ids(conn: Connection, slugs: Iterable[str], *, param: str = "topics") -> dict[str, int]:
    """slug -> id of each slug; an unknown slug is a 422 naming `param` and the slug."""
    wanted = sorted(set(slugs))
    found = dict(conn.execute(select(Topic.slug, Topic.id).where(col(Topic.slug).in_(wanted))).all())
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        raise InvalidParameter(param, f"no topic {unknown[0]!r} (GET /v1/topics lists them)")
    return found


def set_topics(conn: Connection, statement_id: int, ids: dict[str, int], *, status: str) -> None:
    """Replace a statement's topic links by these (set by hand: no evidence terms); counts follow."""
    clear_topic_links(conn, statement_ids=[statement_id])
    add_topic_links(conn, [(statement_id, {slug: [] for slug in ids})], ids,
                    uncounted={statement_id} if status == REJECTED else ())


def existing_expert(conn: Connection, expert_id: int, *, param: str) -> str:
    """The name of the expert with this id; a 422 naming `param` if there is none."""
    name = conn.execute(select(Expert.name).where(col(Expert.id) == expert_id)).scalar()
    if name is None:
        raise InvalidParameter(param, f"no expert with id {expert_id}")
    return name
