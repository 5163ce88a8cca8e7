"""The fixed query set of the load test, with parameters varied per request, and the SQL each one runs.

Parameters are drawn (seeded) from the database itself: topics, the commonest expert countries,
experts with many statements, and keyset positions deep in the table. The SQL of a request is
captured by running our query layer once in-process and recording every statement it executes.
"""
from __future__ import annotations

import random
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from app.db import get_engine
from app.models import Statement
from app.queries import statements as queries
from app.queries.sorting import make_cursor, parse_sort
from app.schemas import StatementFilters

# words and phrases of news commentary; several forms so the FTS index is hit in different places
SEARCH_TERMS = ["pipeline", "inflation", "ceasefire", "tariff", "railway", "drought", "semiconductor",
                "asylum", "currency", "sanctions", '"energy transition"', "investment", "border security",
                "peace talks", "budget deficit", "grid", "export*", "summit", "cooperation", "election"]


@dataclass(slots=True)
class Case:
    """One query of the set: its name, its p99 target, and one parameter set per request."""

    name: str
    target_ms: float | None
    params: list[dict[str, Any]]
    sql: list[list[tuple[str, tuple]]] = field(default_factory=list)  # per params: statements run
    datasette_sql: list[list[str]] = field(default_factory=list)  # per params: the same, literals inlined


def column(db: sqlite3.Connection, sql: str, *args: Any) -> list[Any]:
    return [row[0] for row in db.execute(sql, args)]


def deep_cursor(db: sqlite3.Connection, rng: random.Random, sort: str) -> str:
    """A keyset cursor positioned on a random statement in the back half of the table."""
    (top,) = db.execute("SELECT max(id) FROM statement").fetchone()
    sid = rng.randrange(top // 2, top)
    sid, document_id, expert_id = db.execute(
        "SELECT id, document_id, expert_id FROM statement WHERE id >= ? ORDER BY id LIMIT 1", (sid,)).fetchone()
    (published,) = db.execute("SELECT published FROM document WHERE id = ?", (document_id,)).fetchone()
    (name,) = db.execute("SELECT name FROM expert WHERE id = ?", (expert_id,)).fetchone()
    keys = parse_sort(sort, queries.sort_fields(Statement.__table__.c.id, None))
    values = {"published": published, "expert": name, "id": sid}
    return make_cursor(keys, [values[k.name] for k in keys])


def build_cases(db_path: Path, requests: int, seed: int) -> list[Case]:
    """The query set: (a)-(d) of the issue, plus deep keyset pages in id order and in a sorted order."""
    rng = random.Random(seed)
    db = sqlite3.connect(db_path)
    topics = column(db, "SELECT slug FROM topic")
    countries = column(db, "SELECT code FROM expert_country GROUP BY code ORDER BY count(*) DESC LIMIT 12")
    experts = column(db, "SELECT expert_id FROM statement GROUP BY expert_id HAVING count(*) >= 50")
    pick = rng.choice

    def many(make) -> list[dict[str, Any]]:
        return [make() for _ in range(requests)]

    cases = [
        Case("a. topic+country, limit 50", 50, many(lambda: {"topic": [pick(topics)], "country": pick(countries),
                                                              "limit": 50})),
        Case("b. one expert, limit 50", 50, many(lambda: {"expert": pick(experts), "limit": 50})),
        Case("c. search+snippet, relevance, limit 20", 100,
             many(lambda: {"q": pick(SEARCH_TERMS), "sort": "relevance", "limit": 20})),
        Case("d. facets country/expert/kind over a topic", 200,
             many(lambda: {"topic": [pick(topics)], "facet": ["country", "expert", "kind"], "limit": 1})),
        Case("e. deep keyset page, topic, by id", 50,
             many(lambda: {"topic": [pick(topics)], "limit": 50, "cursor": deep_cursor(db, rng, "id")})),
        Case("f. deep keyset page, sort=-published,expert", 50,
             many(lambda: {"limit": 50, "sort": "-published,expert",
                           "cursor": deep_cursor(db, rng, "-published,expert")})),
    ]
    db.close()
    return cases


def capture_sql(db_path: Path, cases: list[Case]) -> None:
    """Run each request's query in-process once, recording the SQL and parameters it executes."""
    engine = get_engine(f"sqlite:///{db_path}")
    recorded: list[tuple[str, tuple]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        recorded.append((statement, tuple(parameters)))

    event.listen(engine, "before_cursor_execute", record)
    try:
        for case in cases:
            for params in case.params:
                recorded.clear()
                with Session(engine) as session:
                    queries.list_statements(session, filters=StatementFilters.model_validate(params))
                case.sql.append(list(recorded))
                case.datasette_sql.append(datasette_statements(recorded, len(params.get("facet", []))))
    finally:
        event.remove(engine, "before_cursor_execute", record)


SNIPPET_COLUMN = re.compile(r",\s*snippet\(statement_fts,[^)]*\)\s+AS\s+\w+")


def datasette_statements(recorded: list[tuple[str, tuple]], facets: int) -> list[str]:
    """What a Datasette user would run: one query for the page's rows (our page query, joined to the
    rows it selects), and the GROUP BY queries of the facets (not our annotation or label reads)."""
    page_sql, page_params = next((sql, p) for sql, p in recorded if " LIMIT " in sql)
    id_column = re.match(r"SELECT\s+([\w.]+)", page_sql).group(1).split(".")[-1]
    page = SNIPPET_COLUMN.sub("", inline(page_sql, page_params))  # snippets are ours only, as before
    rows = (f"WITH page AS ({page}) SELECT statement.*, expert.name AS expert_name "
            f"FROM page JOIN statement ON statement.id = page.{id_column} "
            "JOIN expert ON expert.id = statement.expert_id")
    grouped = [inline(sql, p) for sql, p in recorded if "GROUP BY" in sql] if facets else []
    return [rows, *grouped]


def literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def inline(sql: str, params: tuple) -> str:
    """Put the parameters into the SQL as literals (Datasette's ?sql= binds only text values)."""
    parts = sql.split("?")
    if len(parts) != len(params) + 1:
        raise ValueError(f"cannot inline {len(params)} parameters into: {sql[:120]}")
    return parts[0] + "".join(literal(p) + rest for p, rest in zip(params, parts[1:], strict=True))
