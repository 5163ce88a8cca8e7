"""Database tables. Natural keys are unique; every filter of the API has an index."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(unique=True, max_length=64)
    source: str  # file name (or name#line for JSONL rows)
    title: str
    outlet: str | None = Field(default=None, index=True)
    url: str | None = None
    published: date | None = Field(default=None, index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    extractor_version: str
    ingested_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)  # the last write (`updated_since`)


class Expert(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)  # casefolded, accent-free full name
    surname_key: str = Field(index=True)
    nationality: str | None = None
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    roles: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    affiliations: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    curated: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))  # by hand
    curated_by: str | None = None
    curated_at: datetime | None = None


class ExpertRedirect(SQLModel, table=True):
    """An expert merged into another: reading the old id redirects to the one it lives on as."""

    __tablename__ = "expert_redirect"
    old_id: int = Field(primary_key=True)
    new_id: int = Field(foreign_key="expert.id", index=True, ondelete="CASCADE")


class ExpertCountry(SQLModel, table=True):
    __tablename__ = "expert_country"
    __table_args__ = (Index("ix_expert_country_code_expert_id", "code", "expert_id"),)
    expert_id: int = Field(foreign_key="expert.id", primary_key=True, ondelete="CASCADE")
    code: str = Field(primary_key=True, max_length=2)


class Appearance(SQLModel, table=True):
    """An expert's appearance in a document, with how the document introduced them."""

    __table_args__ = (UniqueConstraint("document_id", "expert_id"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE")
    expert_id: int = Field(foreign_key="expert.id", index=True, ondelete="CASCADE")
    introduced_as: str
    paragraph: int


class Topic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)
    label: str
    description: str
    terms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    statement_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # kept by persist


REJECTED = "rejected"  # a statement's status that hides it from the default lists and from every count


class Statement(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("document_id", "char_start", "char_end", "expert_id"),
        # Each sort's index ends with the status, so the default filter (status <> 'rejected') reads it there
        # instead of from each row (migration d5f7b9c1e3a4; bench/deep_sort.py).
        Index("ix_statement_expert_id_id_status", "expert_id", "id", "status"),
        Index("ix_statement_expert_name_id_status", "expert_name", "id", "status"),  # sort=expert, expert-first sorts
        Index("ix_statement_sentiment_id_status", "sentiment", "id", "status"),  # sentiment filters, sort=sentiment
    )
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE")
    expert_id: int = Field(foreign_key="expert.id", ondelete="CASCADE")
    # Sort keys copied from the document and the expert, so a sort reads one table and its indexes;
    # kept in step by database triggers on every write path (migration b9d2f4a6c8e1).
    published: date | None = None
    expert_name: str = Field(default="", sa_column_kwargs={"server_default": ""})
    kind: str = Field(index=True, max_length=8)
    text: str = Field(sa_column=Column(Text, nullable=False))
    char_start: int
    char_end: int
    paragraph: int
    cue: str | None = None
    sentiment: float | None = None  # indexed below, in both directions
    forward_looking: bool = Field(default=False, index=True)
    sieve: str = Field(default="", max_length=40, sa_column_kwargs={"server_default": ""})  # who decided the speaker
    confidence: float = Field(default=1.0, index=True, sa_column_kwargs={"server_default": "1.0"})  # its precision
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    # Curation (issue 13): a person's verdict, the fields a person set (kept through re-annotation and
    # re-extraction), and whether the extractor found the statement or a person added it.
    status: str = Field(default="unreviewed", max_length=10, index=True,
                        sa_column_kwargs={"server_default": "unreviewed"})  # unreviewed | accepted | rejected
    origin: str = Field(default="extracted", max_length=9, sa_column_kwargs={"server_default": "extracted"})
    curated: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    curated_by: str | None = None
    curated_at: datetime | None = None


# Deep pages of sort=-published,expert (and, sorting one date's rows, of sort=published) seek to their cursor;
# so do those of sort=-sentiment, whose ties are many (a quarter of all statements score exactly 0).
_sort_keys = Statement.__table__.c
Index("ix_statement_published_expert_name_id_status", _sort_keys.published.desc(), _sort_keys.expert_name,
      _sort_keys.id, _sort_keys.status)
Index("ix_statement_sentiment_desc_id_status", _sort_keys.sentiment.desc(), _sort_keys.id, _sort_keys.status)
# sort=expert,-published: the null test first, as the order puts a missing date last (migration c1e3a5b7d9f2)
Index("ix_statement_expert_name_published_id", _sort_keys.expert_name, _sort_keys.published.is_(None),
      _sort_keys.published.desc(), _sort_keys.id)


class StatementTopic(SQLModel, table=True):
    __tablename__ = "statement_topic"
    __table_args__ = (Index("ix_statement_topic_topic_id_statement_id", "topic_id", "statement_id"),)
    statement_id: int = Field(foreign_key="statement.id", primary_key=True, ondelete="CASCADE")
    topic_id: int = Field(foreign_key="topic.id", primary_key=True, ondelete="CASCADE")
    evidence: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class TopicAuthorCount(SQLModel, table=True):
    """How many of a topic's statements each expert made, by kind: the facets of a lone topic filter
    read these few thousand rows instead of every statement of the topic. Kept by database triggers
    on statement_topic (migration e5f1a7b9c3d4), so every write path keeps it in step."""

    __tablename__ = "topic_author_count"
    # covering: a topic's kind, expert and country sums read the index alone (migration f6a2b8c0d4e5)
    __table_args__ = (Index("ix_topic_author_count_covering", "topic_id", "expert_id", "kind", "statements"),)
    topic_id: int = Field(foreign_key="topic.id", primary_key=True, ondelete="CASCADE")
    expert_id: int = Field(foreign_key="expert.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True, max_length=8)
    statements: int = Field(default=0)


class StatementCountry(SQLModel, table=True):
    """A country the statement mentions."""

    __tablename__ = "statement_country"
    __table_args__ = (Index("ix_statement_country_code_statement_id", "code", "statement_id"),)
    statement_id: int = Field(foreign_key="statement.id", primary_key=True, ondelete="CASCADE")
    code: str = Field(primary_key=True, max_length=2)


class ApiKey(SQLModel, table=True):
    """A key for the API: its name, scope and a hash of its secret (the secret itself is never stored)."""

    __tablename__ = "api_key"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)
    scope: str = Field(max_length=5)  # read | write | admin
    lookup: str = Field(unique=True, max_length=16)  # the key's public part, to find its row
    secret_hash: str  # argon2id of the whole key
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None


class Change(SQLModel, table=True):
    """One write, as the change feed shows it: in commit order by `seq`, with who did it and what changed."""

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=100)  # the key's name, or "cli"
    entity: str = Field(max_length=10)  # document | statement | expert | key
    entity_id: int
    action: str = Field(max_length=12)  # created | updated | deleted | merged | annotated | reextracted | revoked
    changes: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # field -> [before, after]


class DatasetState(SQLModel, table=True):
    """One row whose version grows with every write: the basis of the API's ETags."""

    __tablename__ = "dataset_state"
    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0)
    changed_at: datetime = Field(default_factory=utcnow)


# Full-text search lives beside the models, made by a migration of its own: the SQLite FTS5 table
# statement_fts (and its shadow tables) or the PostgreSQL column statement.search.
def is_search_object(name: str | None, type_: str) -> bool:
    """Whether a schema object is the search index, which the models do not describe."""
    return bool(name) and (name.startswith("statement_fts") or (type_ == "column" and name == "search")
                           or name == "ix_statement_search")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic autogenerate filter: leave the search index alone."""
    return not (reflected and compare_to is None and is_search_object(name, type_))
