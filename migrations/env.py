"""Alembic environment: metadata from app.models, URL from the settings (or the caller)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from app.config import get_settings
from app.db import get_engine, is_sqlite
from app.models import include_object

config = context.config
target_metadata = SQLModel.metadata


def database_url() -> str:
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    url = database_url()
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        include_object=include_object,
        render_as_batch=is_sqlite(url),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = database_url()
    connection = config.attributes.get("connection")
    if connection is None:
        with get_engine(url).connect() as connection:
            _run(connection, url)
    else:
        _run(connection, url)


def _run(connection, url: str) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=is_sqlite(url),
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
