"""Facet counts over a filtered set of statements, across the expert, topic and country links.

`expert`, `country` and `kind` come from one pass over the matching statements (counted by expert
and kind, then added up here); `topic`, `mentions` and `outlet` each join their own table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func
from sqlmodel import Session, col, select

from app.models import (
    Document,
    Expert,
    ExpertCountry,
    Statement,
    StatementCountry,
    StatementTopic,
    Topic,
    TopicAuthorCount,
)

AUTHOR_FACETS = {"expert", "country", "kind"}


@dataclass(frozen=True, slots=True)
class Facet:
    """How to read a facet: its value, the joins that reach it, and where the top values' labels are
    looked up: the `label` column of the row whose `key` column (same table) equals the value."""

    value: ColumnElement
    joins: list[tuple[Any, ColumnElement[bool]]] = field(default_factory=list)
    key: ColumnElement | None = None
    label: ColumnElement | None = None


# facet -> how to read it from statement
JOINED_FACETS: dict[str, Facet] = {
    "topic": Facet(col(Topic.slug), [(StatementTopic, col(StatementTopic.statement_id) == Statement.id),
                                     (Topic, col(Topic.id) == StatementTopic.topic_id)],
                   key=col(Topic.slug), label=col(Topic.label)),
    "mentions": Facet(col(StatementCountry.code),
                      [(StatementCountry, col(StatementCountry.statement_id) == Statement.id)]),
    "outlet": Facet(col(Document.outlet), [(Document, col(Document.id) == Statement.document_id)]),
}
ROLLUP = TopicAuthorCount.__table__.c
# author facet -> how to read it from a topic's roll-up rows
ROLLUP_FACETS: dict[str, Facet] = {
    "kind": Facet(ROLLUP.kind),
    "expert": Facet(ROLLUP.expert_id, key=col(Expert.id), label=col(Expert.name)),
    "country": Facet(col(ExpertCountry.code), [(ExpertCountry, col(ExpertCountry.expert_id) == ROLLUP.expert_id)]),
}
Matching = Callable[..., Select]


def facet_counts(session: Session, matching: Matching, facets: Iterable[str], size: int, *,
                 lone_topic_id: ColumnElement[int] | None = None) -> dict[str, list[dict]]:
    """The most frequent values of each facet among the matching statements, with their counts.

    With `lone_topic_id` (one topic is the only filter), the author facets come from the topic's
    roll-up in topic_author_count rather than from a pass over its statements."""
    wanted = list(dict.fromkeys(facets))
    authors = AUTHOR_FACETS.intersection(wanted)
    out = (author_facets(session, matching, authors, size) if lone_topic_id is None
           else topic_author_facets(session.connection(), lone_topic_id, authors, size))
    for facet in wanted:
        if facet in JOINED_FACETS:
            out[facet] = joined_facet(session, matching, facet, size)
    return {facet: out[facet] for facet in wanted}


def author_facets(session: Session, matching: Matching, wanted: set[str], size: int) -> dict[str, list[dict]]:
    if not wanted:
        return {}
    by_expert, by_kind = Counter(), Counter()
    grouped = matching(Statement.expert_id, Statement.kind, func.count()).group_by(Statement.expert_id, Statement.kind)
    for expert_id, kind, n in session.execute(grouped):
        by_expert[expert_id] += n
        by_kind[kind] += n
    out = {"kind": top(by_kind, size)}
    if "expert" in wanted:
        out["expert"] = top(by_expert, size)
        ids = [value["value"] for value in out["expert"]]
        names = dict(session.execute(select(Expert.id, Expert.name).where(col(Expert.id).in_(ids))).all())
        for value in out["expert"]:
            value["label"] = names.get(value["value"])
    if "country" in wanted:
        by_country = Counter()
        codes = select(ExpertCountry.expert_id, ExpertCountry.code)
        codes = codes.where(col(ExpertCountry.expert_id).in_(list(by_expert)))
        for expert_id, code in session.execute(codes):
            by_country[code] += by_expert[expert_id]
        out["country"] = top(by_country, size)
    return out


def topic_author_facets(
    conn: Connection, topic_id: ColumnElement[int], wanted: set[str], size: int
) -> dict[str, list[dict]]:
    """The expert, country and kind facets of one topic, summed from its roll-up rows."""
    def rolled_up(*columns) -> Select:
        return select(*columns).select_from(TopicAuthorCount.__table__).where(ROLLUP.topic_id == topic_id)

    count = func.sum(ROLLUP.statements)
    return {facet: ranked_values(conn, rolled_up, ROLLUP_FACETS[facet], count, size) for facet in wanted}


def top(counts: Counter, size: int) -> list[dict]:
    """The most frequent values first; ties by value, for a stable answer."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    return [{"value": value, "label": None, "count": n} for value, n in ranked]


def joined_facet(session: Session, matching: Matching, facet: str, size: int) -> list[dict]:
    return ranked_values(session.connection(), matching, JOINED_FACETS[facet], func.count(), size)


def ranked_values(conn: Connection, source: Matching, facet: Facet, count: ColumnElement[int], size: int) -> list[dict]:
    """The `size` most frequent non-null values of a facet over `source`, ties by value; labels are
    looked up for those values only, after the grouping."""
    count = count.label("count")
    query = source(facet.value.label("value"), count)
    for target, on in facet.joins:
        query = query.join(target, on)
    ranked = (query.where(facet.value.is_not(None)).group_by(facet.value).having(count > 0)
              .order_by(count.desc(), facet.value).limit(size))
    if facet.label is None:
        return [{"value": value, "label": None, "count": n} for value, n in conn.execute(ranked)]
    top = ranked.subquery()
    labelled = (select(top.c.value, facet.label, top.c.count).select_from(top)
                .join(facet.key.table, facet.key == top.c.value).order_by(top.c.count.desc(), top.c.value))
    return [{"value": value, "label": label, "count": n} for value, label, n in conn.execute(labelled)]
