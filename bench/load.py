"""HTTP load test of the query API, against the same queries as raw SQL and through Datasette.

    .venv/bin/python bench/load.py /work/benchdata/bench.db --requests 200 --concurrency 4

Starts uvicorn (app.main:create_app) and Datasette on 127.0.0.1, on free ports, over the same
SQLite file; runs a fixed query set, each query `--requests` times with parameters varied per
request, from `--concurrency` clients, bounded by `--max-seconds` per query; prints p50/p99 latency
and requests/s, API time / raw SQL time, our throughput / Datasette's, and each server's CPU time
per request (which the load from elsewhere on a shared machine hardly moves). Stops both servers.
With `--floor`, a third server takes its turns too: the same stack answering a fixed page with no
database work (bench/_floor.py), the least any API on FastAPI and uvicorn can cost.

The two servers take turns within each query (`--rounds` slices of its requests each), so a burst of
load from elsewhere on a shared machine falls on both instead of skewing their ratio.
"""
from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _servers import Server, api_command, datasette_command, floor_command, free_port, serving  # noqa: E402
from _workload import Case, build_cases, capture_sql  # noqa: E402


@dataclass(slots=True)
class Timing:
    latencies_ms: list[float]
    wall_s: float
    errors: int = 0
    cpu_s: float = 0.0  # the server's CPU time over these requests

    def p(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.wall_s if self.wall_s else float("nan")

    @property
    def cpu_ms(self) -> float:
        """Server CPU milliseconds per request."""
        return self.cpu_s * 1000 / len(self.latencies_ms) if self.latencies_ms else float("nan")


async def hammer(calls: list[Callable], concurrency: int, max_seconds: float) -> Timing:
    """Run the async calls from `concurrency` workers; stop taking new ones after `max_seconds`."""
    queue = list(reversed(calls))
    latencies: list[float] = []
    errors = 0
    started = time.perf_counter()

    async def worker() -> None:
        nonlocal errors
        while queue and time.perf_counter() - started < max_seconds:
            call = queue.pop()
            t0 = time.perf_counter()
            ok = await call()
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += not ok

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Timing(latencies, time.perf_counter() - started, errors)


def query_pairs(params: dict) -> list[tuple[str, str]]:
    """A query dict (lists for repeated parameters) as the pairs of a query string."""
    return [(k, str(v)) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])]


def api_calls(client: aiohttp.ClientSession, case: Case) -> list[Callable]:
    def call(params: dict) -> Callable:
        async def run() -> bool:
            async with client.get("/v1/statements", params=query_pairs(params)) as response:
                body = orjson.loads(await response.read())  # the client's parse kept small, for both servers
                return response.status == 200 and body["items"] is not None
        return run
    return [call(p) for p in case.params]


def datasette_calls(client: aiohttp.ClientSession, db_name: str, case: Case) -> list[Callable]:
    """One unit = the page query, then each facet query (as a Datasette user would issue them)."""
    def call(statements: list[str]) -> Callable:
        async def run() -> bool:
            ok = True
            for sql in statements:
                async with client.get(f"/{db_name}.json", params={"sql": sql, "_shape": "array"}) as response:
                    orjson.loads(await response.read())
                    ok &= response.status == 200
            return ok
        return run
    return [call(s) for s in case.datasette_sql]


def raw_sql(db_path: Path, case: Case) -> Timing:
    """Each request's captured statements run back to back on one sqlite3 connection."""
    db = sqlite3.connect(db_path)
    latencies = []
    started = time.perf_counter()
    for statements in case.sql:
        t0 = time.perf_counter()
        for sql, params in statements:
            db.execute(sql, params).fetchall()
        latencies.append((time.perf_counter() - t0) * 1000)
    db.close()
    return Timing(latencies, time.perf_counter() - started)


def merged(parts: list[Timing]) -> Timing:
    latencies = [ms for t in parts for ms in t.latencies_ms]
    return Timing(latencies, sum(t.wall_s for t in parts), sum(t.errors for t in parts), sum(t.cpu_s for t in parts))


async def measured(server: Server, calls: list[Callable], concurrency: int, max_seconds: float) -> Timing:
    """`hammer`, with the server's CPU time over the run."""
    cpu = server.cpu_seconds()
    timing = await hammer(calls, concurrency, max_seconds)
    timing.cpu_s = server.cpu_seconds() - cpu
    return timing


async def run_http(servers: list[tuple[Server, Callable]], cases: list[Case], args,
                   concurrency: int | None = None) -> list[list[Timing]]:
    """Per server (and its calls maker), one Timing per case; the servers alternate in rounds."""
    concurrency = concurrency or args.concurrency
    timeout = aiohttp.ClientTimeout(total=60)
    clients = [aiohttp.ClientSession(server.base, connector=aiohttp.TCPConnector(limit=concurrency), timeout=timeout)
               for server, _ in servers]
    timings: list[list[Timing]] = [[] for _ in servers]
    try:
        for case in cases:
            calls = [make(client, case) for client, (_, make) in zip(clients, servers, strict=True)]
            for each in calls:  # warm-up, not measured: the caches of each query shape
                await hammer(each[-2 * concurrency:], concurrency, 30)
            parts: list[list[Timing]] = [[] for _ in servers]
            for r in range(args.rounds):
                for i, each in enumerate(calls):
                    parts[i].append(await measured(servers[i][0], each[r::args.rounds], concurrency,
                                                   args.max_seconds / args.rounds))
            for i, server_parts in enumerate(parts):
                timings[i].append(merged(server_parts))
    finally:
        for client in clients:
            await client.close()
    return timings


def report(cases: list[Case], api: list[Timing], alone: list[Timing], sql: list[Timing], ds: list[Timing]) -> None:
    """`api/sql` compares one client's API latency (no queueing behind other clients) with the SQL's."""
    print(f"{'query':46} {'p50':>7} {'p99':>7} {'target':>7} {'req/s':>7} {'1-client p50':>12} {'sql p50':>8} "
          f"{'api/sql':>7} {'ds p50':>7} {'ds req/s':>8} {'ours/ds':>7} {'n':>4} {'err':>3}")
    for case, a, one, s, d in zip(cases, api, alone, sql, ds, strict=True):
        target = f"{case.target_ms:.0f}" if case.target_ms else "-"
        verdict = "" if not case.target_ms else (" ok" if a.p(0.99) <= case.target_ms else " MISS")
        print(f"{case.name:46} {a.p(0.5):7.1f} {a.p(0.99):7.1f} {target:>7} {a.rate:7.1f} {one.p(0.5):12.2f} "
              f"{s.p(0.5):8.2f} {one.p(0.5) / s.p(0.5):7.1f} {d.p(0.5):7.1f} {d.rate:8.1f} {a.rate / d.rate:7.2f} "
              f"{len(a.latencies_ms):4} {a.errors + d.errors:3}{verdict}")


def report_cost(cases: list[Case], api: list[Timing], alone: list[Timing], ds: list[Timing],
                floor: list[Timing] | None = None, floor_alone: list[Timing] | None = None) -> None:
    """Server CPU per request (ours under load and from one client, Datasette's) and, with --floor, the
    stack's own CPU, rate and latency."""
    print(f"\n{'query':46} {'cpu ms/req':>10} {'1-client':>8} {'ds cpu ms/req':>13} {'ds/ours':>7}"
          + (f" {'floor cpu ms/req':>16} {'floor req/s':>11} {'floor 1-client p50':>18}" if floor else ""))
    for i, (case, a, one, d) in enumerate(zip(cases, api, alone, ds, strict=True)):
        line = f"{case.name:46} {a.cpu_ms:10.2f} {one.cpu_ms:8.2f} {d.cpu_ms:13.2f} {d.cpu_ms / a.cpu_ms:7.2f}"
        if floor and floor_alone:
            line += f" {floor[i].cpu_ms:16.2f} {floor[i].rate:11.1f} {floor_alone[i].p(0.5):18.2f}"
        print(line)


def explain(db_path: Path, cases: list[Case]) -> None:
    """EXPLAIN QUERY PLAN of each statement of each query's first request."""
    db = sqlite3.connect(db_path)
    for case in cases:
        print(f"\n== {case.name}")
        for number, (sql, params) in enumerate(case.sql[0]):
            print(f"-- statement {number + 1}: {' '.join(sql.split())[:160]}")
            for row in db.execute("EXPLAIN QUERY PLAN " + sql, params):
                print("   ", row[-1])
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="SQLite file made by ingest_rate.py")
    parser.add_argument("--requests", type=int, default=200, help="requests per query")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent clients")
    parser.add_argument("--max-seconds", type=float, default=60, help="time bound per query and server")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes for our API")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--explain", action="store_true", help="print the query plans, run no load")
    parser.add_argument("--only", default="", help="run only these queries, by letter: --only a,b,e")
    parser.add_argument("--rounds", type=int, default=5, help="turns each server takes per query")
    parser.add_argument("--floor", action="store_true", help="also time the stack answering a fixed page")
    args = parser.parse_args()
    db = args.db.resolve()
    started = time.perf_counter()
    cases = build_cases(db, args.requests, args.seed)
    if args.only:
        cases = [case for case in cases if case.name[0] in args.only.split(",")]
    capture_sql(db, cases)
    print(f"query set built and SQL captured in {time.perf_counter() - started:.1f} s", flush=True)
    if args.explain:
        return explain(db, cases)
    sql = [raw_sql(db, case) for case in cases]
    port, ds_port, floor_port = free_port(), free_port(), free_port()
    env = {"OPINIONS_DATABASE_URL": f"sqlite:///{db}"}
    with ExitStack() as stack:
        ours = stack.enter_context(serving(api_command(port, args.workers), "/healthz", port, env=env))
        theirs = stack.enter_context(serving(datasette_command(db, ds_port), "/-/versions.json", ds_port))
        servers = [(ours, api_calls), (theirs, lambda client, case: datasette_calls(client, db.stem, case))]
        if args.floor:
            floor = stack.enter_context(serving(floor_command(floor_port), "/healthz", floor_port, env=env))
            servers.append((floor, api_calls))
        timings = asyncio.run(run_http(servers, cases, args))
        alone = asyncio.run(run_http([servers[0], *servers[2:]], cases, args, concurrency=1))
    print(f"{args.requests} requests per query, {args.concurrency} clients, {args.workers} API worker(s), "
          f"database {db}")
    report(cases, timings[0], alone[0], sql, timings[1])
    report_cost(cases, timings[0], alone[0], timings[1], *((timings[2], alone[1]) if args.floor else ()))


if __name__ == "__main__":
    main()
