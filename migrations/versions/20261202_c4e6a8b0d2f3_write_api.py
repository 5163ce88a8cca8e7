"""The write API (issue 13): API keys, the change feed, curation marks, expert redirects, `updated_at`

Revision ID: c4e6a8b0d2f3
Revises: c1e3a5b7d9f2
Create Date: 2026-12-02 17:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4e6a8b0d2f3"
down_revision: str | None = "c1e3a5b7d9f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EPOCH = "1970-01-01 00:00:00"  # a constant default (SQLite adds no column with another), replaced below
CURATED_TABLES = ("expert", "statement")


def upgrade() -> None:
    op.create_table(
        "api_key",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("lookup", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_key"),
        sa.UniqueConstraint("name", name="uq_api_key_name"),
        sa.UniqueConstraint("lookup", name="uq_api_key_lookup"),
    )
    op.create_table(
        "change",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=10), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_change"),
    )
    op.create_table(
        "expert_redirect",
        sa.Column("old_id", sa.Integer(), primary_key=True),
        sa.Column("new_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["new_id"], ["expert.id"], name="fk_expert_redirect_new_id_expert", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("old_id", name="pk_expert_redirect"),
    )
    op.create_index("ix_expert_redirect_new_id", "expert_redirect", ["new_id"])
    for table in ("document", "expert", "statement"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=EPOCH))
        op.create_index(f"ix_{table}_updated_at", table, ["updated_at"])
    for table in CURATED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("curated", sa.JSON(), nullable=False, server_default="[]"))
            batch.add_column(sa.Column("curated_by", sa.String(), nullable=True))
            batch.add_column(sa.Column("curated_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("statement") as batch:
        batch.add_column(sa.Column("status", sa.String(length=10), nullable=False, server_default="unreviewed"))
        batch.add_column(sa.Column("origin", sa.String(length=9), nullable=False, server_default="extracted"))
    op.create_index("ix_statement_status", "statement", ["status"])
    # What exists was last written when its document was ingested.
    op.execute("UPDATE document SET updated_at = ingested_at")
    op.execute("UPDATE statement SET updated_at = (SELECT ingested_at FROM document WHERE document.id = document_id)")
    op.execute(f"UPDATE expert SET updated_at = COALESCE((SELECT max(d.ingested_at) FROM document d JOIN appearance a "
               f"ON a.document_id = d.id WHERE a.expert_id = expert.id), '{EPOCH}')")


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite >= 3.35): batch mode would rebuild the tables and lose their triggers.
    op.drop_index("ix_statement_status", table_name="statement")
    for table in ("document", "expert", "statement"):
        op.drop_index(f"ix_{table}_updated_at", table_name=table)
    dropped = {"document": ["updated_at"], "expert": ["updated_at", "curated", "curated_by", "curated_at"],
               "statement": ["updated_at", "curated", "curated_by", "curated_at", "status", "origin"]}
    for table, columns in dropped.items():
        for column in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_index("ix_expert_redirect_new_id", table_name="expert_redirect")
    op.drop_table("expert_redirect")
    op.drop_table("change")
    op.drop_table("api_key")
