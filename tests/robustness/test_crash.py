"""Crash safety: `opinions ingest` killed (SIGKILL, its workers too) at random moments while it writes, ten
times on one database, leaves it sound and every stored document whole, and a last run finishes the job
to exactly what a clean ingest of the same files stores.

Runs on the configured database: a SQLite file, or PostgreSQL when OPINIONS_DATABASE_URL names one.
The ingest reads a drop folder that is topped up with new files between runs, so that every run has
documents left to write. Each kill waits until the run is seen inside a write transaction (after letting
it commit a group of documents first, one run in three), then a random delay more: it lands inside a
transaction or between two. Seeded: OPINIONS_CRASH_SEED=N replays a run's choices.
"""
from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest

from app.db import get_engine
from app.ingest import pipeline
from tests.robustness.support import (
    Watcher,
    dump,
    kill_group,
    sqlite_integrity,
    sqlite_path,
    start_opinions,
    write_corpus,
)

pytestmark = pytest.mark.slow

KILLS = 10
SHARD, SHARDS = 32, 16  # 512 documents, ~6,700 statements, in files of 32
SEED = int(os.environ.get("OPINIONS_CRASH_SEED", "20261202"))
GROUP_S = 0.15  # a first guess of a group's transaction time, measured again in every run that commits first
POLL_S = 0.002
RUN_TIMEOUT_S = 300


def run_and_kill(url: str, folder: Path, rng: random.Random, *, commits_first: int, group_s: float) -> dict:
    """Start an ingest; once it has committed `commits_first` groups and is seen writing, wait a random part
    of a group's time (`group_s`), or until that transaction commits, and SIGKILL it. What happened."""
    watcher = Watcher(url)
    before = watcher.documents()
    process, started = start_opinions("ingest", str(folder), url=url), time.monotonic()
    wrote = committed = None  # when the run was first seen writing, and first seen to have committed
    try:
        while process.poll() is None:
            documents, writing, now = watcher.documents(), watcher.writing(), time.monotonic()
            wrote = wrote or (writing and now) or None
            committed = committed or (documents > before and now) or None
            if writing and documents >= before + commits_first * pipeline.GROUP_SIZE:
                break
            assert now - started < RUN_TIMEOUT_S, "the ingest never wrote"
            time.sleep(POLL_S)
        delay = rng.uniform(0, 1.2 * group_s)
        deadline, documents = time.monotonic() + delay, watcher.documents()
        while time.monotonic() < deadline and watcher.documents() == documents and process.poll() is None:
            time.sleep(POLL_S)  # a commit ends the wait: the kill comes right after it
    finally:
        watcher.close()
    killed = process.poll() is None
    kill_group(process)
    measured = committed - wrote if commits_first and wrote and committed and committed > wrote else None
    return {"killed": killed, "after_s": round(time.monotonic() - started, 2), "delay_s": round(delay, 3),
            "commits_first": commits_first, "before": before, "group_s": measured and round(measured, 3)}


def top_up(folder: Path, shards: list[Path], stored: int) -> None:
    """Move files into the drop folder until two groups of documents wait there (while there are files)."""
    while shards and len(list(folder.iterdir())) * SHARD - stored < 2 * pipeline.GROUP_SIZE:
        shard = shards.pop(0)
        shutil.copy(shard, folder / shard.name)


def assert_sound(url: str, clean, run: dict) -> int:
    """The database after a kill: intact (SQLite), every stored document whole; the documents it holds."""
    where = f"seed {SEED}, run {run}"
    if sqlite_path(url):
        assert sqlite_integrity(url) == [], where
    killed = dump(url)
    assert set(killed.documents) <= set(clean.documents), where
    for sha256 in killed.documents:
        assert killed.statements_of(sha256) == clean.statements_of(sha256), f"{where}: document {sha256}"
    assert killed.topic_counts == killed.topic_links, f"{where}: topic counts out of step with their links"
    return len(killed.documents)


def test_killed_ingests_leave_whole_documents_and_a_last_run_completes(databases, taxonomy, tmp_path):
    shards = write_corpus(tmp_path / "all", count=SHARD * SHARDS, seed=SEED % 1000, shard_size=SHARD)
    clean_url = databases.new()
    report = pipeline.ingest([tmp_path / "all"], engine=get_engine(clean_url), taxonomy=taxonomy)
    clean = dump(clean_url)
    assert len(clean.documents) == SHARD * SHARDS  # the reference holds every statement extraction gave:
    assert sum(clean.statements.values()) == sum(result.statements for result in report.results)

    url, rng, runs, drop = databases.new(), random.Random(SEED), [], tmp_path / "drop"
    drop.mkdir()
    waiting, stored, group_s = list(shards), 0, GROUP_S
    while sum(run["killed"] for run in runs) < KILLS:
        assert len(runs) < 2 * KILLS, f"seed {SEED}: the ingest kept finishing before its kill: {runs}"
        top_up(drop, waiting, stored)
        assert len(list(drop.iterdir())) * SHARD > stored, f"seed {SEED}: the corpus ran out: {runs}"
        run = run_and_kill(url, drop, rng, commits_first=len(runs) % 3 // 2, group_s=group_s)  # 0, 0, 1, 0, ...
        runs.append(run)
        group_s = run["group_s"] or group_s
        run["after"] = stored = assert_sound(url, clean, run)
    print(f"\ncrash test (seed {SEED}): {len(runs)} runs, {KILLS} killed", *runs, sep="\n  ")

    for shard in waiting:  # and now every file
        shutil.copy(shard, drop / shard.name)
    last = start_opinions("ingest", str(drop), url=url)
    assert last.wait(RUN_TIMEOUT_S) == 0, last.stderr.read()
    assert dump(url) == clean
    assert any(run["killed"] and run["after"] > run["before"] for run in runs), "no kill came after a commit"
