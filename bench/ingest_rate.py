"""Ingest a generated corpus into a fresh SQLite file through the real pipeline and print the rate.

    .venv/bin/python bench/ingest_rate.py /work/benchdata/corpus --db /work/benchdata/bench.db
    .venv/bin/python bench/ingest_rate.py /work/benchdata/corpus1k --db /tmp/p.db --profile 30

Prints documents/s, statements/s, CPU time per document, the database size and the machine; `--profile N` runs under
cProfile and prints the N most expensive calls (cumulative), so slow stages can be named.
"""
from __future__ import annotations

import argparse
import cProfile
import inspect
import os
import platform
import pstats
import resource
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.annotate.taxonomy import load_taxonomy  # noqa: E402
from app.config import get_settings  # noqa: E402
from app.db import get_engine  # noqa: E402
from app.ingest import pipeline  # noqa: E402
from app.migrate import upgrade_database  # noqa: E402


def machine() -> str:
    """'Linux-6.1 x86_64, 2 cores (AMD EPYC ...), 23.4 GiB RAM, Python 3.11.7'."""
    meminfo = Path("/proc/meminfo")
    memory = int(meminfo.read_text().split()[1]) / 2**20 if meminfo.exists() else float("nan")
    cpuinfo = Path("/proc/cpuinfo")
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if cpuinfo.exists() else ""
    return (f"{platform.platform()}, {os.cpu_count()} cores ({model}), {memory:.1f} GiB RAM, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def cpu_per_document(docs: int) -> str:
    """CPU milliseconds per document of this process (reading, writing) and of the finished
    workers (analysis): unlike the rate, these hardly depend on what else the machine runs."""
    own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    ms = [1000 * (usage.ru_utime + usage.ru_stime) / max(docs, 1) for usage in (own, workers)]
    return f"cpu: main process {ms[0]:.2f} ms/doc, workers {ms[1]:.2f} ms/doc"


def database_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
                for table in ("document", "expert", "statement", "statement_topic", "statement_country")}


class Progress:
    """Counts results and prints the running rate every `every` documents."""

    def __init__(self, every: int) -> None:
        self.every, self.docs, self.statements, self.failed = every, 0, 0, 0
        self.started = time.perf_counter()

    def __call__(self, result: pipeline.DocumentResult) -> None:
        self.docs += 1
        self.statements += result.statements
        self.failed += result.outcome == "failed"
        if self.docs % self.every == 0:
            elapsed = time.perf_counter() - self.started
            print(f"  {self.docs} docs, {self.statements} statements, {elapsed:.0f} s, "
                  f"{self.docs / elapsed:.1f} docs/s", flush=True)


def run_ingest(paths: list[Path], db: Path, workers: int | None, progress: Progress) -> None:
    """The real pipeline, as `opinions ingest` runs it (passing `workers` when the pipeline has it)."""
    url = f"sqlite:///{db}"
    upgrade_database(url)
    options = {"workers": workers} if "workers" in inspect.signature(pipeline.ingest).parameters else {}
    taxonomy = load_taxonomy(get_settings().taxonomy())
    pipeline.ingest(paths, engine=get_engine(url), taxonomy=taxonomy, on_result=progress, **options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="corpus files or folders (JSONL shards)")
    parser.add_argument("--db", type=Path, required=True, help="SQLite file to create (replaced if present)")
    parser.add_argument("--workers", type=int, default=None, help="analysis processes (default: pipeline's)")
    parser.add_argument("--every", type=int, default=5000, help="print progress every N documents")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest calls")
    args = parser.parse_args()
    for stale in args.db.parent.glob(args.db.name + "*"):
        stale.unlink()
    progress = Progress(args.every)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    run_ingest(args.paths, args.db.resolve(), args.workers, progress)
    elapsed = time.perf_counter() - progress.started
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    print(f"machine: {machine()}")
    print(f"documents: {progress.docs} ({progress.failed} failed), statements: {progress.statements}, "
          f"time: {elapsed:.1f} s")
    print(f"rate: {progress.docs / elapsed:.1f} docs/s, {progress.statements / elapsed:.0f} statements/s "
          f"(target >= 200 docs/s)")
    print(cpu_per_document(progress.docs))
    print(f"database: {database_size(args.db) / 2**20:.1f} MiB, rows: {row_counts(args.db)}")


if __name__ == "__main__":
    main()
