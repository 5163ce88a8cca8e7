"""statement: index (expert_name, published IS NULL, published DESC, id), the order of sort=expert,-published

A deep page of `sort=expert,-published` read and sorted every statement of its expert up to the cursor
(22,607 for the busiest, from the table on PostgreSQL: 60-90 ms); the null test first, as the order puts
nulls last, lets one index give the whole order on both databases (bench/deep_sort.py).

Revision ID: c1e3a5b7d9f2
Revises: b9d2f4a6c8e1
Create Date: 2026-12-02 16:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c1e3a5b7d9f2"
down_revision: str | None = "b9d2f4a6c8e1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_statement_expert_name_published_id", "statement",
                    ["expert_name", sa.text("(published IS NULL)"), sa.text("published DESC"), "id"])


def downgrade() -> None:
    op.drop_index("ix_statement_expert_name_published_id", table_name="statement")
