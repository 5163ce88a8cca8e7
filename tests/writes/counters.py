"""The stored counters against a recount from the rows: what every curation write must keep true."""

from __future__ import annotations

from sqlalchemy import text

from app.db import get_engine

TOPIC_COUNTS = """SELECT topic.slug, topic.statement_count, (
                      SELECT count(*) FROM statement_topic JOIN statement ON statement.id = statement_topic.statement_id
                      WHERE statement_topic.topic_id = topic.id AND statement.status <> 'rejected')
                  FROM topic"""
ROLLUP = "SELECT topic_id, expert_id, kind, statements FROM topic_author_count WHERE statements <> 0"
RECOUNT = """SELECT statement_topic.topic_id, statement.expert_id, statement.kind, count(*)
             FROM statement_topic JOIN statement ON statement.id = statement_topic.statement_id
             WHERE statement.status <> 'rejected'
             GROUP BY statement_topic.topic_id, statement.expert_id, statement.kind"""
SORT_KEYS = """SELECT count(*) FROM statement JOIN expert ON expert.id = statement.expert_id
               WHERE statement.expert_name <> expert.name"""


def assert_counters_agree(url: str) -> None:
    """topic.statement_count, topic_author_count and the expert_name sort key match the rows."""
    with get_engine(url).connect() as conn:
        wrong = [(slug, kept, real) for slug, kept, real in conn.execute(text(TOPIC_COUNTS)) if kept != real]
        assert not wrong, f"topic.statement_count (slug, kept, recounted): {wrong}"
        assert set(conn.execute(text(ROLLUP)).all()) == set(conn.execute(text(RECOUNT)).all())
        assert conn.execute(text(SORT_KEYS)).scalar() == 0
