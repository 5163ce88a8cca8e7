"""Write tests: a fresh database per test, seeded, with a key of each scope.

Each test's connections are closed when it ends (the engine's pool, and an app's own connection when its
client is used as a context manager): a PostgreSQL server's connection slots are few and shared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from app.db import get_engine
from app.ingest import pipeline
from app.keys import create_key
from app.main import create_app
from tests.conftest import SEEDS


@dataclass(frozen=True)
class Keys:
    read: dict[str, str]
    write: dict[str, str]
    admin: dict[str, str]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def make_key(url: str, name: str, scope: str) -> str:
    with get_engine(url).begin() as conn:
        key, _ = create_key(conn, name=name, scope=scope)
    return key


@pytest.fixture
def writable_url(databases, taxonomy) -> Iterator[str]:
    """A fresh database holding the seed documents, for a test that writes (its connections closed after)."""
    url = databases.new()
    report = pipeline.ingest([SEEDS], engine=get_engine(url), taxonomy=taxonomy, workers=1)
    assert not report.failures
    yield url
    databases.drop(url)  # a database per test: what it left open would take every PostgreSQL connection


@pytest.fixture
def keys(writable_url) -> Keys:
    return Keys(*(bearer(make_key(writable_url, f"{scope}-tester", scope)) for scope in ("read", "write", "admin")))


@pytest.fixture
def writer(writable_url) -> Iterator[TestClient]:
    with TestClient(create_app(writable_url)) as client:
        yield client
