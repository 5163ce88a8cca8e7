"""Write one analysed document: get-or-create experts and topics by natural key.

The caller owns the transaction (one per document); nothing here commits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, delete, select, update

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


def get_document_by_hash(session: Session, *, sha256: str) -> Document | None:
    """Get a document by the hash of its text."""
    return session.exec(select(Document).where(Document.sha256 == sha256)).first()


def bump_dataset_version(session: Session) -> None:
    """Record that the data changed (the API's ETags follow this version)."""
    session.exec(
        update(DatasetState)
        .where(col(DatasetState.id) == 1)
        .values(version=DatasetState.version + 1, changed_at=utcnow())
    )


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


def get_or_create_expert(session: Session, *, found: ExtractedExpert) -> Expert:
    """Get the expert a name denotes (see app.ingest.identity), or create it; merge what is new."""
    expert = find_expert(session, name=found.name)
    if expert is None:
        expert = Expert(
            name=found.name, name_key=identity.name_key(found.name), surname_key=identity.surname_key(found.name)
        )
    elif identity.is_partial(expert.name) and not identity.is_partial(found.name):
        expert.aliases = merged(expert.aliases, [expert.name])
        expert.name, expert.name_key = found.name, identity.name_key(found.name)
    expert.nationality = expert.nationality or found.nationality
    aliases = [a for a in found.aliases if identity.name_key(a) != expert.name_key]
    if identity.name_key(found.name) != expert.name_key:
        aliases.append(found.name)
    expert.aliases = merged(expert.aliases, aliases)
    expert.roles = merged(expert.roles, found.roles)
    expert.affiliations = merged(expert.affiliations, found.affiliations)
    session.add(expert)
    session.flush()
    known = set(session.exec(select(ExpertCountry.code).where(ExpertCountry.expert_id == expert.id)))
    session.add_all(
        ExpertCountry(expert_id=expert.id, code=c) for c in dict.fromkeys(found.countries) if c not in known
    )
    return expert


def find_expert(session: Session, *, name: str) -> Expert | None:
    """Find a known expert by full name, or a partial name that fits exactly one known person."""
    key = identity.name_key(name)
    same = session.exec(select(Expert).where(Expert.name_key == key)).first()
    if same is not None:
        return same
    namesakes = session.exec(select(Expert).where(Expert.surname_key == identity.surname_key(name))).all()
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


def persist_document(session: Session, *, raw: RawDocument, analysis: Analysis, topic_ids: dict[str, int]) -> Document:
    """Insert a document with its experts, appearances, statements and annotations."""
    document = Document(
        sha256=analysis.sha256,
        source=raw.source,
        title=raw.title,
        outlet=raw.outlet,
        url=raw.url,
        published=date.fromisoformat(raw.published) if raw.published else None,
        text=raw.text,
        extractor_version=EXTRACTOR_VERSION,
    )
    session.add(document)
    session.flush()
    bump_dataset_version(session)
    experts = {}
    for found in analysis.extraction.experts:
        expert = get_or_create_expert(session, found=found)
        experts[found.name] = expert
        session.add(
            Appearance(
                document_id=document.id,
                expert_id=expert.id,
                introduced_as=found.introduced_as,
                paragraph=found.paragraph,
            )
        )
    statements = [
        Statement(
            document_id=document.id,
            expert_id=experts[s.speaker].id,
            kind=s.kind,
            text=s.text,
            char_start=s.start,
            char_end=s.end,
            paragraph=s.paragraph,
            cue=s.cue,
            sentiment=a.sentiment,
            forward_looking=a.forward_looking,
        )
        for s, a in analysis.annotated()
    ]
    session.add_all(statements)
    session.flush()
    add_annotation_rows(session, [(s.id, a) for s, a in zip(statements, analysis.annotations, strict=True)], topic_ids)
    return document


def add_annotation_rows(session: Session, annotated: list[tuple[int, Annotation]], topic_ids: dict[str, int]) -> None:
    """Insert the topic and country-mention links of statements."""
    links = [
        StatementTopic(statement_id=sid, topic_id=topic_ids[slug], evidence=terms)
        for sid, a in annotated
        for slug, terms in a.topics.items()
        if slug in topic_ids
    ]
    session.add_all(links)
    session.add_all(
        StatementCountry(statement_id=sid, code=code) for sid, a in annotated for code in dict.fromkeys(a.countries)
    )
    adjust_topic_counts(session, Counter(link.topic_id for link in links))


def clear_annotation_rows(session: Session, *, statement_ids: list[int]) -> None:
    """Delete the topic and country-mention links of statements (before re-annotating them)."""
    linked = select(StatementTopic.topic_id, func.count()).where(col(StatementTopic.statement_id).in_(statement_ids))
    adjust_topic_counts(
        session, {topic_id: -n for topic_id, n in session.exec(linked.group_by(StatementTopic.topic_id))}
    )
    session.exec(delete(StatementTopic).where(col(StatementTopic.statement_id).in_(statement_ids)))
    session.exec(delete(StatementCountry).where(col(StatementCountry.statement_id).in_(statement_ids)))


def adjust_topic_counts(session: Session, changes: Mapping[int, int]) -> None:
    """Keep each topic's statement_count in step with its links, so listing topics counts nothing."""
    for topic_id, delta in changes.items():
        if delta:
            session.exec(
                update(Topic).where(col(Topic.id) == topic_id).values(statement_count=Topic.statement_count + delta)
            )
