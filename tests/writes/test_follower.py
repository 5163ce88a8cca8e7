"""A follower of GET /v1/changes, polling while several writers add and delete documents at once, sees every
event exactly once and in order: the feed's `seq` order is its commit order (app/audit.py).

Each writer pauses a few milliseconds between numbering its events and committing them (a slow commit), so
that a write path numbering events without holding a lock to its commit would let a later number commit
first. (With `lock_feed` alone made a no-op this test still passes on PostgreSQL: every write first bumps the
one dataset_state row, whose row lock also orders the writers until they commit; bench/README.md.)
"""

from __future__ import annotations

import random
import threading
import time

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from app import audit
from app.db import get_engine
from app.main import create_app
from app.types import RawDocument
from app.writes.documents import add_document, delete_document

WRITERS = 4
DOCUMENTS = 8  # per writer; every third is deleted again
FIRST = ["Omar", "Lena", "Pavel", "Mira", "Tomas", "Ines", "Karim", "Sofia"]
LAST = ["Haddad", "Novak", "Ivanov", "Costa"]


def article(writer: int, n: int) -> RawDocument:
    """An article quoting an expert every writer quotes (so they race to create them) and one of its own."""
    text = (f"Report {writer}-{n}\n\nTrade will grow by {n} percent, said Ayla Demir, an economist from Turkey.\n\n"
            f"Prices will fall, said {FIRST[n]} {LAST[writer]}, an analyst at the Baku Institute.\n")
    return RawDocument(source="", text=text, title=f"Report {writer}-{n}")


def write(url: str, taxonomy, writer: int, failures: list) -> None:
    engine = get_engine(url)
    try:
        for n in range(DOCUMENTS):
            with Session(engine) as session:
                document_id, created = add_document(session, article(writer, n), taxonomy=taxonomy,
                                                    actor=f"writer-{writer}")
            assert created
            if n % 3 == 2:
                with Session(engine) as session, session.begin():
                    delete_document(session, document_id=document_id, actor=f"writer-{writer}")
    except Exception as error:  # noqa: BLE001 - reported by the test
        failures.append(repr(error))


def follow(client: TestClient, writing: threading.Event, seen: list, failures: list) -> None:
    after = 0
    try:
        while True:
            finished = not writing.is_set()  # read before polling: a poll begun after the writers ended sees all
            answer = client.get("/v1/changes", params={"after": after, "limit": 7})
            assert answer.status_code == 200, answer.text
            page = answer.json()
            seen.extend(page["items"])
            after = page["last_seq"]
            if finished and page["next_cursor"] is None:
                return
    except Exception as error:  # noqa: BLE001
        failures.append(repr(error))


def slow_commits(monkeypatch) -> None:
    record_many = audit.record_many

    def numbered_then_paused(conn, events):
        record_many(conn, events)
        time.sleep(random.uniform(0, 0.01))

    monkeypatch.setattr(audit, "record_many", numbered_then_paused)


def follow_writers(client: TestClient, url: str, taxonomy) -> tuple[list, list]:
    """Run the writers and the follower at once; what the follower saw, and any failure."""
    writing, seen, failures = threading.Event(), [], []
    writing.set()
    follower = threading.Thread(target=follow, args=(client, writing, seen, failures))
    writers = [threading.Thread(target=write, args=(url, taxonomy, w, failures)) for w in range(WRITERS)]
    follower.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    writing.clear()
    follower.join(timeout=120)
    assert not follower.is_alive()
    return seen, failures


def test_a_follower_sees_every_event_once_in_order_under_concurrent_writes(writable_url, taxonomy, monkeypatch):
    slow_commits(monkeypatch)
    with TestClient(create_app(writable_url)) as client:
        seen, failures = follow_writers(client, writable_url, taxonomy)
    assert not failures, failures

    with get_engine(writable_url).connect() as conn:
        table = conn.execute(text("SELECT seq, actor, entity, entity_id, action FROM change ORDER BY seq")).all()
    followed = [(e["seq"], e["actor"], e["entity"], e["entity_id"], e["action"]) for e in seen]
    assert [e[0] for e in followed] == sorted({e[0] for e in followed})  # increasing, none twice
    assert followed == [tuple(row) for row in table]  # none missed
    created = [e for e in followed if e[2] == "document" and e[4] == "created" and e[1] != "cli"]
    deleted = [e for e in followed if e[2] == "document" and e[4] == "deleted"]
    assert (len(created), len(deleted)) == (WRITERS * DOCUMENTS, WRITERS * (DOCUMENTS // 3))
