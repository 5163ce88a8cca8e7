"""Copy a migrated SQLite database into a new PostgreSQL database, for benchmarks at the same data.

    .venv/bin/python bench/pg_from_sqlite.py /work/benchdata/deepsort/m2-after.db \
        postgresql+psycopg://opinions:opinions@127.0.0.1:5432/opinions_deepsort --create

The schema is the real one: the Alembic migrations up to the SQLite file's revision on the empty database,
then every table is copied with COPY in foreign-key order. For speed, the secondary indexes are dropped
during the copy and rebuilt from their own definitions after, and the user triggers of the tables
copied (the statement sort-key copies, topic_author_count) are disabled, since the SQLite file
already holds the derived columns and counts; the script then checks that they agree with what the
triggers would have written, and fails if not. `statement.search` is PostgreSQL's generated column
(to_tsvector of the text), computed by the database as the rows arrive. Sequences are set past the
copied ids; the migrations after the file's revision run on the copied rows (as `opinions db upgrade`
would), and the tables are ANALYZEd. The SQLite file is opened read-only.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alembic import command  # noqa: E402

from app.migrate import alembic_config, upgrade_database  # noqa: E402

# Parents before children (foreign keys); alembic_version is written by the migrations.
TABLES = ["document", "expert", "topic", "expert_country", "appearance", "statement", "statement_country",
          "statement_topic", "topic_author_count", "dataset_state"]
# Derived data the disabled triggers would have kept: each query counts the rows that disagree.
CHECKS = {
    "statement.published / expert_name copies": """
        SELECT count(*) FROM statement JOIN document ON document.id = statement.document_id
        JOIN expert ON expert.id = statement.expert_id
        WHERE statement.published IS DISTINCT FROM document.published OR statement.expert_name <> expert.name""",
    "topic_author_count": """
        SELECT count(*) FROM (SELECT statement_topic.topic_id, statement.expert_id, statement.kind, count(*) AS n
                              FROM statement_topic JOIN statement ON statement.id = statement_topic.statement_id
                              GROUP BY 1, 2, 3) AS counted
        FULL JOIN topic_author_count AS kept USING (topic_id, expert_id, kind)
        WHERE counted.n IS DISTINCT FROM kept.statements""",
    "topic.statement_count": """
        SELECT count(*) FROM topic LEFT JOIN (SELECT topic_id, count(*) AS n FROM statement_topic GROUP BY 1) AS c
        ON c.topic_id = topic.id WHERE topic.statement_count <> coalesce(c.n, 0)""",
}


def libpq(url: str, **parts: str) -> str:
    """A SQLAlchemy URL (postgresql+psycopg://...) as a libpq connection string, with `parts` replaced."""
    return make_url(url).set(drivername="postgresql", **parts).render_as_string(hide_password=False)


def create_database(url: str) -> None:
    name = make_url(url).database
    with psycopg.connect(libpq(url, database="postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def copied_columns(pg: psycopg.Connection, lite: sqlite3.Connection, table: str) -> list[str]:
    """The table's stored columns (not generated ones), which the SQLite table must have too."""
    columns = [r[0] for r in pg.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped "
        "AND attgenerated = '' ORDER BY attnum", (table,))]
    present = {r[1] for r in lite.execute(f'PRAGMA table_info("{table}")')}
    if set(columns) != present:
        raise SystemExit(f"{table}: columns differ: PostgreSQL {sorted(columns)}, SQLite {sorted(present)}")
    return columns


def secondary_indexes(pg: psycopg.Connection, table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX ...) of the indexes that back no constraint."""
    return pg.execute(
        "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indrelid = %s::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = i.indexrelid)",
        (table,)).fetchall()


def copy_table(pg: psycopg.Connection, lite: sqlite3.Connection, table: str) -> int:
    columns = copied_columns(pg, lite, table)
    names = ", ".join(f'"{c}"' for c in columns)
    rows = 0
    with pg.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in lite.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid'):
            copy.write_row(row)
            rows += 1
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sqlite", type=Path, help="a SQLite database made by this code (at any migration)")
    parser.add_argument("url", help="postgresql+psycopg://... of an empty database (or a new one with --create)")
    parser.add_argument("--create", action="store_true", help="CREATE DATABASE first")
    args = parser.parse_args()
    started = time.perf_counter()
    lite = sqlite3.connect(f"file:{args.sqlite}?immutable=1", uri=True)  # read-only; no -wal/-shm beside it
    if args.create:
        create_database(args.url)
    revision = lite.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    command.upgrade(alembic_config(args.url), revision)
    with psycopg.connect(libpq(args.url)) as pg:
        pg.execute("SET maintenance_work_mem = '1GB'")
        pg.execute(f"TRUNCATE {', '.join(TABLES)}")  # the migrations seed dataset_state
        for table in TABLES:
            indexes = secondary_indexes(pg, table)
            for name, _ in indexes:
                pg.execute(f'DROP INDEX "{name}"')
            pg.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
            t0 = time.perf_counter()
            rows = copy_table(pg, lite, table)
            t1 = time.perf_counter()
            for _, definition in indexes:
                pg.execute(definition)
            pg.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
            if "id" in copied_columns(pg, lite, table) and table != "dataset_state":
                pg.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) "
                           f'FROM "{table}"')
            print(f"{table}: {rows:,} rows, copied in {t1 - t0:.1f} s, {len(indexes)} indexes rebuilt in "
                  f"{time.perf_counter() - t1:.1f} s", flush=True)
        for what, sql in CHECKS.items():
            wrong = pg.execute(sql).fetchone()[0]
            print(f"check {what}: {wrong} rows disagree")
            if wrong:
                raise SystemExit(f"{what}: {wrong} rows disagree with the source of the copy")
        pg.commit()
        t0 = time.perf_counter()
        upgrade_database(args.url)
        print(f"migrations after {revision}: {time.perf_counter() - t0:.1f} s")
        pg.autocommit = True
        pg.execute("VACUUM ANALYZE")
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
