"""Test databases: SQLite files by default, fresh PostgreSQL databases when OPINIONS_DATABASE_URL names one.

Against PostgreSQL each test database is created next to the configured one (the role needs
CREATEDB) and dropped at the end; the configured database itself is never touched.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import NullPool, create_engine, make_url, text

from app.annotate.taxonomy import load_taxonomy
from app.db import get_engine
from app.ingest import pipeline
from app.main import create_app
from app.migrate import upgrade_database
from tests.corpus import ARTICLES, Stored, read_stored, review

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TAXONOMY = SEEDS / "topics.toml"
CONFIGURED_URL = os.environ.get("OPINIONS_DATABASE_URL", "")


class Databases:
    """Creates migrated, empty databases and removes them afterwards."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.created = tmp, []

    def new(self) -> str:
        name = f"opinions_test_{uuid.uuid4().hex[:10]}"
        if not CONFIGURED_URL.startswith("postgresql"):
            url = f"sqlite:///{self.tmp / name}.db"
        else:
            with admin_engine().connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = make_url(CONFIGURED_URL).set(database=name).render_as_string(hide_password=False)
            self.created.append(name)
        upgrade_database(url)
        return url

    def drop(self, url: str) -> None:
        """Drop one test database now (PostgreSQL: the connections our role holds to it ended first)."""
        name = make_url(url).database
        get_engine(url).dispose()
        if name in self.created:
            self.created.remove(name)
            drop_database(name)

    def drop_all(self) -> None:
        get_engine.cache_clear()
        for name in self.created:
            drop_database(name)


def drop_database(name: str) -> None:
    """Drop a test database, first ending the connections our role holds to it.

    Not `WITH (FORCE)`: that refuses, for a role that is not superuser, to end an autovacuum worker
    (it belongs to no role), and autovacuum often visits a database a test has just written. A plain
    DROP stops autovacuum itself and waits a few seconds for the connections we ended to go.
    """
    with admin_engine().connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = :name AND usename = current_user AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))


@functools.cache
def admin_engine():
    """The engine that creates and drops test databases: one, holding no connection between uses."""
    url = make_url(CONFIGURED_URL).set(database="postgres")
    return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


@pytest.fixture(scope="session")
def databases(tmp_path_factory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("db"))
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(TAXONOMY)


@pytest.fixture(scope="session")
def seeded_url(databases, taxonomy) -> str:
    """A database holding the seed documents, shared by read-only tests."""
    url = databases.new()
    report = pipeline.ingest([SEEDS], engine=get_engine(url), taxonomy=taxonomy)
    assert not report.failures, report.failures
    return url


@pytest.fixture(scope="session")
def client(seeded_url) -> TestClient:
    return TestClient(create_app(seeded_url))


@pytest.fixture(scope="session")
def corpus_url(databases, taxonomy) -> str:
    """A database holding the test corpus (tests/fixtures/corpus: 38 articles), shared by read-only tests."""
    url = databases.new()
    report = pipeline.ingest([ARTICLES], engine=get_engine(url), taxonomy=taxonomy, workers=1)
    assert not report.failures and report.count("loaded") == 38, report.failures
    review(get_engine(url))
    return url


@pytest.fixture(scope="session")
def corpus_client(corpus_url) -> TestClient:
    return TestClient(create_app(corpus_url))


@pytest.fixture(scope="session")
def stored(corpus_url) -> Stored:
    """The corpus's rows as stored, read with plain SQL (the expected side of the query tests)."""
    return read_stored(get_engine(corpus_url))


@pytest.fixture
def empty_url(databases) -> Iterator[str]:
    """A fresh, migrated, empty database for a test that writes (dropped after it: server slots are few)."""
    url = databases.new()
    yield url
    databases.drop(url)
