"""statement: the speaker sieve that decided each statement and its confidence (extraction v2)

Revision ID: a8c1e3f5b7d9
Revises: f6a2b8c0d4e5
Create Date: 2026-12-02 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a8c1e3f5b7d9"
down_revision: str | None = "f6a2b8c0d4e5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("statement") as batch:
        batch.add_column(sa.Column("sieve", sa.String(length=40), nullable=False, server_default=""))
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=False, server_default="1.0"))
    op.create_index("ix_statement_confidence", "statement", ["confidence"])


def downgrade() -> None:
    op.drop_index("ix_statement_confidence", table_name="statement")
    with op.batch_alter_table("statement") as batch:
        batch.drop_column("confidence")
        batch.drop_column("sieve")
