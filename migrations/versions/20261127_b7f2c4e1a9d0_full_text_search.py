"""full-text search over statements: FTS5 on SQLite, a tsvector column with GIN on PostgreSQL

Revision ID: b7f2c4e1a9d0
Revises: 5e96821b1c87
Create Date: 2026-11-27 19:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "b7f2c4e1a9d0"
down_revision: str | None = "5e96821b1c87"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE statement_fts USING fts5(
           text, content='statement', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER statement_fts_insert AFTER INSERT ON statement BEGIN
           INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement BEGIN
           INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER statement_fts_update AFTER UPDATE OF text ON statement BEGIN
           INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
           INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END""",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER statement_fts_update",
    "DROP TRIGGER statement_fts_delete",
    "DROP TRIGGER statement_fts_insert",
    "DROP TABLE statement_fts",
]
POSTGRES_UP = [
    "ALTER TABLE statement ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_statement_search ON statement USING gin (search)",
]
POSTGRES_DOWN = ["DROP INDEX ix_statement_search", "ALTER TABLE statement DROP COLUMN search"]


def upgrade() -> None:
    for sql in SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP:
        op.execute(sql)


def downgrade() -> None:
    for sql in SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN:
        op.execute(sql)
