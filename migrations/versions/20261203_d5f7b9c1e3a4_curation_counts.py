"""topic_author_count counts no rejected statement, and follows a statement's status, kind and expert;
the sort indexes end with the status

Curation (issue 13) changes statements after they are stored: a person rejects one (it leaves every
default list and every count), corrects its kind, or gives it to another expert. The roll-up's
triggers on statement_topic now skip rejected statements, and a trigger on statement moves a
statement's links from its old (expert, kind) to its new one when any of the three changes.

Revision ID: d5f7b9c1e3a4
Revises: d6a8c0e2f4b6
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d5f7b9c1e3a4"
down_revision: str | None = "d6a8c0e2f4b6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPSERT = "ON CONFLICT (topic_id, expert_id, kind) DO UPDATE SET statements = topic_author_count.statements + 1"
ADD = f"""INSERT INTO topic_author_count (topic_id, expert_id, kind, statements)
          SELECT {{row}}.topic_id, statement.expert_id, statement.kind, 1
          FROM statement WHERE statement.id = {{row}}.statement_id AND statement.status <> 'rejected' {UPSERT}"""
REMOVE = """UPDATE topic_author_count SET statements = statements - 1
            WHERE topic_id = {row}.topic_id AND (expert_id, kind) =
                  (SELECT expert_id, kind FROM statement
                   WHERE statement.id = {row}.statement_id AND statement.status <> 'rejected')"""
# A statement's links counted for its old (expert, kind) unless it was rejected; for its new one unless it is.
UNCOUNT = """UPDATE topic_author_count SET statements = statements - 1
             WHERE {old}.status <> 'rejected' AND expert_id = {old}.expert_id AND kind = {old}.kind
               AND topic_id IN (SELECT topic_id FROM statement_topic WHERE statement_id = {old}.id)"""
COUNT = f"""INSERT INTO topic_author_count (topic_id, expert_id, kind, statements)
            SELECT topic_id, {{new}}.expert_id, {{new}}.kind, 1 FROM statement_topic
            WHERE statement_id = {{new}}.id AND {{new}}.status <> 'rejected' {UPSERT}"""
CHANGED = ("({old}.status = 'rejected') <> ({new}.status = 'rejected') OR {old}.kind <> {new}.kind "
           "OR {old}.expert_id <> {new}.expert_id")

OLD_ADD = """INSERT INTO topic_author_count (topic_id, expert_id, kind, statements)
         SELECT {row}.topic_id, statement.expert_id, statement.kind, 1
         FROM statement WHERE statement.id = {row}.statement_id
         ON CONFLICT (topic_id, expert_id, kind) DO UPDATE SET statements = topic_author_count.statements + 1"""
OLD_REMOVE = """UPDATE topic_author_count SET statements = statements - 1
            WHERE topic_id = {row}.topic_id AND (expert_id, kind) =
                  (SELECT expert_id, kind FROM statement WHERE statement.id = {row}.statement_id)"""


def sqlite_link_triggers(add: str, remove: str) -> list[str]:
    return [
        "DROP TRIGGER topic_author_count_add",
        "DROP TRIGGER topic_author_count_remove",
        f"CREATE TRIGGER topic_author_count_add AFTER INSERT ON statement_topic BEGIN {add.format(row='new')}; END",
        f"CREATE TRIGGER topic_author_count_remove AFTER DELETE ON statement_topic "
        f"BEGIN {remove.format(row='old')}; END",
    ]


def postgres_link_function(add: str, remove: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION topic_author_count_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN {add.format(row='NEW')};
            ELSE {remove.format(row='OLD')};
            END IF;
            RETURN NULL;
        END $$"""


SQLITE_UP = [
    *sqlite_link_triggers(ADD, REMOVE),
    f"""CREATE TRIGGER topic_author_count_restate AFTER UPDATE OF status, kind, expert_id ON statement
        WHEN {CHANGED.format(old='old', new='new')}
        BEGIN {UNCOUNT.format(old='old')}; {COUNT.format(new='new')}; END""",
]
SQLITE_DOWN = ["DROP TRIGGER topic_author_count_restate", *sqlite_link_triggers(OLD_ADD, OLD_REMOVE)]
POSTGRES_UP = [
    postgres_link_function(ADD, REMOVE),
    f"""CREATE FUNCTION topic_author_count_restate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            {UNCOUNT.format(old='OLD')};
            {COUNT.format(new='NEW')};
            RETURN NULL;
        END $$""",
    f"""CREATE TRIGGER topic_author_count_restate AFTER UPDATE OF status, kind, expert_id ON statement
        FOR EACH ROW WHEN ({CHANGED.format(old='OLD', new='NEW')}) EXECUTE FUNCTION topic_author_count_restate()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER topic_author_count_restate ON statement",
    "DROP FUNCTION topic_author_count_restate()",
    postgres_link_function(OLD_ADD, OLD_REMOVE),
]


# index name -> its columns before; each gains the status at its end (and "_status" in its name)
SORT_INDEXES = {
    "ix_statement_expert_id_id": ["expert_id", "id"],
    "ix_statement_expert_name_id": ["expert_name", "id"],
    "ix_statement_sentiment_id": ["sentiment", "id"],
    "ix_statement_published_expert_name_id": [sa.text("published DESC"), "expert_name", "id"],
    "ix_statement_sentiment_desc_id": [sa.text("sentiment DESC"), "id"],
}


def upgrade() -> None:
    for sql in SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP:
        op.execute(sql)
    for name, columns in SORT_INDEXES.items():
        op.create_index(f"{name}_status", "statement", [*columns, "status"])
        op.drop_index(name, table_name="statement")


def downgrade() -> None:
    for name, columns in SORT_INDEXES.items():
        op.create_index(name, "statement", columns)
        op.drop_index(f"{name}_status", table_name="statement")
    for sql in SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN:
        op.execute(sql)
