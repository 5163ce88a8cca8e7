"""Queries over statements: filtered, searched, sorted lists with keyset cursors; single statements.

A page is read in two steps: first the ids of the page (with the sort keys only, so a sort never
carries whole rows), then the page's rows, annotations and snippets by id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func
from sqlmodel import Session, col, select

from app.errors import InvalidParameter, NotFound
from app.models import Statement
from app.queries import sorting
from app.queries.facets import facet_counts
from app.queries.filters import Matching, matching, topic_id
from app.queries.pagination import cursor_date, cursor_float, cursor_int, cursor_str
from app.queries.search import FTS_SNIPPET, Search, build_search
from app.queries.statement_items import load_items
from app.schemas import StatementFilters


def sort_fields(id_column: ColumnElement[int], search: Search | None) -> dict[str, sorting.SortField]:
    fields = {
        "id": sorting.SortField(id_column, parse=cursor_int),
        # the document's date and the expert's name, copied onto the statement so one index gives the order
        "published": sorting.SortField(col(Statement.published), nullable=True, parse=cursor_date),
        "expert": sorting.SortField(col(Statement.expert_name), parse=cursor_str),
        "sentiment": sorting.SortField(col(Statement.sentiment), nullable=True, parse=cursor_float),
        "document": sorting.SortField(col(Statement.document_id), parse=cursor_int),
    }
    if search:
        fields["relevance"] = sorting.SortField(search.rank, parse=cursor_float, computed=True)
    return fields


@dataclass(frozen=True, slots=True)
class StatementQuery:
    """A filter set made into SQL once: what matches, in which order."""

    filters: StatementFilters
    matching: Matching
    search: Search | None
    keys: list[sorting.SortKey]
    lone_topic: str | None = None  # set when one topic is the only filter: facets read its roll-up
    search_in_source: bool = False  # the matching set is read from the search index itself

    def select(self, *columns) -> Select:
        """SELECT columns FROM the matching statements."""
        query = self.matching.select(*columns)
        return self.search.restrict(query) if self.search and not self.search_in_source else query

    def page_ids(self) -> Select:
        """The matching statements' ids (and, read from the search index, their snippets)."""
        return self.select(self.matching.id_column, *([FTS_SNIPPET] if self.search_in_source else []))


def make_query(session: Session, filters: StatementFilters) -> StatementQuery:
    search = build_search(filters.q, session.get_bind().dialect.name) if filters.q else None
    if filters.sort and "relevance" in filters.sort and not search:
        raise InvalidParameter("sort", "relevance needs a search: give q")
    found = matching(filters)
    from_index = search.index_only() if search and needs_only_the_index(filters, found) else None
    found = from_index or found
    fields = sort_fields(found.id_column, search)
    keys = sorting.parse_sort(filters.sort or ("relevance" if search else "id"), fields)
    return StatementQuery(filters, found, search, keys, filters.lone_topic(), search_in_source=from_index is not None)


def needs_only_the_index(filters: StatementFilters, found: Matching) -> bool:
    """An unfiltered search, sorted by relevance or id, without facets, reads no statement row."""
    names = {part.strip().lstrip("-+") for part in (filters.sort or "relevance").split(",")}
    return found.selects_all() and not filters.facet and names <= {"relevance", "id"}


def list_statements(session: Session, *, filters: StatementFilters) -> dict:
    """One page of the matching statements, with facets and total when asked for."""
    query = make_query(session, filters)
    rows, next_cursor = sorting.fetch_page(session.connection(), query.page_ids(), query.keys, limit=filters.limit,
                                           cursor=filters.cursor)
    ids = [row[0] for row in rows]
    items = load_items(session, ids, expand=filters.expansions())
    if query.search:
        snippets = ({row[0]: row[1] for row in rows} if query.search_in_source
                    else query.search.snippets(session.connection(), ids))
        for it in items:
            it["snippet"] = snippets.get(it["id"])
    page = {"items": items, "next_cursor": next_cursor, "facets": None, "total": None}
    if filters.facet:
        page["facets"] = facet_counts(session, query.select, filters.facet, filters.facet_size,
                                      lone_topic_id=topic_id(query.lone_topic) if query.lone_topic else None)
    if filters.total:
        matches = query.select(query.matching.id_column).subquery()  # the id column of whatever drives the match
        page["total"] = session.exec(select(func.count()).select_from(matches)).one()
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
    items = load_items(session, [statement_id])
    if not items:
        raise NotFound(f"no statement with id {statement_id}")
    return items[0]
