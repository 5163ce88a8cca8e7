"""The change feed: events in `seq` order, after a given one.

A follower keeps the last `seq` it read and asks for the events after it; since events are numbered
in commit order (app.audit), nothing can commit later with a smaller `seq`, so polling this way never
misses nor repeats an event. The position is the `seq` itself, so `next_cursor` is that number.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from app.models import Change

COLUMNS = (Change.seq, Change.at, Change.actor, Change.entity, Change.entity_id, Change.action, Change.changes)


def list_changes(session: Session, *, after: int, limit: int, entity: str | None = None) -> dict:
    """Up to `limit` events after `after`, in order; `next_cursor` is the last one's seq when more follow."""
    query = select(*COLUMNS).where(col(Change.seq) > after)
    if entity:
        query = query.where(col(Change.entity) == entity)
    rows = session.exec(query.order_by(col(Change.seq)).limit(limit + 1)).all()
    items = [dict(row._mapping) for row in rows[:limit]]
    last_seq = items[-1]["seq"] if items else after
    return {"items": items, "next_cursor": str(last_seq) if len(rows) > limit else None, "last_seq": last_seq}
