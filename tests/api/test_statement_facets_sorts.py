"""Every facet and every sort of the statement list, against the corpus's stored rows.

Expected counts and orders are computed in Python (tests/api/reference.py), never by the query layer.
"""

from __future__ import annotations

import pytest

from tests.api.reference import FACET_VALUES, facet, keeps, picks, sort_rows

FACETS = list(FACET_VALUES)
# name -> filters whose facets are counted: each reaches the facets by another path
FACET_FILTERS = {
    "no filter": lambda p: {},
    "a row filter": lambda p: {"kind": "direct"},
    "a lone topic (its roll-up)": lambda p: {"topic": p.topic2},
    "a topic and a row filter": lambda p: {"topic": p.topic2, "forward_looking": "false"},
    "mentions": lambda p: {"mentions": p.mentions},
    "a search": lambda p: {"q": "trade*"},
}


@pytest.mark.parametrize("size", [200, 3, 1])  # 1: below the two kinds too
@pytest.mark.parametrize("name", FACET_FILTERS)
def test_facets_count_the_matching_statements(corpus_client, stored, name, size):
    params = FACET_FILTERS[name](picks(stored))
    rows = [row for row in stored.rows if keeps(params)(row)]
    response = corpus_client.get("/v1/statements", params={**params, "facet": FACETS, "facet_size": size, "limit": 1})
    assert response.status_code == 200, response.text
    facets = response.json()["facets"]
    assert list(facets) == FACETS
    for name_ in FACETS:
        assert facets[name_] == facet(stored, rows, name_, size), name_
    if size == 3:  # the small size cuts the long facets short
        assert all(len(facet(stored, rows, name_, 200)) > 3 for name_ in ("topic", "expert", "mentions"))


def test_facets_answer_in_the_order_asked_each_once(corpus_client):
    asked = ["outlet", "kind", "topic", "kind"]
    facets = corpus_client.get("/v1/statements", params={"facet": asked, "limit": 1}).json()["facets"]
    assert list(facets) == ["outlet", "kind", "topic"]


def test_no_facet_asked_answers_none(corpus_client):
    assert corpus_client.get("/v1/statements", params={"limit": 1}).json()["facets"] is None


SORTS = ["id", "-id", "published", "-published", "expert", "-expert", "+expert", "sentiment", "-sentiment",
         "document", "-document", "-published,expert", "expert,-sentiment", "document,-sentiment,-id"]


def every_page(client, params: dict, *, limit: int) -> list[int]:
    ids, cursor = [], None
    while True:
        page = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        response = client.get("/v1/statements", params=page)
        assert response.status_code == 200, response.text
        ids += [s["id"] for s in response.json()["items"]]
        cursor = response.json()["next_cursor"]
        if not cursor:
            return ids


@pytest.mark.parametrize("sort", SORTS)
def test_sort_pages_in_the_stored_rows_order(corpus_client, stored, sort):
    """Pages of 40 end inside runs of ties and of nulls (undated documents, a statement without sentiment)."""
    expected = [row.id for row in sort_rows(stored.rows, sort)]
    assert every_page(corpus_client, {"sort": sort}, limit=40) == expected


@pytest.mark.parametrize("sort", ["id", "-id", "-published,expert", "sentiment"])
def test_sort_of_a_filtered_list(corpus_client, stored, sort):
    """A topic or mentions filter drives the query from its link table: the sort still holds."""
    p = picks(stored)
    for params in ({"topic": p.topic}, {"mentions": p.mentions}, {"topic": [p.topic2, p.topic3]}):
        expected = [row.id for row in sort_rows([r for r in stored.rows if keeps(params)(r)], sort)]
        assert every_page(corpus_client, {**params, "sort": sort}, limit=9) == expected


def test_relevance_pages_through_every_match(corpus_client, stored):
    matched = stored.ids(keeps({"q": "trade*"}))
    by_id = {row.id: row for row in stored.rows}
    for params in ({"q": "trade*"}, {"q": "trade*", "sort": "relevance"}, {"q": "trade*", "sort": "-relevance"},
                   {"q": "trade*", "sort": "relevance", "kind": "direct"}):
        whole = every_page(corpus_client, params, limit=500)
        assert every_page(corpus_client, params, limit=4) == whole
        assert sorted(whole) == [i for i in matched if keeps(params)(by_id[i])]


@pytest.mark.parametrize(("params", "param"), [
    ({"sort": "expert,expert"}, "sort"),
    ({"sort": "-expert,+expert"}, "sort"),
    ({"sort": "colour"}, "sort"),
    ({"sort": "relevance"}, "sort"),
])
def test_bad_sorts_are_422_naming_sort(corpus_client, params, param):
    response = corpus_client.get("/v1/statements", params=params)
    assert response.status_code == 422 and response.json()["param"] == param


def test_a_cursor_of_another_sort_is_a_422_naming_cursor(corpus_client):
    cursor = corpus_client.get("/v1/statements", params={"sort": "expert", "limit": 2}).json()["next_cursor"]
    response = corpus_client.get("/v1/statements", params={"sort": "-expert", "cursor": cursor})
    assert response.status_code == 422 and response.json()["param"] == "cursor"
    assert "sort=expert" in response.json()["detail"]
