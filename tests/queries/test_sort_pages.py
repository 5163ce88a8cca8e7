"""Keyset pages of statements in multi-key sorts, on a stored corpus full of ties and missing dates.

The expected order is computed in Python from the document and expert tables themselves, so these
tests also hold the sort keys copied onto each statement (and their triggers) to the truth.
"""

import json

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.db import get_engine
from app.ingest import pipeline
from app.queries.statements import list_statements
from app.schemas import StatementFilters

SPEAKERS = [("Anna Berg", "an economist at the Kiel Institute"), ("Omar Haddad", "a historian at Cairo University"),
            ("Li Wei", "an energy analyst at Ember"), ("Zoe Adams", "a lawyer at Kings College")]
# repeated dates and missing ones: every sort below has ties on its first key, and `published` has nulls
DATES = ["2024-03-01", "2024-03-01", "2024-03-02", None, "2024-02-28", None, "2024-03-02", "2024-03-01"]
SORTS = ["-published,expert", "published,expert", "expert,-published", "-expert,published", "published",
         "-published", "expert", "-expert", "sentiment,-published", "-sentiment,expert", "document,-expert",
         "-published,-sentiment,expert"]
TRUTH = text("""SELECT statement.id, document.published, expert.name, statement.sentiment, statement.document_id
                FROM statement JOIN document ON document.id = statement.document_id
                JOIN expert ON expert.id = statement.expert_id""")


def article(i: int, published: str | None) -> dict:
    lines = []
    for j in range(3):
        name, role = SPEAKERS[(i + j) % len(SPEAKERS)]
        lines.append(f'"Inflation will fall in {2020 + j} because of the harvest number {i}," said {name}, {role}.')
        lines.append(f'"Trade with Egypt is growing again in sector {i}-{j}," {name.split()[1]} added.')
    return {"title": f"Report {i}", "text": "\n\n".join(lines), "published": published, "outlet": "Test"}


def load_corpus(url: str, taxonomy, folder) -> str:
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(article(i, d)) for i, d in enumerate(DATES)))
    report = pipeline.ingest([folder], engine=get_engine(url), taxonomy=taxonomy, workers=1)
    assert not report.failures and sum(r.statements for r in report.results) >= 40
    with get_engine(url).begin() as conn:  # some statements without a sentiment: nulls in later keys too
        conn.execute(text("UPDATE statement SET sentiment = NULL WHERE id % 5 = 0"))
    return url


@pytest.fixture(scope="module")
def corpus_url(databases, taxonomy, tmp_path_factory) -> str:
    return load_corpus(databases.new(), taxonomy, tmp_path_factory.mktemp("sorted"))


def walk(url: str, sort: str, limit: int) -> list[int]:
    """Every page of the list in this sort, following next_cursor."""
    ids, cursor = [], None
    with Session(get_engine(url)) as session:
        while True:
            page = list_statements(session, filters=StatementFilters(sort=sort, limit=limit, cursor=cursor))
            ids += [item["id"] for item in page["items"]]
            if not (cursor := page["next_cursor"]):
                return ids


def expected(url: str, sort: str) -> list[int]:
    """The sort's order in Python: each key with nulls last, ties broken by id."""
    with get_engine(url).connect() as conn:
        rows = [dict(zip(("id", "published", "expert", "sentiment", "document"), r, strict=True))
                for r in conn.execute(TRUTH)]
    rows.sort(key=lambda r: r["id"])
    for part in reversed(sort.split(",")):
        name = part.lstrip("-")
        present = sorted((r for r in rows if r[name] is not None), key=lambda r: r[name], reverse=part.startswith("-"))
        rows = present + [r for r in rows if r[name] is None]
    return [r["id"] for r in rows]


@pytest.mark.parametrize("sort", SORTS)
def test_pages_give_every_statement_once_in_the_sort_order(corpus_url, sort):
    order = expected(corpus_url, sort)
    for limit in (1, 7, 50):
        assert walk(corpus_url, sort, limit) == order


def test_the_order_follows_a_renamed_expert_and_a_redated_document(empty_url, taxonomy, tmp_path):
    corpus_url = load_corpus(empty_url, taxonomy, tmp_path)
    with get_engine(corpus_url).begin() as conn:
        conn.execute(text("UPDATE expert SET name = 'Aaron Zimmer' WHERE name = 'Zoe Adams'"))
        conn.execute(text("UPDATE document SET published = '2030-01-01' WHERE title = 'Report 3'"))
        redated = conn.execute(text("SELECT id FROM document WHERE title = 'Report 3'")).scalar_one()
    newest = walk(corpus_url, "-published,expert", 4)
    assert newest == expected(corpus_url, "-published,expert")
    with Session(get_engine(corpus_url)) as session:
        first = list_statements(session, filters=StatementFilters(sort="-published,expert", limit=1))["items"][0]
        assert (first["expert"]["name"], first["document_id"]) == ("Aaron Zimmer", redated)
