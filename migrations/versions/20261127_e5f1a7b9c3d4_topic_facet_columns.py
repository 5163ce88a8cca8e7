"""statement_topic.expert_id and .kind with a covering index: a topic's facets read one index

Revision ID: e5f1a7b9c3d4
Revises: d4e0f6a8b2c3
Create Date: 2026-11-27 20:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e5f1a7b9c3d4"
down_revision: str | None = "d4e0f6a8b2c3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("statement_topic", sa.Column("expert_id", sa.Integer(), nullable=True))
    op.add_column("statement_topic", sa.Column("kind", sa.String(length=8), nullable=True))
    op.execute(
        "UPDATE statement_topic SET "
        "expert_id = (SELECT expert_id FROM statement WHERE statement.id = statement_topic.statement_id), "
        "kind = (SELECT kind FROM statement WHERE statement.id = statement_topic.statement_id)"
    )
    op.create_index("ix_statement_topic_topic_id_expert_id_kind", "statement_topic", ["topic_id", "expert_id", "kind"])


def downgrade() -> None:
    op.drop_index("ix_statement_topic_topic_id_expert_id_kind", table_name="statement_topic")
    with op.batch_alter_table("statement_topic") as batch_op:
        batch_op.drop_column("kind")
        batch_op.drop_column("expert_id")
