"""Queries over statements: filtered, searched, sorted lists with keyset cursors; single statements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func
from sqlmodel import Session, col, select

from app.errors import InvalidParameter, NotFound
from app.models import Document, Expert, Statement, StatementCountry, StatementTopic, Topic
from app.queries import sorting
from app.queries.documents import document_items
from app.queries.experts import expert_items
from app.queries.facets import facet_counts
from app.queries.filters import statement_clauses
from app.queries.search import Search, build_search
from app.schemas import StatementFilters

SORT_FIELDS = {
    "id": sorting.SortField(col(Statement.id), parse=int),
    "published": sorting.SortField(col(Document.published), nullable=True, parse=date.fromisoformat),
    "expert": sorting.SortField(col(Expert.name), parse=str),
    "sentiment": sorting.SortField(col(Statement.sentiment), nullable=True, parse=float),
    "document": sorting.SortField(col(Statement.document_id), parse=int),
}


@dataclass(frozen=True, slots=True)
class StatementQuery:
    """A filter set made into SQL once: what matches, in which order."""

    filters: StatementFilters
    search: Search | None
    keys: list[sorting.SortKey]

    def matching(self, *columns) -> Select:
        """SELECT columns FROM the matching statements (joins added by the caller)."""
        query = select(*columns).select_from(Statement).where(*statement_clauses(self.filters))
        return self.search.restrict(query) if self.search else query

    def ordered(self) -> Select:
        """The matching statements with their expert's name (and snippet, when searching)."""
        extra = [self.search.snippet.label("snippet")] if self.search else []
        query = self.matching(Statement, Expert.name, *extra).join(Expert, col(Expert.id) == Statement.expert_id)
        if any(k.name == "published" for k in self.keys):
            query = query.join(Document, col(Document.id) == Statement.document_id)
        return query


def make_query(filters: StatementFilters, dialect: str) -> StatementQuery:
    search = build_search(filters.q, dialect) if filters.q else None
    fields = dict(SORT_FIELDS, relevance=sorting.SortField(search.rank, parse=float)) if search else SORT_FIELDS
    default = "relevance" if search else "id"
    if filters.sort and "relevance" in filters.sort and not search:
        raise InvalidParameter("sort", "relevance needs a search: give q")
    return StatementQuery(filters, search, sorting.parse_sort(filters.sort or default, fields))


def list_statements(session: Session, *, filters: StatementFilters) -> dict:
    """One page of the matching statements, with facets and total when asked for."""
    query = make_query(filters, session.get_bind().dialect.name)
    rows, next_cursor = sorting.fetch_page(
        session, query.ordered(), query.keys, limit=filters.limit, cursor=filters.cursor
    )
    page = {"items": shape(session, rows, filters, query), "next_cursor": next_cursor}
    if filters.facet:
        page["facets"] = {f: facet_counts(session, query.matching, f, filters.facet_size) for f in filters.facet}
    if filters.total:
        page["total"] = session.exec(select(func.count()).select_from(query.matching(Statement.id).subquery())).one()
    return page


def iter_statements(session: Session, *, filters: StatementFilters, chunk: int = 1000) -> Iterator[dict]:
    """Every matching statement, in order, fetched a chunk at a time (for exports)."""
    page = filters.model_copy(update={"limit": chunk, "facet": [], "total": False})
    while True:
        result = list_statements(session, filters=page)
        yield from result["items"]
        if not result["next_cursor"]:
            return
        page = page.model_copy(update={"cursor": result["next_cursor"]})


def get_statement(session: Session, *, statement_id: int) -> dict:
    """Get one statement, or raise NotFound."""
    row = session.exec(
        select(Statement, Expert.name)
        .join(Expert, col(Expert.id) == Statement.expert_id)
        .where(col(Statement.id) == statement_id)
    ).first()
    if row is None:
        raise NotFound(f"no statement with id {statement_id}")
    return shape(session, [row], None, None)[0]


def shape(session: Session, rows: list, filters: StatementFilters | None, query: StatementQuery | None) -> list[dict]:
    """API items for rows, fetching annotations and expansions for the whole page at once."""
    statements = [row[0] for row in rows]
    topics, countries = annotations(session, [s.id for s in statements])
    items = [statement_item(s, row[1], topics[s.id], countries[s.id]) for s, row in zip(statements, rows, strict=True)]
    if query and query.search:
        for item, row in zip(items, rows, strict=True):
            item["snippet"] = row[2]
    expansions = filters.expansions() if filters else set()
    if "expert" in expansions:
        experts = {
            e["id"]: e
            for e in expert_items(
                session, session.exec(select(Expert).where(col(Expert.id).in_({s.expert_id for s in statements}))).all()
            )
        }
        for item in items:
            item["expert"] = experts[item["expert"]["id"]]
    if "document" in expansions:
        documents = {d["id"]: d for d in document_items(session, document_ids={s.document_id for s in statements})}
        for item in items:
            item["document"] = documents[item["document_id"]]
    return items


def annotations(session: Session, ids: list[int]) -> tuple[dict[int, dict[str, list[str]]], dict[int, list[str]]]:
    """Topics (slug -> evidence) and mentioned countries of statements, in two queries."""
    topics: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for sid, slug, evidence in session.exec(
        select(StatementTopic.statement_id, Topic.slug, StatementTopic.evidence)
        .join(Topic, col(Topic.id) == StatementTopic.topic_id)
        .where(col(StatementTopic.statement_id).in_(ids))
    ):
        topics[sid][slug] = evidence
    countries: dict[int, list[str]] = defaultdict(list)
    for sid, code in session.exec(
        select(StatementCountry.statement_id, StatementCountry.code)
        .where(col(StatementCountry.statement_id).in_(ids))
        .order_by(StatementCountry.statement_id, StatementCountry.code)
    ):
        countries[sid].append(code)
    return topics, countries


def statement_item(s: Statement, expert_name: str, topics: dict[str, list[str]], countries: list[str]) -> dict:
    return {
        "id": s.id,
        "document_id": s.document_id,
        "expert": {"id": s.expert_id, "name": expert_name},
        "kind": s.kind,
        "text": s.text,
        "start": s.char_start,
        "end": s.char_end,
        "paragraph": s.paragraph,
        "cue": s.cue,
        "topics": sorted(topics),
        "topic_evidence": topics,
        "countries": countries,
        "sentiment": s.sentiment,
        "forward_looking": s.forward_looking,
    }
