"""Full-text search over statements: the `q` syntax, and its SQL on SQLite (FTS5) and PostgreSQL.

Syntax (`SEARCH_SYNTAX`, the pattern the OpenAPI publishes for `q`): terms separated by spaces,
all of which must match; a term is a word, `prefix*`, or "a quoted phrase" (the words in order).
Matching is stemmed (English) and ignores case and accents. Anything else (an unclosed quote, a `*`
inside a word or a phrase) is a 422 naming `q`. A term with no letter or digit in it (`-`) is left
out; a search left with no term finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Connection,
    Double,
    Select,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlmodel import col

from app.errors import InvalidParameter
from app.models import Statement
from app.queries.filters import Matching
from app.schemas import SEARCH_HELP, SEARCH_SYNTAX

TERM = re.compile(r'"([^"*]*)"|([^ "*]+)(\*?)')
WORD = re.compile(r"[^\W_]+")
MARK_START, MARK_END, ELLIPSIS = "<mark>", "</mark>", "…"

fts = table("statement_fts", literal_column("rowid"))  # SQLite FTS5 index, kept in step by triggers
SEARCH_VECTOR = literal_column("statement.search")  # PostgreSQL generated tsvector column


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False


def parse_search(q: str) -> list[Term]:
    """Parse the `q` syntax into terms (none when no term has a word), or raise InvalidParameter naming `q`."""
    if not re.fullmatch(SEARCH_SYNTAX, q):
        raise InvalidParameter("q", SEARCH_HELP)
    terms = []
    for phrase, word, star in TERM.findall(q):
        words = tuple(w.lower() for w in WORD.findall(phrase or word))
        if words:
            terms.append(Term(words, prefix=bool(star)))
    return terms


def fts5_query(terms: list[Term]) -> str:
    """The FTS5 MATCH string: each term a quoted phrase, so user text can never be FTS5 syntax; no
    term is the empty phrase, which matches nothing."""
    if not terms:
        return '""'
    return " ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in terms)


def tsquery(terms: list[Term]) -> str:
    """The to_tsquery string: phrases joined by <->, prefixes marked :*, terms ANDed; no term is the
    empty query, which matches nothing."""

    def one(t: Term) -> str:
        words = [*t.words[:-1], t.words[-1] + (":*" if t.prefix else "")]
        return "(" + " <-> ".join(words) + ")"

    return " & ".join(one(t) for t in terms)


@dataclass(frozen=True, slots=True)
class Search:
    """The SQL of one search: how to keep the matches, their relevance rank (lower is better), snippets."""

    dialect: str
    match: str  # the FTS5 MATCH or to_tsquery string

    def index_only(self) -> Matching | None:
        """On SQLite, the matches read from the FTS5 index alone, with no join to statement (the
        whole cost of an unfiltered search is then ranking; 2x less at 17,000 matches)."""
        if self.dialect == "postgresql":
            return None
        return Matching(fts, [fts_match(self.match)], fts.c.rowid)

    def restrict(self, query: Select) -> Select:
        """Keep the statements that match; on SQLite, join the FTS5 index so that its rank can be read."""
        if self.dialect == "postgresql":
            return query.where(SEARCH_VECTOR.op("@@")(ts_query(self.match)))
        return query.join(fts, fts.c.rowid == col(Statement.id)).where(fts_match(self.match))

    @property
    def rank(self) -> ColumnElement[float]:
        if self.dialect == "postgresql":
            # ts_rank is a float4: compared with a cursor's float8 it never equals itself, so a page
            # boundary inside a tie lost the ties (and `-relevance` served one page forever)
            return -cast(func.ts_rank(SEARCH_VECTOR, ts_query(self.match)), Double)
        return literal_column("statement_fts.rank")  # bm25, lower is better

    def snippets(self, conn: Connection, ids: list[int]) -> dict[int, str]:
        """The marked-up snippet of each of these statements (computed for one page only: it is costly)."""
        if self.dialect == "postgresql":
            options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12"
            headline = func.ts_headline("english", col(Statement.text), ts_query(self.match), options)
            query = select(col(Statement.id), headline).where(col(Statement.id).in_(ids))
        else:
            query = select(fts.c.rowid, FTS_SNIPPET).select_from(fts).where(fts_match(self.match), fts.c.rowid.in_(ids))
        return dict(conn.execute(query).all())


# FTS5's snippet of the matched statement; in a query that reads the index, SQLite computes it for
# the rows it returns only (a separate snippet query would match a prefix search all over again).
FTS_SNIPPET = func.snippet(literal_column("statement_fts"), 0, MARK_START, MARK_END, ELLIPSIS, 24)


def fts_match(match: str) -> ColumnElement[bool]:
    return text("statement_fts MATCH :fts_match").bindparams(fts_match=match)


def ts_query(match: str) -> ColumnElement:
    return func.to_tsquery("english", bindparam("ts_match", match))


def build_search(q: str, dialect: str) -> Search:
    """Parse `q` and build its SQL for the dialect ("sqlite" or "postgresql")."""
    terms = parse_search(q)
    return Search(dialect, tsquery(terms) if dialect == "postgresql" else fts5_query(terms))
