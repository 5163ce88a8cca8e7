"""Statement filters as data -> SQL. The only place a filter becomes SQL.

The first topic (or, without topics, the mentioned country) is JOINed rather than tested: its link
table's (key, statement_id) index then yields the matching statements already in id order, so a
page sorted by id reads just the rows it returns instead of every match. The other filters are
tested per row, through primary-key probes (EXISTS) or small IN lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, FromClause, Select, and_, exists, select
from sqlmodel import col

from app.models import REJECTED, Document, ExpertCountry, Statement, StatementCountry, StatementTopic, Topic
from app.schemas import STATUSES, StatementFilters

# Core aliases, made once: an ORM alias per request costs more than the page's SQL.
DRIVING_TOPIC = StatementTopic.__table__.alias("driving_topic")
DRIVING_COUNTRY = StatementCountry.__table__.alias("driving_country")
# The link tables the EXISTS tests read, aliased: a facet that joins statement_topic or
# statement_country to the outer query would otherwise capture them by auto-correlation.
TESTED_TOPIC = StatementTopic.__table__.alias("tested_topic")
TESTED_COUNTRY = StatementCountry.__table__.alias("tested_country")


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


def topic_id(slug: str) -> ColumnElement[int]:
    """The id of the topic with this slug, looked up inside the query: null, so matching nothing, if unknown."""
    topic = Topic.__table__.c
    return select(topic.id).where(topic.slug == slug).scalar_subquery()


def has_topic(slugs: Sequence[str]) -> ColumnElement[bool]:
    link, topic = TESTED_TOPIC.c, Topic.__table__.c
    ids = select(topic.id).where(topic.slug.in_(slugs))
    return exists().where(link.statement_id == Statement.id, link.topic_id.in_(ids))


def mentions(code: str) -> ColumnElement[bool]:
    link = TESTED_COUNTRY.c
    return exists().where(link.statement_id == Statement.id, link.code == code)


def matching(f: StatementFilters) -> Matching:
    """Build the matching set of a filter set."""
    slugs = f.topic
    code = f.mentions.upper() if f.mentions else None
    clauses = row_clauses(f)
    if slugs and (f.topic_mode == "all" or len(slugs) == 1):
        driver = DRIVING_TOPIC.c
        on = and_(driver.statement_id == Statement.id, driver.topic_id == topic_id(slugs[0]))
        clauses += [has_topic([slug]) for slug in slugs[1:]] + ([mentions(code)] if code else [])
        return Matching(Statement.__table__.join(DRIVING_TOPIC, on), clauses, driver.statement_id)
    if slugs:
        clauses.append(has_topic(slugs))
    elif code:
        driver = DRIVING_COUNTRY.c
        on = and_(driver.statement_id == Statement.id, driver.code == code)
        return Matching(Statement.__table__.join(DRIVING_COUNTRY, on), clauses, driver.statement_id)
    if code:
        clauses.append(mentions(code))
    return Matching(Statement.__table__, clauses, col(Statement.id))


def counted() -> ColumnElement[bool]:
    """The statements that lists and counts show unless asked otherwise: all but the rejected ones.

    `<>`, which no index serves, on purpose: the planner then keeps the sort's or the filter's index
    and tests the status on the few rows it reads, rather than reading every unrejected statement by status."""
    return col(Statement.status) != REJECTED


def status_clause(statuses: Sequence[str]) -> ColumnElement[bool]:
    """The status filter: the statuses asked for, or by default every one but 'rejected'."""
    if not statuses or set(statuses) == set(STATUSES) - {REJECTED}:
        return counted()
    return col(Statement.status).in_(sorted(set(statuses)))


def row_clauses(f: StatementFilters) -> list[ColumnElement[bool]]:
    """The filters tested on each statement row (topics and mentions are handled by `matching`)."""
    clauses: list[ColumnElement[bool]] = [] if set(f.status) == set(STATUSES) else [status_clause(f.status)]
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
    if f.confidence_min is not None:
        clauses.append(col(Statement.confidence) >= f.confidence_min)
    if f.updated_since is not None:
        clauses.append(col(Statement.updated_at) >= f.updated_since)
    return clauses
