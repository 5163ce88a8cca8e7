import csv
import io
import json
from collections import Counter

import pytest

from app.schemas import StatementPage
from tests.api.test_statements import all_statements


class TestSearch:
    def test_ranked_search_finds_stemmed_words_and_marks_them(self, client):
        items = client.get("/v1/statements", params={"q": "sovereignty"}).json()["items"]
        assert items and all("sovereign" in s["text"].lower() for s in items)
        assert all("<mark>" in s["snippet"] for s in items)

    def test_snippets_agree_with_and_without_filters(self, client):
        """An unfiltered search reads its snippets with its page; a filtered one in a query of its own."""
        alone = {s["id"]: s["snippet"] for s in client.get("/v1/statements", params={"q": "energy*"}).json()["items"]}
        compared = 0
        for kind in ("direct", "indirect"):
            filtered = client.get("/v1/statements", params={"q": "energy*", "kind": kind}).json()["items"]
            both = [s for s in filtered if s["id"] in alone]
            assert all(s["snippet"] == alone[s["id"]] for s in both)
            compared += len(both)
        assert compared and all("<mark>" in snippet for snippet in alone.values())

    def test_phrase_and_prefix(self, client):
        phrase = client.get("/v1/statements", params={"q": '"energy security"'}).json()["items"]
        assert phrase and all("energy security" in s["text"].lower() for s in phrase)
        prefix = client.get("/v1/statements", params={"q": "multipol*"}).json()["items"]
        assert prefix and all("multipolar" in s["text"].lower() for s in prefix)

    def test_search_combines_with_filters_and_relevance_pages(self, client):
        everything = all_statements(client, q="Azerbaijan")
        direct = all_statements(client, q="Azerbaijan", kind="direct")
        assert direct and set(s["id"] for s in direct) < set(s["id"] for s in everything)
        paged = all_statements(client, q="Azerbaijan", limit=3)
        assert [s["id"] for s in paged] == [s["id"] for s in everything]

    @pytest.mark.parametrize("q", ['"unclosed', "a*b", "***", "*", 'energy"security"', '"sec*"'])
    def test_bad_query_syntax_is_a_422_naming_q(self, client, q):
        response = client.get("/v1/statements", params={"q": q})
        assert response.status_code == 422 and response.json()["param"] == "q"
        assert "not a search" in response.json()["detail"]

    def test_a_search_without_any_word_finds_nothing(self, client):
        response = client.get("/v1/statements", params={"q": "- !!", "total": "true"})
        assert response.status_code == 200 and response.json()["items"] == [] and response.json()["total"] == 0

    def test_total_of_a_search_counts_its_matches(self, client):
        body = client.get("/v1/statements", params={"q": "Azerbaijan", "total": "true", "limit": 1}).json()
        assert body["total"] == len(all_statements(client, q="Azerbaijan"))

    def test_relevance_without_q_is_refused(self, client):
        response = client.get("/v1/statements", params={"sort": "relevance"})
        assert response.status_code == 422 and response.json()["param"] == "sort"


class TestFacetsAndTotal:
    def test_facets_count_the_filtered_set(self, client):
        body = client.get(
            "/v1/statements",
            params={"topic": "energy", "facet": ["topic", "expert", "kind"], "total": "true", "limit": 1},
        ).json()
        energy = all_statements(client, topic="energy")
        assert body["total"] == len(energy)
        topics = {f["value"]: f["count"] for f in body["facets"]["topic"]}
        assert topics["energy"] == len(energy)
        assert sum(f["count"] for f in body["facets"]["kind"]) == len(energy)
        by_expert = {f["label"]: f["count"] for f in body["facets"]["expert"]}
        assert by_expert == {name: sum(s["expert"]["name"] == name for s in energy) for name in by_expert}

    def test_facets_of_a_lone_topic_count_its_statements(self, client):
        """One topic alone reads the topic's roll-up; it must agree with the statements listed."""
        for slug in [t["slug"] for t in client.get("/v1/topics").json()["items"]]:
            params = {"topic": slug, "facet": ["expert", "country", "kind"], "facet_size": 200, "limit": 1}
            facets = client.get("/v1/statements", params=params).json()["facets"]
            listed = all_statements(client, topic=slug, expand="expert")
            counted = {facet: {f["value"]: f["count"] for f in facets[facet]} for facet in facets}
            assert counted["expert"] == Counter(s["expert"]["id"] for s in listed)
            assert counted["kind"] == Counter(s["kind"] for s in listed)
            assert counted["country"] == Counter(c for s in listed for c in s["expert"]["countries"])
            assert {f["value"]: f["label"] for f in facets["expert"]} == {
                s["expert"]["id"]: s["expert"]["name"] for s in listed}

    def test_topic_facet_labels_are_the_topics_labels(self, client):
        labels = {t["slug"]: t["label"] for t in client.get("/v1/topics").json()["items"]}
        facets = client.get("/v1/statements", params={"facet": "topic", "facet_size": 100, "limit": 1}).json()
        assert facets["facets"]["topic"] and all(f["label"] == labels[f["value"]] for f in facets["facets"]["topic"])

    def test_unknown_facet_is_a_4xx_naming_facet(self, client):
        response = client.get("/v1/statements", params={"facet": "colour"})
        assert response.status_code == 422 and response.json()["param"].startswith("facet")


class TestSorting:
    def test_multi_key_sort_pages_in_order(self, client):
        items = all_statements(client, sort="expert,-sentiment", limit=4)
        keys = [(s["expert"]["name"], -(s["sentiment"] or 0)) for s in items]
        assert keys == sorted(keys) and len(items) == len(all_statements(client))

    def test_unknown_sort_field_is_a_422_naming_it(self, client):
        response = client.get("/v1/statements", params={"sort": "colour"})
        assert response.status_code == 422 and "colour" in response.json()["detail"]


class TestFieldsAndExpand:
    def test_sparse_fields(self, client):
        items = client.get("/v1/statements", params={"fields": "id,text"}).json()["items"]
        assert items and all(set(s) == {"id", "text"} for s in items)

    def test_expand_expert_and_document(self, client):
        (item,) = client.get("/v1/statements", params={"expand": "expert,document", "limit": 1}).json()["items"]
        assert item["expert"]["nationality"] and item["expert"]["countries"]
        assert item["document"]["id"] == item["document_id"] and "text" not in item["document"]

    def test_unknown_field_is_a_422_naming_fields(self, client):
        response = client.get("/v1/statements", params={"fields": "id,colour"})
        assert response.status_code == 422 and response.json()["param"] == "fields"


class TestExports:
    def test_csv_streams_every_matching_statement(self, client):
        response = client.get("/v1/statements", params={"kind": "direct", "limit": 2}, headers={"Accept": "text/csv"})
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        expected = all_statements(client, kind="direct")
        assert [int(r["id"]) for r in rows] == [s["id"] for s in expected]
        assert [r["expert_name"] for r in rows] == [s["expert"]["name"] for s in expected]
        assert rows[0]["text"] == expected[0]["text"] and rows[0]["topics"] == ";".join(expected[0]["topics"])

    def test_ndjson_streams_every_matching_statement(self, client):
        response = client.get("/v1/statements", params={"topic": "energy"}, headers={"Accept": "application/x-ndjson"})
        lines = [json.loads(line) for line in response.text.splitlines()]
        assert lines == all_statements(client, topic="energy")


class TestPageShape:
    """The list is written without the response model, so hold every shape of page to it exactly."""

    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"q": "Azerbaijan", "sort": "relevance"},
            {"expand": "expert,document"},
            {"facet": ["topic", "expert", "country"], "total": "true"},
            {"limit": 2, "sort": "-published,expert"},
        ],
    )
    def test_page_is_exactly_the_documented_model(self, client, params):
        body = client.get("/v1/statements", params=params).json()
        page = StatementPage.model_validate(body)
        assert page.items
        assert page.model_dump(mode="json") == body  # no key missing, none extra, same JSON values
