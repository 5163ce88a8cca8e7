"""The engine and sessions. SQLite gets WAL and foreign keys; PostgreSQL is used as it comes."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine, event
from sqlmodel import create_engine

from app.config import get_settings


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


@lru_cache
def get_engine(url: str | None = None) -> Engine:
    """Get the engine for a database URL (the configured one by default)."""
    return make_engine(url or get_settings().database_url)


def make_engine(url: str, **options) -> Engine:
    """A new engine for a database URL; `options` go to create_engine (a pool class, say)."""
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, **options)
    engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages per connection
    cursor.execute("PRAGMA mmap_size = 1073741824")  # read the file through memory maps (up to 1 GiB)
    cursor.execute("PRAGMA temp_store = MEMORY")  # sorts and GROUP BYs in memory
    cursor.close()
