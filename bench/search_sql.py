"""Ranked search as raw SQL from several threads at once: the floor under query (c) of load.py.

    .venv/bin/python bench/search_sql.py /work/benchdata/m2.db --threads 4 --requests 200

Captures the SQL our query layer runs for each request of (c) (the same terms and seed as load.py),
then replays it on one sqlite3 connection per thread, all threads at once, and prints p50/p99. There
is no HTTP and no Python besides the sqlite3 calls (which release the GIL): no API over this index
can answer faster than this.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _workload import build_cases, capture_sql  # noqa: E402
from load import Timing  # noqa: E402


def replay(db_path: Path, requests: list[list[tuple[str, tuple]]], start: threading.Barrier,
           latencies: list[float]) -> None:
    db = sqlite3.connect(db_path, check_same_thread=False)
    db.execute("PRAGMA mmap_size = 1073741824")  # as the app's connections (app/db.py)
    db.execute("PRAGMA cache_size = -65536")
    for statements in requests[:5]:  # warm the connection's caches, unmeasured
        for sql, params in statements:
            db.execute(sql, params).fetchall()
    start.wait()
    for statements in requests:
        t0 = time.perf_counter()
        for sql, params in statements:
            db.execute(sql, params).fetchall()
        latencies.append((time.perf_counter() - t0) * 1000)
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="SQLite file made by ingest_rate.py")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200, help="searches in all")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    db = args.db.resolve()
    (case,) = [c for c in build_cases(db, args.requests, args.seed) if c.name.startswith("c.")]
    capture_sql(db, [case])
    latencies: list[float] = []
    start = threading.Barrier(args.threads)
    threads = [threading.Thread(target=replay, args=(db, case.sql[k::args.threads], start, latencies))
               for k in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timing = Timing(latencies, wall_s=0)
    print(f"{case.name}: {len(latencies)} searches from {args.threads} threads, raw SQL: "
          f"p50 {timing.p(0.5):.1f} ms, p99 {timing.p(0.99):.1f} ms, max {max(latencies):.1f} ms")


if __name__ == "__main__":
    main()
