"""What the crash and concurrency tests share: a generated corpus, `opinions` as a real process, a
canonical dump of a database's content, and a probe that sees an open write transaction."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, make_url, text

from tests.conftest import ROOT

OPINIONS = Path(sys.executable).with_name("opinions")


def write_corpus(folder: Path, *, count: int, seed: int, shard_size: int = 25) -> list[Path]:
    """`count` synthetic articles (bench/synth.py: ~13 statements each) as JSONL shards in `folder`, in order."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--count", str(count), "--seed", str(seed),
                    "--out", str(folder), "--shard-size", str(shard_size)], check=True, capture_output=True)
    return sorted(folder.glob("*.jsonl"))


def start_opinions(*args: str, url: str) -> subprocess.Popen:
    """`opinions ARGS --database-url URL` in a session of its own, so that it dies with its workers."""
    return subprocess.Popen([str(OPINIONS), *args, "--database-url", url], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the process and the workers it started (its session), then reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def free_port() -> int:
    """A TCP port free on this machine right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base: str, server: subprocess.Popen, startup_timeout_s: float = 120) -> None:
    """Wait until the server started as `server` answers /healthz at `base`."""
    started = time.monotonic()
    while time.monotonic() - started < startup_timeout_s:
        assert server.poll() is None, server.stderr.read()
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("the server did not come up")


@dataclass(frozen=True)
class Dump:
    """A database's content, independent of row ids: what a user reading it back would compare."""

    documents: dict[str, tuple]  # sha256 -> (title, outlet, url, published)
    statements: Counter  # (sha256, start, end, expert name, kind, topics) -> how many
    topic_counts: dict[str, int]  # slug -> the stored statement_count
    topic_links: dict[str, int]  # slug -> statements linked to it

    def statements_of(self, sha256: str) -> Counter:
        return Counter({key: n for key, n in self.statements.items() if key[0] == sha256})


def dump(url: str) -> Dump:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            documents = {row[0]: tuple(map(str, row[1:])) for row in conn.execute(text(
                "SELECT sha256, title, outlet, url, published FROM document"))}
            topics = {row.id: row.slug for row in conn.execute(text("SELECT id, slug FROM topic"))}
            links: dict[int, list[str]] = {}
            for statement_id, topic_id in conn.execute(text("SELECT statement_id, topic_id FROM statement_topic")):
                links.setdefault(statement_id, []).append(topics[topic_id])
            statements = Counter(
                (row.sha256, row.char_start, row.char_end, row.name, row.kind, tuple(sorted(links.get(row.id, []))))
                for row in conn.execute(text(
                    "SELECT s.id, d.sha256, s.char_start, s.char_end, e.name, s.kind FROM statement s "
                    "JOIN document d ON d.id = s.document_id JOIN expert e ON e.id = s.expert_id")))
            counts = {row.slug: row.statement_count for row in conn.execute(text(
                "SELECT slug, statement_count FROM topic"))}
    finally:
        engine.dispose()
    linked = Counter(slug for slugs in links.values() for slug in slugs)
    return Dump(documents, statements, counts, {slug: linked.get(slug, 0) for slug in counts})


def sqlite_path(url: str) -> str | None:
    return make_url(url).database if url.startswith("sqlite") else None


def sqlite_integrity(url: str) -> list[str]:
    """PRAGMA integrity_check and foreign_key_check, on a connection of its own (it recovers the WAL)."""
    conn = sqlite3.connect(sqlite_path(url))
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems += [repr(row) for row in conn.execute("PRAGMA foreign_key_check")]
    finally:
        conn.close()
    return [] if problems == ["ok"] else problems


class Watcher:
    """Watches another process write: how many documents are committed, and whether a write transaction
    is open right now, checked without waiting: on SQLite, a BEGIN IMMEDIATE that cannot get the write
    lock at once; on PostgreSQL, another backend whose transaction has written (pg_stat_activity.backend_xid).
    """

    def __init__(self, url: str) -> None:
        self.path = sqlite_path(url)
        if self.path:
            self.conn = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        else:
            self.engine = create_engine(url, isolation_level="AUTOCOMMIT")
            self.conn = self.engine.connect()

    def writing(self) -> bool:
        if self.path:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:  # database is locked: a writer is in a transaction
                return True
            self.conn.execute("ROLLBACK")
            return False
        return self.conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL")).scalar() > 0

    def documents(self) -> int:
        query = "SELECT count(*) FROM document"
        return self.conn.execute(query).fetchone()[0] if self.path else self.conn.execute(text(query)).scalar()

    def close(self) -> None:
        self.conn.close()
        if not self.path:
            self.engine.dispose()
