"""The engine and sessions. SQLite gets WAL and foreign keys; PostgreSQL a connect timeout.

Also what the command line says of a database URL it cannot use."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import URL, Engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlmodel import create_engine

from app.config import get_settings

CONNECT_TIMEOUT = 10  # seconds to reach a database server (libpq waits forever by default)
URL_EXAMPLES = "sqlite:///opinions.db or postgresql+psycopg://user:password@host/db"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


@lru_cache
def get_engine(url: str | None = None) -> Engine:
    """Get the engine for a database URL (the configured one by default)."""
    return make_engine(url or get_settings().database_url)


def make_engine(url: str, **options) -> Engine:
    """A new engine for a database URL; `options` go to create_engine (a pool class, say)."""
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, connect_args=connect_timeout(url), **options)
    engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def connect_timeout(url: str) -> dict:
    """PostgreSQL gives up on an unreachable server after CONNECT_TIMEOUT, unless the URL says otherwise."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or "connect_timeout" in parsed.query:
        return {}
    return {"connect_timeout": CONNECT_TIMEOUT}


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


def database_url_problem(url: str) -> str | None:
    """Why a database URL cannot be used at all (unparseable, unknown or missing driver), or None."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return f"cannot parse the database URL {url!r} (expected e.g. {URL_EXAMPLES})"
    try:
        parsed.get_dialect().import_dbapi()
    except NoSuchModuleError:
        return f"unknown database driver {parsed.drivername!r} in {shown(parsed)} (use {URL_EXAMPLES})"
    except ImportError as error:
        return f"the database driver of {shown(parsed)} is not installed (no module {error.name!r}; use {URL_EXAMPLES})"
    return None


def database_error_reason(url: str, error: Exception) -> str:
    """The first line of what the database driver said, and for SQLite a missing folder."""
    said = str(error.orig if isinstance(error, DBAPIError) else error).strip().split("\n")[0]
    parsed = make_url(url)
    if is_sqlite(url) and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            return f"{said} ({folder} is not a folder)" if folder.exists() else f"{said} (no folder {folder})"
    return said


def shown(url: URL | str) -> str:
    """A database URL fit to print: as given, unless it holds a password (then hidden)."""
    parsed = make_url(url)
    return url if isinstance(url, str) and parsed.password is None else parsed.render_as_string(hide_password=True)
