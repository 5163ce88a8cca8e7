"""topic.statement_count, kept by ingestion so that listing topics counts nothing

Revision ID: d4e0f6a8b2c3
Revises: c3d9e5f7a1b2
Create Date: 2026-11-27 19:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d4e0f6a8b2c3"
down_revision: str | None = "c3d9e5f7a1b2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("topic", sa.Column("statement_count", sa.Integer(), server_default="0", nullable=False))
    op.execute(
        "UPDATE topic SET statement_count = "
        "(SELECT count(*) FROM statement_topic WHERE statement_topic.topic_id = topic.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("topic") as batch_op:
        batch_op.drop_column("statement_count")
