"""What checking an API key costs per request: argon2id alone, a first request, later (cached) requests.

    .venv/bin/python bench/auth_cost.py [--requests 200]

Side by side in one run, taking turns, on a fresh SQLite file holding the seed: the same write request
(DELETE of a missing document: authenticated, then 404, so no data changes) (a) with a key seen before
(the verifier's cache), (b) with a key never seen by this process (a full argon2id verification), and
(c) the same path unauthenticated (the 401, for the floor of the route). Prints per-request medians and
p95 in ms and the ratios to (c), with the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient  # noqa: E402

from app.db import get_engine  # noqa: E402
from app.keys import HASHER, create_key  # noqa: E402
from app.main import create_app  # noqa: E402
from app.migrate import upgrade_database  # noqa: E402


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def summary(name: str, samples: list[float], floor: float) -> str:
    p50 = statistics.median(samples)
    p95 = statistics.quantiles(samples, n=20)[-1]
    return f"| {name} | {p50:.2f} | {p95:.2f} | {p50 / floor:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    os.environ["OPINIONS_WRITE_LIMIT"] = "1000000/minute"
    url = f"sqlite:///{tempfile.mkdtemp()}/auth.db"
    upgrade_database(url)
    with get_engine(url).begin() as conn:
        known, _ = create_key(conn, name="known", scope="write")
        fresh = [create_key(conn, name=f"fresh{i}", scope="write")[0] for i in range(args.requests)]
    client = TestClient(create_app(url))
    call = lambda key: client.delete("/v1/documents/999999", headers={"Authorization": f"Bearer {key}"})  # noqa: E731
    assert call(known).status_code == 404
    cached, first, anonymous, argon = [], [], [], []
    for i in range(args.requests):
        cached.append(timed(lambda: call(known)))
        first.append(timed(lambda i=i: call(fresh[i])))
        anonymous.append(timed(lambda: client.delete("/v1/documents/999999")))
        argon.append(timed(lambda: HASHER.verify(HASHER.hash("x"), "x")) / 2)  # hash + verify: about twice one
    floor = statistics.median(anonymous)
    print(f"{args.requests} requests each, taking turns; {platform.platform()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}\n")
    print("| request | p50 ms | p95 ms | p50 / unauthenticated |\n|---|---|---|---|")
    for name, samples in [("no key (401)", anonymous), ("known key (cached)", cached),
                          ("key new to the process (argon2id)", first), ("argon2id verify alone (est.)", argon)]:
        print(summary(name, samples, floor))


if __name__ == "__main__":
    main()
