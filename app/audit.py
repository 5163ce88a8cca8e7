"""The change feed: every write, from the API or the command line, recorded as an event in its transaction.

Events are numbered in commit order, so a consumer that reads `GET /v1/changes?after=SEQ` and remembers
the last `seq` it saw never misses nor double-counts one: a writer takes the feed's lock before it numbers
its events and holds it until it commits (PostgreSQL: a transaction-level advisory lock; SQLite: the
database has one writer at a time already). Without the lock, a transaction numbered later could commit
first, and a reader that saw it would skip the earlier number when it committed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, text

from app.models import Change, utcnow

CLI = "cli"  # the actor of a write made on the command line
FEED_LOCK = 0x6F70696E  # any constant: the advisory lock that orders the feed ("opin")
Changes = Mapping[str, tuple[Any, Any]]  # field -> (before, after)


def lock_feed(conn: Connection) -> None:
    """Take the feed's lock until the transaction ends (call before numbering events)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK})


def record(conn: Connection, *, actor: str, entity: str, entity_id: int, action: str,
           changes: Changes | None = None) -> None:
    """Record one write as an event of the feed, in the caller's transaction."""
    record_many(conn, [event(actor=actor, entity=entity, entity_id=entity_id, action=action, changes=changes)])


def record_many(conn: Connection, events: list[dict]) -> None:
    """Record events (made by `event`) in their order, in the caller's transaction."""
    if events:
        lock_feed(conn)
        conn.execute(insert(Change), events)


def event(*, actor: str, entity: str, entity_id: int, action: str, changes: Changes | None = None) -> dict:
    """An event row: the time, who, what, and each changed field as [before, after] in JSON terms."""
    fields = {name: [jsonable(before), jsonable(after)] for name, (before, after) in (changes or {}).items()}
    return {"at": utcnow(), "actor": actor, "entity": entity, "entity_id": entity_id, "action": action,
            "changes": fields}


def expert_deletions(gone: list[tuple[int, str]], *, actor: str) -> list[dict]:
    """The events of experts removed with their last statement ((id, name) pairs)."""
    return [event(actor=actor, entity="expert", entity_id=expert_id, action="deleted", changes={"name": (name, None)})
            for expert_id, name in gone]


def jsonable(value: Any) -> Any:
    """A field's value as the feed shows it (dates as ISO strings, sequences as lists)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields whose value differs, as (before, after)."""
    return {name: (before.get(name), value) for name, value in after.items() if before.get(name) != value}
