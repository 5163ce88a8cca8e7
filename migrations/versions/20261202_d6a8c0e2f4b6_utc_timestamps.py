"""The write API's moments as `timestamp with time zone` on PostgreSQL, as the models declare them

c4e6a8b0d2f3 made them `timestamp` (without a zone), so a comparison with `updated_since` depended on the
server's TimeZone setting. The stored values are UTC: they are read as such. SQLite stores both alike.

Revision ID: d6a8c0e2f4b6
Revises: c4e6a8b0d2f3
Create Date: 2026-12-02 16:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d6a8c0e2f4b6"
down_revision: str | None = "c4e6a8b0d2f3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MOMENTS = {"api_key": ("created_at", "revoked_at"), "change": ("at",), "document": ("updated_at",),
           "expert": ("updated_at", "curated_at"), "statement": ("updated_at", "curated_at")}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, columns in MOMENTS.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.DateTime(timezone=True),
                                postgresql_using=f"{column} AT TIME ZONE 'UTC'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, columns in MOMENTS.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.DateTime(), postgresql_using=f"{column} AT TIME ZONE 'UTC'")
