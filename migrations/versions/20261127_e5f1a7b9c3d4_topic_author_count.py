"""topic_author_count: statements per (topic, expert, kind), kept by triggers on statement_topic

Revision ID: e5f1a7b9c3d4
Revises: d4e0f6a8b2c3
Create Date: 2026-11-27 21:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e5f1a7b9c3d4"
down_revision: str | None = "d4e0f6a8b2c3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A link row counts for its statement's expert and kind; statements never change expert or kind.
ADD = """INSERT INTO topic_author_count (topic_id, expert_id, kind, statements)
         SELECT {row}.topic_id, statement.expert_id, statement.kind, 1
         FROM statement WHERE statement.id = {row}.statement_id
         ON CONFLICT (topic_id, expert_id, kind) DO UPDATE SET statements = topic_author_count.statements + 1"""
REMOVE = """UPDATE topic_author_count SET statements = statements - 1
            WHERE topic_id = {row}.topic_id AND (expert_id, kind) =
                  (SELECT expert_id, kind FROM statement WHERE statement.id = {row}.statement_id)"""
SQLITE_UP = [
    f"CREATE TRIGGER topic_author_count_add AFTER INSERT ON statement_topic BEGIN {ADD.format(row='new')}; END",
    f"CREATE TRIGGER topic_author_count_remove AFTER DELETE ON statement_topic BEGIN {REMOVE.format(row='old')}; END",
]
SQLITE_DOWN = ["DROP TRIGGER topic_author_count_remove", "DROP TRIGGER topic_author_count_add"]
POSTGRES_UP = [
    f"""CREATE FUNCTION topic_author_count_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN {ADD.format(row='NEW')};
            ELSE {REMOVE.format(row='OLD')};
            END IF;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER topic_author_count_keep AFTER INSERT OR DELETE ON statement_topic
       FOR EACH ROW EXECUTE FUNCTION topic_author_count_keep()""",
]
POSTGRES_DOWN = ["DROP TRIGGER topic_author_count_keep ON statement_topic", "DROP FUNCTION topic_author_count_keep()"]
BACKFILL = """INSERT INTO topic_author_count (topic_id, expert_id, kind, statements)
              SELECT statement_topic.topic_id, statement.expert_id, statement.kind, count(*)
              FROM statement_topic JOIN statement ON statement.id = statement_topic.statement_id
              GROUP BY statement_topic.topic_id, statement.expert_id, statement.kind"""


def upgrade() -> None:
    op.create_table(
        "topic_author_count",
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("statements", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["expert_id"], ["expert.id"], name=op.f("fk_topic_author_count_expert_id_expert"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["topic_id"], ["topic.id"], name=op.f("fk_topic_author_count_topic_id_topic"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("topic_id", "expert_id", "kind", name=op.f("pk_topic_author_count")),
    )
    op.execute(BACKFILL)
    for sql in SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP:
        op.execute(sql)


def downgrade() -> None:
    for sql in SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN:
        op.execute(sql)
    op.drop_table("topic_author_count")
