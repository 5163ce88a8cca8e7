"""Facet counts over a filtered set of statements, across the topic and country links."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, func
from sqlmodel import col

from app.models import Document, Expert, ExpertCountry, Statement, StatementCountry, StatementTopic, Topic

# facet -> (value column, label column or None, joins from statement)
FACETS = {
    "topic": (
        col(Topic.slug),
        col(Topic.label),
        [
            (StatementTopic, col(StatementTopic.statement_id) == Statement.id),
            (Topic, col(Topic.id) == StatementTopic.topic_id),
        ],
    ),
    "expert": (col(Expert.id), col(Expert.name), [(Expert, col(Expert.id) == Statement.expert_id)]),
    "country": (col(ExpertCountry.code), None, [(ExpertCountry, col(ExpertCountry.expert_id) == Statement.expert_id)]),
    "mentions": (
        col(StatementCountry.code),
        None,
        [(StatementCountry, col(StatementCountry.statement_id) == Statement.id)],
    ),
    "kind": (col(Statement.kind), None, []),
    "outlet": (col(Document.outlet), None, [(Document, col(Document.id) == Statement.document_id)]),
}


def facet_counts(session, matching: Callable[..., Select], facet: str, size: int) -> list[dict]:
    """The most frequent values of a facet among the matching statements, with their counts."""
    value, label, joins = FACETS[facet]
    count = func.count().label("count")
    columns = [value, label] if label is not None else [value]
    query = matching(*columns, count)
    for target, on in joins:
        query = query.join(target, on)
    query = query.where(value.is_not(None)).group_by(*columns).order_by(count.desc(), value).limit(size)
    return [
        {"value": row[0], "label": row[1] if label is not None else None, "count": row[-1]}
        for row in session.exec(query)
    ]
