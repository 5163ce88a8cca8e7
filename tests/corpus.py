"""The test corpus's stored rows, read with plain SQL: the independent side of the query tests.

The expected answer of every filter, facet and sort is computed from these rows in Python, never by
the query layer under test.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, text

ARTICLES = Path(__file__).parent / "fixtures" / "corpus" / "articles.jsonl"


@dataclass(frozen=True, slots=True)
class Row:
    """A statement with everything a filter, facet or sort reads, joined in Python."""

    id: int
    document_id: int
    expert_id: int
    expert_name: str
    expert_countries: frozenset[str]
    kind: str
    text: str
    sentiment: float | None
    forward_looking: bool
    confidence: float
    topics: frozenset[str]
    mentions: frozenset[str]
    outlet: str | None
    published: date | None
    updated_at: datetime  # UTC
    status: str = "unreviewed"


@dataclass(frozen=True, slots=True)
class Stored:
    rows: list[Row]  # by id: the statements the API shows by default (every one not rejected)
    documents: dict[int, dict]
    experts: dict[int, dict]
    topics: dict[str, dict]  # slug -> {"id", "label"}
    rejected: list[Row] = field(default_factory=list)  # by id: the statements a reviewer rejected

    def ids(self, keep=lambda row: True) -> list[int]:
        return [row.id for row in self.rows if keep(row)]

    def every_id(self, keep) -> list[int]:
        """The ids of all stored statements, rejected ones included, that `keep` keeps."""
        return sorted(row.id for row in [*self.rows, *self.rejected] if keep(row))


def utc(value: str | datetime) -> datetime:
    """A stored moment (SQLite hands it back as text, PostgreSQL without its zone) as an aware UTC datetime."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC)


def read_stored(engine: Engine) -> Stored:
    """Every statement with its links, and the documents, experts and topics, as stored."""
    with engine.connect() as conn:
        def rows(sql: str) -> list:
            return conn.execute(text(sql)).all()

        documents = {r.id: r._asdict() for r in rows("SELECT id, outlet, published, title FROM document")}
        for document in documents.values():
            if isinstance(document["published"], str):  # SQLite hands dates back as text
                document["published"] = date.fromisoformat(document["published"])
        experts = {r.id: r._asdict() for r in rows("SELECT id, name FROM expert")}
        topics = {r.slug: r._asdict() for r in rows("SELECT id, slug, label FROM topic")}
        countries, topic_links, mentions = defaultdict(set), defaultdict(set), defaultdict(set)
        for expert_id, code in rows("SELECT expert_id, code FROM expert_country"):
            countries[expert_id].add(code)
        slug_of = {t["id"]: slug for slug, t in topics.items()}
        for statement_id, topic_id in rows("SELECT statement_id, topic_id FROM statement_topic"):
            topic_links[statement_id].add(slug_of[topic_id])
        for statement_id, code in rows("SELECT statement_id, code FROM statement_country"):
            mentions[statement_id].add(code)
        statements = rows("SELECT id, document_id, expert_id, kind, text, sentiment, forward_looking, confidence, "
                          "updated_at, status FROM statement ORDER BY id")
    every = [
        Row(s.id, s.document_id, s.expert_id, experts[s.expert_id]["name"], frozenset(countries[s.expert_id]),
            s.kind, s.text, s.sentiment, bool(s.forward_looking), s.confidence, frozenset(topic_links[s.id]),
            frozenset(mentions[s.id]), documents[s.document_id]["outlet"], documents[s.document_id]["published"],
            utc(s.updated_at), s.status)
        for s in statements
    ]
    return Stored(
        rows=[row for row in every if row.status != "rejected"],
        rejected=[row for row in every if row.status == "rejected"],
        documents=documents,
        experts={i: {**e, "countries": sorted(countries[i])} for i, e in experts.items()},
        topics=topics,
    )


def review(engine: Engine) -> None:
    """Review the corpus as a person would, through the curation API's service: reject every ninth statement
    (keeping the one without sentiment) and accept another ninth, so that every query meets rejected ones."""
    from sqlmodel import Session

    from app.write_schemas import StatementPatch
    from app.writes.statements import patch_statement

    with engine.connect() as conn:
        statements = conn.execute(text("SELECT id, sentiment FROM statement ORDER BY id")).all()
    verdicts = {s.id: "rejected" for i, s in enumerate(statements) if i % 9 == 4 and s.sentiment is not None}
    verdicts |= {s.id: "accepted" for i, s in enumerate(statements) if i % 9 == 6}
    with Session(engine) as session, session.begin():
        for statement_id, status in verdicts.items():
            patch_statement(session, statement_id=statement_id, patch=StatementPatch(status=status),
                            actor="reviewer")
