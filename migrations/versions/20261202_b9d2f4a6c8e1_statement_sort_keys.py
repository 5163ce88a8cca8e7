"""statement: the document's date and the expert's name copied as sort keys, indexed, kept by triggers;
sentiment indexed with the id in both directions

Deep pages of `sort=-published,expert` sorted every statement (2.8 s at 1.3M statements): the keys
lived in three tables, so no index could give their order. Copied onto the statement, one index gives
it and a page seeks to its cursor (bench/deep_sort.py).

Revision ID: b9d2f4a6c8e1
Revises: a8c1e3f5b7d9
Create Date: 2026-12-02 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b9d2f4a6c8e1"
down_revision: str | None = "a8c1e3f5b7d9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PUBLISHED = "(SELECT published FROM document WHERE document.id = {row}.document_id)"
NAME = "(SELECT name FROM expert WHERE expert.id = {row}.expert_id)"
BACKFILL = f"UPDATE statement SET published = {PUBLISHED.format(row='statement')}, " \
           f"expert_name = {NAME.format(row='statement')}"
# Ingestion writes the copies itself; the triggers correct any writer that did not, and follow changes.
REFRESH = f"UPDATE statement SET published = {PUBLISHED.format(row='new')}, " \
          f"expert_name = {NAME.format(row='new')} WHERE id = new.id"
SQLITE_UP = [
    f"""CREATE TRIGGER statement_sort_keys_insert AFTER INSERT ON statement
        WHEN new.published IS NOT {PUBLISHED.format(row='new')} OR new.expert_name IS NOT {NAME.format(row='new')}
        BEGIN {REFRESH}; END""",
    f"CREATE TRIGGER statement_sort_keys_move AFTER UPDATE OF document_id, expert_id ON statement BEGIN {REFRESH}; END",
    """CREATE TRIGGER document_published_to_statements AFTER UPDATE OF published ON document
       WHEN new.published IS NOT old.published
       BEGIN UPDATE statement SET published = new.published WHERE document_id = new.id; END""",
    """CREATE TRIGGER expert_name_to_statements AFTER UPDATE OF name ON expert WHEN new.name IS NOT old.name
       BEGIN UPDATE statement SET expert_name = new.name WHERE expert_id = new.id; END""",
]
SQLITE_DOWN = [f"DROP TRIGGER {name}" for name in ("expert_name_to_statements", "document_published_to_statements",
                                                   "statement_sort_keys_move", "statement_sort_keys_insert")]
POSTGRES_UP = [
    f"""CREATE FUNCTION statement_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.published := {PUBLISHED.format(row='NEW')};
            NEW.expert_name := {NAME.format(row='NEW')};
            RETURN NEW;
        END $$""",
    """CREATE TRIGGER statement_sort_keys BEFORE INSERT OR UPDATE OF document_id, expert_id ON statement
       FOR EACH ROW EXECUTE FUNCTION statement_sort_keys()""",
    """CREATE FUNCTION document_published_to_statements() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE statement SET published = NEW.published WHERE document_id = NEW.id;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER document_published_to_statements AFTER UPDATE OF published ON document
       FOR EACH ROW WHEN (NEW.published IS DISTINCT FROM OLD.published)
       EXECUTE FUNCTION document_published_to_statements()""",
    """CREATE FUNCTION expert_name_to_statements() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE statement SET expert_name = NEW.name WHERE expert_id = NEW.id;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER expert_name_to_statements AFTER UPDATE OF name ON expert
       FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION expert_name_to_statements()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER expert_name_to_statements ON expert", "DROP FUNCTION expert_name_to_statements()",
    "DROP TRIGGER document_published_to_statements ON document", "DROP FUNCTION document_published_to_statements()",
    "DROP TRIGGER statement_sort_keys ON statement", "DROP FUNCTION statement_sort_keys()",
]


def upgrade() -> None:
    with op.batch_alter_table("statement") as batch:
        batch.add_column(sa.Column("published", sa.Date(), nullable=True))
        batch.add_column(sa.Column("expert_name", sa.String(), nullable=False, server_default=""))
    op.execute(BACKFILL)
    op.create_index("ix_statement_published_expert_name_id", "statement",
                    [sa.text("published DESC"), "expert_name", "id"])
    op.create_index("ix_statement_expert_name_id", "statement", ["expert_name", "id"])
    # sentiment: a quarter of the statements score exactly 0, so its ties need id order from the index too
    op.drop_index("ix_statement_sentiment", table_name="statement")
    op.create_index("ix_statement_sentiment_id", "statement", ["sentiment", "id"])
    op.create_index("ix_statement_sentiment_desc_id", "statement", [sa.text("sentiment DESC"), "id"])
    for sql in SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP:
        op.execute(sql)


def downgrade() -> None:
    for sql in SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN:
        op.execute(sql)
    op.drop_index("ix_statement_sentiment_desc_id", table_name="statement")
    op.drop_index("ix_statement_sentiment_id", table_name="statement")
    op.create_index("ix_statement_sentiment", "statement", ["sentiment"])
    op.drop_index("ix_statement_expert_name_id", table_name="statement")
    op.drop_index("ix_statement_published_expert_name_id", table_name="statement")
    with op.batch_alter_table("statement") as batch:
        batch.drop_column("expert_name")
        batch.drop_column("published")
