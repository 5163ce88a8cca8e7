"""Helpers of the curation tests: events as stored, and requests with a body in a given media type."""

from __future__ import annotations

import json

from sqlalchemy import text

from app.db import get_engine

MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}


def events(url: str, entity: str | None = None) -> list[dict]:
    """The change feed's events, in order (optionally of one entity)."""
    with get_engine(url).connect() as conn:
        rows = conn.execute(text("SELECT actor, entity, entity_id, action, changes FROM change ORDER BY seq")).all()
    out = [{"actor": r.actor, "entity": r.entity, "entity_id": r.entity_id, "action": r.action,
            "changes": json.loads(r.changes) if isinstance(r.changes, str) else r.changes} for r in rows]
    return [e for e in out if entity is None or e["entity"] == entity]


def scalar(url: str, sql: str, **params):
    with get_engine(url).connect() as conn:
        return conn.execute(text(sql), params).scalar()


def patch(client, path: str, body, headers: dict, media: dict = MERGE_PATCH):
    return client.patch(path, content=json.dumps(body), headers={**headers, **media})
