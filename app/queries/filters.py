"""Statement filters as data -> SQL. The only place a filter becomes SQL.

The first topic (or, without topics, the mentioned country) is JOINed rather than tested: its link
table's (key, statement_id) index then yields the matching statements already in id order, so a
page sorted by id reads just the rows it returns instead of every match. The other filters are
tested per row, through primary-key probes (EXISTS) or small IN lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, FromClause, Select, and_, exists, select
from sqlmodel import col

from app.models import Document, ExpertCountry, Statement, StatementCountry, StatementTopic
from app.schemas import StatementFilters

NO_TOPIC = 0  # id of no topic: an unknown slug matches nothing
# Core aliases, made once: an ORM alias per request costs more than the page's SQL.
DRIVING_TOPIC = StatementTopic.__table__.alias("driving_topic")
DRIVING_COUNTRY = StatementCountry.__table__.alias("driving_country")


@dataclass(frozen=True, slots=True)
class Matching:
    """The statements that pass a filter set: a FROM clause, WHERE clauses, and the column that
    carries the statement id in the order the driving index yields it."""

    source: FromClause
    clauses: list[ColumnElement[bool]]
    id_column: ColumnElement[int]

    def select(self, *columns) -> Select:
        return select(*columns).select_from(self.source).where(*self.clauses)

    def selects_all(self) -> bool:
        """No filter: every statement matches."""
        return self.source is Statement.__table__ and not self.clauses


def has_topic(topic_ids: list[int]) -> ColumnElement[bool]:
    link = StatementTopic.__table__.c
    return exists().where(link.statement_id == Statement.id, link.topic_id.in_(topic_ids))


def mentions(code: str) -> ColumnElement[bool]:
    link = StatementCountry.__table__.c
    return exists().where(link.statement_id == Statement.id, link.code == code)


def matching(f: StatementFilters, topic_ids: Mapping[str, int]) -> Matching:
    """Build the matching set of a filter set; `topic_ids` maps the filter's slugs to topic ids."""
    ids = [topic_ids.get(slug, NO_TOPIC) for slug in f.topic]
    code = f.mentions.upper() if f.mentions else None
    clauses = row_clauses(f)
    if ids and (f.topic_mode == "all" or len(ids) == 1):
        driver = DRIVING_TOPIC.c
        on = and_(driver.statement_id == Statement.id, driver.topic_id == ids[0])
        clauses += [has_topic([topic]) for topic in ids[1:]] + ([mentions(code)] if code else [])
        return Matching(Statement.__table__.join(DRIVING_TOPIC, on), clauses, driver.statement_id)
    if ids:
        clauses.append(has_topic(ids))
    elif code:
        driver = DRIVING_COUNTRY.c
        on = and_(driver.statement_id == Statement.id, driver.code == code)
        return Matching(Statement.__table__.join(DRIVING_COUNTRY, on), clauses, driver.statement_id)
    if code:
        clauses.append(mentions(code))
    return Matching(Statement.__table__, clauses, col(Statement.id))


def row_clauses(f: StatementFilters) -> list[ColumnElement[bool]]:
    """The filters tested on each statement row (topics and mentions are handled by `matching`)."""
    clauses: list[ColumnElement[bool]] = []
    if f.expert is not None:
        clauses.append(col(Statement.expert_id) == f.expert)
    if f.document is not None:
        clauses.append(col(Statement.document_id) == f.document)
    if f.country:
        experts = select(ExpertCountry.expert_id).where(ExpertCountry.code == f.country.upper())
        clauses.append(col(Statement.expert_id).in_(experts))
    if f.outlet:
        clauses.append(col(Statement.document_id).in_(select(Document.id).where(Document.outlet == f.outlet)))
    if f.kind:
        clauses.append(col(Statement.kind) == f.kind)
    if f.forward_looking is not None:
        clauses.append(col(Statement.forward_looking) == f.forward_looking)
    if f.sentiment_min is not None:
        clauses.append(col(Statement.sentiment) >= f.sentiment_min)
    if f.sentiment_max is not None:
        clauses.append(col(Statement.sentiment) <= f.sentiment_max)
    return clauses
