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


def run_migrations(url: str, **options) -> None:
    context.configure(target_metadata=target_metadata, include_object=include_object,
                      render_as_batch=is_sqlite(url), **options)  # batch mode: SQLite cannot ALTER much
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    run_migrations(database_url(), url=database_url(), literal_binds=True)


def run_migrations_online() -> None:
    url = database_url()
    with get_engine(url).connect() as connection:
        run_migrations(url, connection=connection)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
