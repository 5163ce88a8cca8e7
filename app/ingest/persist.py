"""Write one analysed document: get-or-create experts and topics by natural key.

The caller owns the transaction (one per document); nothing here commits. Writes go through
SQLAlchemy Core on the session's connection: rows that come many per document are written with one
multi-row INSERT per table, and no ORM object is built per row (ingestion speed is measured in
bench/ingest_rate.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date

from sqlalchemy import Connection, bindparam, func, insert
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, SQLModel, col, delete, select, update

from app.ingest import identity
from app.ingest.analyse import EXTRACTOR_VERSION, Analysis
from app.ingest.taxonomy import Taxonomy
from app.ingest.types import Annotation, ExtractedExpert, RawDocument
from app.models import (
    Appearance,
    DatasetState,
    Document,
    Expert,
    ExpertCountry,
    Statement,
    StatementCountry,
    StatementTopic,
    Topic,
    utcnow,
)

NAMESAKES = select(*Expert.__table__.c).where(col(Expert.surname_key) == bindparam("surname"))
BUMP_VERSION = (
    update(DatasetState)
    .where(col(DatasetState.id) == 1)
    .values(version=DatasetState.version + 1, changed_at=bindparam("now"))
)
ADD_TO_TOPIC_COUNT = (
    update(Topic)
    .where(col(Topic.id) == bindparam("topic"))
    .values(statement_count=Topic.statement_count + bindparam("delta"))
)


def bump_dataset_version(session: Session) -> None:
    """Record that the data changed (the API's ETags follow this version)."""
    session.connection().execute(BUMP_VERSION, {"now": utcnow()})


def sync_topics(session: Session, *, taxonomy: Taxonomy) -> dict[str, int]:
    """Create or update the taxonomy's topics; return slug -> id."""
    existing = {t.slug: t for t in session.exec(select(Topic))}
    for topic in taxonomy.topics:
        row = existing.get(topic.slug) or Topic(slug=topic.slug, label=topic.label, description="")
        row.label, row.description, row.terms = topic.label, topic.description, list(topic.terms)
        session.add(row)
        existing[topic.slug] = row
    if session.dirty or session.new:
        bump_dataset_version(session)
    session.flush()
    return {slug: row.id for slug, row in existing.items()}


def persist_document(session: Session, *, raw: RawDocument, analysis: Analysis, topic_ids: dict[str, int]) -> int:
    """Insert a document with its experts, appearances, statements and annotations; return its id."""
    conn = session.connection()
    document_id = conn.execute(insert(Document).returning(Document.id), document_row(raw, analysis)).scalar_one()
    bump_dataset_version(session)
    experts = analysis.extraction.experts
    expert_ids = {found.name: get_or_create_expert(conn, found=found) for found in experts}
    insert_new_rows(conn, ExpertCountry, [
        {"expert_id": expert_ids[found.name], "code": code} for found in experts for code in found.countries
    ])
    insert_rows(conn, Appearance, [
        {"document_id": document_id, "expert_id": expert_ids[found.name], "introduced_as": found.introduced_as,
         "paragraph": found.paragraph}
        for found in experts
    ])
    rows = [
        {"document_id": document_id, "expert_id": expert_ids[s.speaker], "kind": s.kind, "text": s.text,
         "char_start": s.start, "char_end": s.end, "paragraph": s.paragraph, "cue": s.cue,
         "sentiment": a.sentiment, "forward_looking": a.forward_looking}
        for s, a in analysis.annotated()
    ]
    if rows:
        returning = insert(Statement).returning(Statement.id, sort_by_parameter_order=True)
        statement_ids = conn.execute(returning, rows).scalars().all()
        add_annotation_rows(conn, list(zip(statement_ids, analysis.annotations, strict=True)), topic_ids)
    return document_id


def document_row(raw: RawDocument, analysis: Analysis) -> dict:
    return {
        "sha256": analysis.sha256, "source": raw.source, "title": raw.title, "outlet": raw.outlet, "url": raw.url,
        "published": date.fromisoformat(raw.published) if raw.published else None, "text": raw.text,
        "extractor_version": EXTRACTOR_VERSION, "ingested_at": utcnow(),
    }


def get_or_create_expert(conn: Connection, *, found: ExtractedExpert) -> int:
    """Get the expert a name denotes (see app.ingest.identity), or create it; merge what is new; return the id."""
    known = find_expert(conn, name=found.name)
    name = found.name
    if known is not None and not (identity.is_partial(known.name) and not identity.is_partial(found.name)):
        name = known.name  # the fuller name stays; a partial one becomes an alias
    aliases = merged(known.aliases if known else [], [*found.aliases, found.name, *([known.name] if known else [])])
    values = {
        "name": name,
        "name_key": identity.name_key(name),
        "surname_key": identity.surname_key(name),
        "nationality": (known.nationality if known else None) or found.nationality,
        "aliases": [a for a in aliases if identity.name_key(a) != identity.name_key(name)],
        "roles": merged(known.roles if known else [], found.roles),
        "affiliations": merged(known.affiliations if known else [], found.affiliations),
    }
    if known is None:
        return conn.execute(insert(Expert).returning(Expert.id), values).scalar_one()
    if any(values[k] != getattr(known, k) for k in values):
        conn.execute(update(Expert).where(col(Expert.id) == known.id).values(**values))
    return known.id


def find_expert(conn: Connection, *, name: str):
    """Find a known expert (a row) by full name, or a partial name that fits exactly one known person."""
    namesakes = conn.execute(NAMESAKES, {"surname": identity.surname_key(name)}).all()
    key = identity.name_key(name)
    same = [e for e in namesakes if e.name_key == key]
    if same:
        return same[0]
    if identity.is_partial(name):
        fits = [e for e in namesakes if identity.compatible(name, e.name)]
    else:  # a full name matches a person so far known only by a partial name
        fits = [e for e in namesakes if identity.is_partial(e.name) and identity.compatible(e.name, name)]
    return fits[0] if len(fits) == 1 else None


def merged(old: list[str], new: list[str]) -> list[str]:
    """Old values then new ones, without case-insensitive duplicates."""
    seen, out = set(), []
    for value in [*old, *new]:
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


def insert_rows(conn: Connection, table: type[SQLModel], rows: list[dict]) -> None:
    """One multi-row INSERT (nothing when there are no rows)."""
    if rows:
        conn.execute(insert(table), rows)


def insert_new_rows(conn: Connection, table: type[SQLModel], rows: list[dict]) -> None:
    """One multi-row INSERT that skips rows whose key is already there."""
    if rows:
        dialect_insert = sqlite_insert if conn.dialect.name == "sqlite" else postgresql_insert
        conn.execute(dialect_insert(table).on_conflict_do_nothing(), rows)


def add_annotation_rows(conn: Connection, annotated: list[tuple[int, Annotation]], topic_ids: dict[str, int]) -> None:
    """Insert the topic and country-mention links of statements."""
    links = [
        {"statement_id": sid, "topic_id": topic_ids[slug], "evidence": terms}
        for sid, a in annotated
        for slug, terms in a.topics.items()
        if slug in topic_ids
    ]
    insert_rows(conn, StatementTopic, links)
    mentions = [{"statement_id": sid, "code": code} for sid, a in annotated for code in dict.fromkeys(a.countries)]
    insert_rows(conn, StatementCountry, mentions)
    adjust_topic_counts(conn, Counter(link["topic_id"] for link in links))


def clear_annotation_rows(conn: Connection, *, statement_ids: list[int]) -> None:
    """Delete the topic and country-mention links of statements (before re-annotating them)."""
    linked = (
        select(StatementTopic.topic_id, func.count())
        .where(col(StatementTopic.statement_id).in_(statement_ids))
        .group_by(StatementTopic.topic_id)
    )
    adjust_topic_counts(conn, {topic_id: -n for topic_id, n in conn.execute(linked)})
    conn.execute(delete(StatementTopic).where(col(StatementTopic.statement_id).in_(statement_ids)))
    conn.execute(delete(StatementCountry).where(col(StatementCountry.statement_id).in_(statement_ids)))


def adjust_topic_counts(conn: Connection, changes: Mapping[int, int]) -> None:
    """Keep each topic's statement_count in step with its links, so listing topics counts nothing."""
    deltas = [{"topic": topic_id, "delta": delta} for topic_id, delta in changes.items() if delta]
    if deltas:
        conn.execute(ADD_TO_TOPIC_COUNT, deltas)
