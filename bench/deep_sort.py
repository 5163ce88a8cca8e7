"""Deep keyset pages in every documented sort order, timed through the query layer, in-process.

    .venv/bin/python bench/deep_sort.py sqlite:////work/benchdata/deepsort/m2.db --requests 100
    .venv/bin/python bench/deep_sort.py postgresql+psycopg://... --sort=-published,expert --explain
    .venv/bin/python bench/deep_sort.py sqlite:///... --filter topic=energy --sort=sentiment

For each sort, `--requests` cursors are placed on random statements (so each page starts at a uniformly
random depth of the order, half the table deep on average) and `list_statements` is timed for one page
of 50 from each: the page's ids in the sort's order, then its rows. Prints p50 / p99 / max ms per sort, the
data size and the machine. `--explain` prints the plan of each sort's page query(ies) for one cursor.
`--filter topic=energy` times the pages of a filtered list instead; `--repeat 3` times each page three
times and keeps the fastest (the page's own cost, without the stalls of a loaded shared machine).
No HTTP: what it measures is the SQL and the query layer's Python around it (bench/load.py adds HTTP).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import typing
from pathlib import Path

from sqlalchemy import event, text
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest_rate import machine  # noqa: E402

from app.db import get_engine  # noqa: E402
from app.models import Statement  # noqa: E402
from app.queries import statements as queries  # noqa: E402
from app.queries.sorting import make_cursor, parse_sort  # noqa: E402
from app.schemas import StatementFilters  # noqa: E402

SORTS = ["-published,expert", "published,expert", "expert,-published", "-published", "published", "expert",
         "-expert", "sentiment", "-sentiment", "document", "-document", "-id"]
POSITION = text("""SELECT id, (SELECT published FROM document WHERE document.id = statement.document_id),
                   (SELECT name FROM expert WHERE expert.id = statement.expert_id), sentiment, document_id
                   FROM statement WHERE id >= :id ORDER BY id LIMIT 1""")


def cursors(session: Session, sort: str, count: int, rng: random.Random) -> list[str]:
    """Cursors on random statements: a page that starts right after each, in `sort`'s order."""
    top = session.execute(text("SELECT max(id) FROM statement")).scalar_one()
    keys = parse_sort(sort, queries.sort_fields(Statement.__table__.c.id, None))
    out = []
    for _ in range(count):
        sid, published, name, sentiment, document = session.execute(POSITION, {"id": rng.randrange(1, top)}).one()
        values = {"id": sid, "published": published, "expert": name, "sentiment": sentiment, "document": document}
        out.append(make_cursor(keys, [values[k.name] for k in keys]))
    return out


def timed(session: Session, filters: StatementFilters) -> float:
    """Milliseconds for one page."""
    started = time.perf_counter()
    queries.list_statements(session, filters=filters)
    elapsed = (time.perf_counter() - started) * 1000
    session.rollback()
    return elapsed


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def explain(engine, session: Session, filters: StatementFilters) -> None:
    """Print the plan of every page query (the statements that carry a LIMIT) one request runs."""
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if " LIMIT " in statement:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        queries.list_statements(session, filters=filters)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, COSTS OFF) "
    for statement, parameters in seen:
        for row in session.connection().exec_driver_sql(prefix + statement, parameters):
            print("     ", row[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="database URL (sqlite:///FILE or postgresql+psycopg://...)")
    parser.add_argument("--sort", action="append", help="a sort to time (repeatable; default: the documented ones)")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="time each page N times and keep the fastest: its own cost, without the stalls a "
                             "shared machine adds")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE",
                        help="a list filter of the API (repeatable): the pages are of the filtered list")
    args = parser.parse_args()
    sorts = args.sort or SORTS
    where: dict[str, object] = {}
    for name, _, value in (f.partition("=") for f in args.filter):
        many = typing.get_origin(StatementFilters.model_fields[name].annotation) is list
        where[name] = [*where.get(name, []), value] if many else value
    engine = get_engine(args.url)
    with Session(engine) as session:
        size = session.execute(text("SELECT count(*) FROM statement")).scalar_one()
        shown = f"; filters {' '.join(args.filter)}" if where else ""
        print(f"{size:,} statements, {engine.dialect.name}; {machine()}{shown}")
        print(f"{'sort':<20} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  ({args.requests} deep pages of {args.limit}"
              f"{f', fastest of {args.repeat}' if args.repeat > 1 else ''})")
        for sort in sorts:
            rng = random.Random(f"{args.seed}:{sort}")
            pages = [StatementFilters.model_validate({**where, "sort": sort, "limit": args.limit, "cursor": c})
                     for c in cursors(session, sort, args.requests, rng)]
            queries.list_statements(session, filters=pages[0])  # warm the statement cache
            times = [min(timed(session, filters) for _ in range(args.repeat)) for filters in pages]
            print(f"{sort:<20} {percentile(times, 0.5):>8.2f} {percentile(times, 0.99):>8.2f} {max(times):>8.2f}",
                  flush=True)
            if args.explain:
                explain(engine, session, pages[0])


if __name__ == "__main__":
    main()
