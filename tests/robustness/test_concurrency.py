"""Concurrency: 16 clients read the API (a real server, `opinions serve`) while `opinions ingest` writes to
the same database: no request fails, none answers a 5xx, and the ingest loads everything.

Runs on the configured database: a SQLite file (WAL, a busy timeout), or PostgreSQL when
OPINIONS_DATABASE_URL names one.
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from itertools import cycle

import httpx
import pytest
from sqlalchemy import text

from app.db import get_engine, make_engine
from app.ingest import pipeline
from tests.robustness.support import (
    dump,
    free_port,
    kill_group,
    sqlite_path,
    start_opinions,
    wait_until_up,
    write_corpus,
)

CLIENTS = 16
DOCUMENTS, ALREADY = 384, 32  # ~5,000 statements written during the test, on top of what the server starts with
RUN_TIMEOUT_S = 300
READS = [  # (path, params): lists with filters, search, facets, sorts, pages, single items, an export
    ("/v1/statements", {}),
    ("/v1/statements", {"kind": "direct", "limit": 100}),
    ("/v1/statements", {"topic": "energy", "facet": ["country", "expert"], "total": "true", "limit": 5}),
    ("/v1/statements", {"q": "economy", "limit": 20}),
    ("/v1/statements", {"sort": "-published,expert", "limit": 50}),
    ("/v1/statements", {"forward_looking": "true", "sentiment_min": "0.2", "confidence_min": "0.8"}),
    ("/v1/statements/1", {}),
    ("/v1/experts", {"limit": 100}),
    ("/v1/experts/1", {}),
    ("/v1/experts/1/topics", {}),
    ("/v1/topics", {}),
    ("/v1/documents", {}),
    ("/v1/documents/1", {}),
    ("/v1/documents/1/annotations", {}),
    ("/v1/statements", {"document": 1, "format": "csv"}),
]


@pytest.mark.slow
def test_sixteen_clients_read_while_an_ingest_writes(databases, taxonomy, tmp_path):
    shards = write_corpus(tmp_path / "corpus", count=DOCUMENTS, seed=12, shard_size=ALREADY)
    url = databases.new()
    pipeline.ingest([shards[0]], engine=get_engine(url), taxonomy=taxonomy)  # so that the server loads no seeds
    port = free_port()
    server = start_opinions("serve", "--port", str(port), url=url)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, server)
        ingest = start_opinions("ingest", str(tmp_path / "corpus"), url=url)
        started = time.monotonic()
        tally = read_until(base, lambda: ingest.poll() is not None or time.monotonic() - started > RUN_TIMEOUT_S)
        duration = time.monotonic() - started
        assert ingest.wait(10) == 0, ingest.stderr.read()
    finally:
        kill_group(server)
    print(f"\nconcurrency ({'SQLite' if sqlite_path(url) else 'PostgreSQL'}): {CLIENTS} clients, "
          f"{sum(tally.values())} reads in {duration:.1f} s while {DOCUMENTS - ALREADY} documents were ingested; "
          f"statuses {dict(tally)}")
    assert tally["error"] == 0 and not any(isinstance(s, int) and s >= 500 for s in tally)
    assert set(tally) == {200}, tally  # every read was a valid one
    assert len(dump(url).documents) == DOCUMENTS


def read_until(base: str, done) -> Counter:
    """Every client reads in a loop (each from another place in READS) until `done()`; statuses counted."""
    tally, lock = Counter(), threading.Lock()

    def client(offset: int) -> None:
        mine = Counter()
        with httpx.Client(base_url=base, timeout=60) as http:
            for path, params in cycle(READS[offset:] + READS[:offset]):
                if done():
                    break
                try:
                    headers = {"Accept": "text/csv"} if params.get("format") == "csv" else {}
                    query = {k: v for k, v in params.items() if k != "format"}
                    response = http.get(path, params=query, headers=headers)
                    response.read()
                    mine[response.status_code] += 1
                except httpx.HTTPError:
                    mine["error"] += 1
        with lock:
            tally.update(mine)

    threads = [threading.Thread(target=client, args=(i % len(READS),)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def test_sqlite_connections_use_wal_and_wait_for_a_busy_lock(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'settings.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000  # ms: a writer's commit is waited for
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
