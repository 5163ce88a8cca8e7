"""topic_author_count: a covering index, so a topic's facets are summed from the index alone

Revision ID: f6a2b8c0d4e5
Revises: e5f1a7b9c3d4
Create Date: 2026-11-28 00:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "f6a2b8c0d4e5"
down_revision: str | None = "e5f1a7b9c3d4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["topic_id", "expert_id", "kind", "statements"]


def upgrade() -> None:
    op.create_index("ix_topic_author_count_covering", "topic_author_count", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_topic_author_count_covering", table_name="topic_author_count")
