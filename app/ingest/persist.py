"""Write analysed documents: get-or-create experts and topics by natural key.

The caller owns the transaction; nothing here commits. Writes go through SQLAlchemy Core on the
session's connection, one INSERT (or executemany) per table for a whole group of documents; no ORM
object is built per row, and experts are named from a run's memory (`identity.People`, filled with
one query per group for the surnames it has not seen) rather than with a query per expert
(ingestion speed is measured in bench/ingest_rate.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, bindparam, exists, func, insert
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, SQLModel, col, delete, select, update

from app import audit
from app.annotate.taxonomy import Taxonomy
from app.ingest.analyse import EXTRACTOR_VERSION, Analysis
from app.ingest.identity import People, Person
from app.models import (
    REJECTED,
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
from app.types import Annotation, RawDocument

KNOWN_EXPERTS = select(
    Expert.id, Expert.name, Expert.nationality, Expert.aliases, Expert.roles, Expert.affiliations, Expert.curated
)
STATEMENT_KEY = ("document_id", "char_start", "char_end", "expert_id")  # unique
UPDATE_EXPERT = update(Expert).where(col(Expert.id) == bindparam("expert_id"))
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
    bump_version(session.connection())


def bump_version(conn: Connection) -> None:
    """Record that the data changed, on a connection (see bump_dataset_version)."""
    conn.execute(BUMP_VERSION, {"now": utcnow()})


def sync_topics(session: Session, *, taxonomy: Taxonomy) -> dict[str, int]:
    """Create or update the taxonomy's topics; return slug -> id. An unchanged taxonomy writes nothing."""
    existing = {t.slug: t for t in session.exec(select(Topic))}
    changed = False
    for topic in taxonomy.topics:
        row = existing.get(topic.slug) or Topic(slug=topic.slug, label=topic.label, description="")
        wanted = (topic.label, topic.description, list(topic.terms))
        if row.id is None or (row.label, row.description, row.terms) != wanted:
            row.label, row.description, row.terms = wanted
            session.add(row)
            changed = True
        existing[topic.slug] = row
    if changed:
        bump_dataset_version(session)
    session.flush()
    return {slug: row.id for slug, row in existing.items()}


def persist_documents(
    session: Session, documents: list[tuple[RawDocument, Analysis]], *, topic_ids: dict[str, int], people: People,
    actor: str,
) -> list[int]:
    """Insert analysed documents with their experts, appearances, statements and annotations, and one
    "created" event per document by `actor` (app.audit); return the documents' ids.

    One INSERT (or executemany) per table for all the documents; `people` names the experts
    without a query per expert. Documents are taken in order, so a name resolves as if each
    had been stored alone.
    """
    conn = session.connection()
    bump_dataset_version(session)  # a write first: SQLite's driver opens the transaction on it
    persons = name_experts(conn, people, [analysis for _, analysis in documents])
    ids = insert_returning_ids(conn, Document, [document_row(raw, a) for raw, a in documents], ("sha256",))
    placed = [Placed(i, a, named) for i, (_, a), named in zip(ids, documents, persons, strict=True)]
    insert_new_rows(conn, ExpertCountry, expert_country_rows(placed))
    insert_rows(conn, Appearance, appearance_rows(placed))
    statement_ids = insert_returning_ids(conn, Statement, statement_rows(placed), STATEMENT_KEY)
    annotations = [annotation for p in placed for annotation in p.analysis.annotations]
    add_annotation_rows(conn, list(zip(statement_ids, annotations, strict=True)), topic_ids)
    audit.record_many(conn, [created_event(p, raw, actor) for p, (raw, _) in zip(placed, documents, strict=True)])
    return ids


def created_event(placed: Placed, raw: RawDocument, actor: str) -> dict:
    """The feed's event of a stored document (its title, hash and statement count)."""
    changes = {"title": (None, raw.title), "sha256": (None, placed.analysis.sha256),
               "statements": (0, len(placed.analysis.extraction.statements))}
    return audit.event(actor=actor, entity="document", entity_id=placed.id, action="created", changes=changes)


@dataclass(frozen=True, slots=True)
class Placed:
    """A document being written: its row id, its analysis, and the stored person of each expert name."""

    id: int
    analysis: Analysis
    persons: dict[str, Person]


def name_experts(conn: Connection, people: People, analyses: list[Analysis]) -> list[dict[str, Person]]:
    """Each document's expert names -> their persons, found or created, then stored (ids set)."""
    load_people(conn, people, [found.name for a in analyses for found in a.extraction.experts])
    persons = [{found.name: people.resolve(found) for found in a.extraction.experts} for a in analyses]
    write_people(conn, people)
    return persons


def expert_country_rows(placed: list[Placed]) -> list[dict]:
    """The countries each appearance gives its expert (none to an expert whose countries a person set)."""
    pairs = dict.fromkeys(
        (p.persons[found.name].id, code) for p in placed for found in p.analysis.extraction.experts
        for code in found.countries if "countries" not in p.persons[found.name].curated
    )
    return [{"expert_id": expert_id, "code": code} for expert_id, code in pairs]


def appearance_rows(placed: list[Placed]) -> list[dict]:
    return [
        {"document_id": p.id, "expert_id": p.persons[found.name].id, "introduced_as": found.introduced_as,
         "paragraph": found.paragraph}
        for p in placed for found in p.analysis.extraction.experts
    ]


def statement_rows(placed: list[Placed]) -> list[dict]:
    return [
        {"document_id": p.id, "expert_id": p.persons[s.speaker].id, "kind": s.kind, "text": s.text,
         "char_start": s.start, "char_end": s.end, "paragraph": s.paragraph, "cue": s.cue,
         "sentiment": n.sentiment, "forward_looking": n.forward_looking, "sieve": s.sieve, "confidence": s.confidence}
        for p in placed for s, n in p.analysis.annotated()
    ]


def document_row(raw: RawDocument, analysis: Analysis) -> dict:
    return {
        "sha256": analysis.sha256, "source": raw.source, "title": raw.title, "outlet": raw.outlet, "url": raw.url,
        "published": date.fromisoformat(raw.published) if raw.published else None, "text": raw.text,
        "extractor_version": EXTRACTOR_VERSION, "ingested_at": utcnow(),
    }


def load_people(conn: Connection, people: People, names: list[str]) -> None:
    """Give `people` the stored experts of the names' surnames it does not know yet (one query per 500)."""
    surnames = sorted(people.unknown_surnames(names))
    for chunk in (surnames[i : i + 500] for i in range(0, len(surnames), 500)):
        rows = conn.execute(KNOWN_EXPERTS.where(col(Expert.surname_key).in_(chunk))).all()
        people.know(chunk, [
            Person(r.name, r.nationality, list(r.aliases), list(r.roles), list(r.affiliations), id=r.id,
                   curated=frozenset(r.curated or ()))
            for r in rows
        ])


def write_people(conn: Connection, people: People) -> None:
    """Store the persons new or merged since the last write: UPDATEs first (a partial name may be
    given up for a full one, freeing its key), then one INSERT whose ids go back to the persons."""
    persons = people.take_changed()
    known = [{"expert_id": p.id, **p.values(), "updated_at": utcnow()} for p in persons if p.id is not None]
    if known:
        conn.execute(UPDATE_EXPERT, known)
    new = [p for p in persons if p.id is None]
    ids = insert_returning_ids(conn, Expert, [p.values() for p in new], ("name_key",))
    for person, expert_id in zip(new, ids, strict=True):
        person.id = expert_id


def insert_returning_ids(conn: Connection, table: type[SQLModel], rows: list[dict], key: tuple[str, ...]) -> list[int]:
    """One multi-row INSERT; the new ids in the rows' order, matched by each row's unique `key`.

    (RETURNING comes in no promised order, and asking SQLAlchemy for the rows' order makes it
    insert one row per statement on SQLite.)
    """
    if not rows:
        return []
    returning = insert(table).returning(table.id, *(getattr(table, column) for column in key))
    ids = {tuple(row[1:]): row[0] for row in conn.execute(returning, rows)}
    return [ids[tuple(row[column] for column in key)] for row in rows]


def insert_rows(conn: Connection, table: type[SQLModel], rows: list[dict]) -> None:
    """One multi-row INSERT (nothing when there are no rows)."""
    if rows:
        conn.execute(insert(table), rows)


def insert_new_rows(conn: Connection, table: type[SQLModel], rows: list[dict]) -> None:
    """One multi-row INSERT that skips rows whose key is already there."""
    if rows:
        dialect_insert = sqlite_insert if conn.dialect.name == "sqlite" else postgresql_insert
        conn.execute(dialect_insert(table).on_conflict_do_nothing(), rows)


def add_annotation_rows(conn: Connection, annotated: list[tuple[int, Annotation]], topic_ids: dict[str, int], *,
                        uncounted: Collection[int] = ()) -> None:
    """Insert the topic and country-mention links of statements (`uncounted`: rejected statements, whose
    links count in no topic's statement_count)."""
    add_topic_links(conn, [(sid, a.topics) for sid, a in annotated], topic_ids, uncounted=uncounted)
    mentions = [{"statement_id": sid, "code": code} for sid, a in annotated for code in dict.fromkeys(a.countries)]
    insert_rows(conn, StatementCountry, mentions)


def add_topic_links(conn: Connection, topics: list[tuple[int, Mapping[str, list[str]]]], topic_ids: dict[str, int],
                    *, uncounted: Collection[int] = ()) -> None:
    """Link statements to topics (slug -> evidence terms); each topic's count follows."""
    links = [
        {"statement_id": sid, "topic_id": topic_ids[slug], "evidence": terms}
        for sid, by_slug in topics
        for slug, terms in by_slug.items()
        if slug in topic_ids
    ]
    insert_rows(conn, StatementTopic, links)
    adjust_topic_counts(conn, Counter(link["topic_id"] for link in links if link["statement_id"] not in uncounted))


def clear_annotation_rows(conn: Connection, *, statement_ids: list[int]) -> None:
    """Delete the topic and country-mention links of statements (before re-annotating them)."""
    clear_topic_links(conn, statement_ids=statement_ids)
    clear_country_links(conn, statement_ids=statement_ids)


def clear_topic_links(conn: Connection, *, statement_ids: list[int]) -> None:
    """Delete the topic links of statements; the topics' counts follow (a rejected statement counts in none)."""
    linked = (
        select(StatementTopic.topic_id, func.count())
        .join(Statement, col(Statement.id) == StatementTopic.statement_id)
        .where(col(StatementTopic.statement_id).in_(statement_ids), col(Statement.status) != REJECTED)
        .group_by(StatementTopic.topic_id)
    )
    adjust_topic_counts(conn, {topic_id: -n for topic_id, n in conn.execute(linked)})
    conn.execute(delete(StatementTopic).where(col(StatementTopic.statement_id).in_(statement_ids)))


def clear_country_links(conn: Connection, *, statement_ids: list[int]) -> None:
    conn.execute(delete(StatementCountry).where(col(StatementCountry.statement_id).in_(statement_ids)))


def adjust_topic_counts(conn: Connection, changes: Mapping[int, int]) -> None:
    """Keep each topic's statement_count in step with its links, so listing topics counts nothing."""
    deltas = [{"topic": topic_id, "delta": delta} for topic_id, delta in changes.items() if delta]
    if deltas:
        conn.execute(ADD_TO_TOPIC_COUNT, deltas)


def remove_silent_experts(conn: Connection, expert_ids: set[int], *, spare_curated: bool) -> list[tuple[int, str]]:
    """Delete those of the experts that no statement names any more (sparing, if asked, those a person
    curated), in one DELETE; return the removed ones' ids and names, by id."""
    if not expert_ids:
        return []
    speaks = exists().where(col(Statement.expert_id) == Expert.id)
    silent = conn.execute(select(Expert.id, Expert.name, Expert.curated)
                          .where(col(Expert.id).in_(expert_ids), ~speaks).order_by(col(Expert.id))).all()
    gone = [(row.id, row.name) for row in silent if not (spare_curated and row.curated)]
    if gone:
        conn.execute(delete(Expert).where(col(Expert.id).in_([expert_id for expert_id, _ in gone])))
    return gone
