"""Every statement filter, alone and combined on each path the query layer takes, against the corpus.

Each row's answer is compared with the filters' meaning computed in Python from the stored rows
(tests/api/reference.py); each parameter of a row must change that answer, so removing any filter
clause fails a row.
"""

from __future__ import annotations

import pytest

from app.schemas import StatementFilters
from tests.api.reference import keeps, picks

# name -> the query parameters, from the corpus's picks (p)
FILTERS = {
    "expert": lambda p: {"expert": p.expert},
    "document": lambda p: {"document": p.document},
    "topic": lambda p: {"topic": [p.topic]},
    "topic, any of two": lambda p: {"topic": [p.topic2, p.topic3]},
    "topic, all of two": lambda p: {"topic": [p.topic, p.topic2], "topic_mode": "all"},
    "topic, all of three": lambda p: {"topic": p.three_topics, "topic_mode": "all"},
    "topic, an unknown one among two": lambda p: {"topic": ["no-such-topic", p.topic2]},
    "country": lambda p: {"country": p.country},
    "country, lower case": lambda p: {"country": p.country.lower()},
    "mentions": lambda p: {"mentions": p.mentions},
    "mentions, lower case": lambda p: {"mentions": p.mentions.lower()},
    "kind direct": lambda p: {"kind": "direct"},
    "kind indirect": lambda p: {"kind": "indirect"},
    "forward_looking true": lambda p: {"forward_looking": "true"},
    "forward_looking false": lambda p: {"forward_looking": "false"},
    "sentiment_min": lambda p: {"sentiment_min": p.sentiment_high},
    "sentiment_max": lambda p: {"sentiment_max": p.sentiment_low},
    "sentiment_min and sentiment_max": lambda p: {"sentiment_min": p.sentiment_low, "sentiment_max": p.sentiment_high},
    "confidence_min": lambda p: {"confidence_min": p.confidence},
    "outlet": lambda p: {"outlet": p.outlet},
    "updated_since": lambda p: {"updated_since": p.updated_since},
    "q, a prefix": lambda p: {"q": "trade*"},
    "q, a phrase": lambda p: {"q": '"tangible benefits"'},
    "q, two words": lambda p: {"q": "corridor* risk*"},
    # combinations, one per path of app/queries/filters.py
    "topic and mentions": lambda p: {"topic": [p.topic], "mentions": p.mentions},
    "topic (all of two) and mentions": lambda p: {"topic": [p.topic, p.topic2], "topic_mode": "all",
                                                  "mentions": p.pair_mentions},
    "topic (any of two) and mentions": lambda p: {"topic": [p.topic2, p.topic3], "mentions": p.mentions},
    "topic and row filters": lambda p: {"topic": [p.topic], "kind": "direct", "forward_looking": "false"},
    "topic (any of two) and a row filter": lambda p: {"topic": [p.topic2, p.topic3], "kind": "indirect"},
    "mentions and row filters": lambda p: {"mentions": p.mentions, "kind": "direct", "sentiment_min": p.sentiment_low},
    "expert and document": lambda p: {"expert": p.expert, "document": p.experts_document},
    "country and outlet": lambda p: {"country": p.country, "outlet": p.outlet},
    "topic and updated_since": lambda p: {"topic": [p.topic], "updated_since": p.updated_since},
    "q and kind": lambda p: {"q": "trade*", "kind": "direct"},
    "q and topic": lambda p: {"q": "corridor*", "topic": [p.topic]},
    "q and mentions": lambda p: {"q": "trade*", "mentions": p.trade_mentions},
    # review status: rejected statements are left out unless asked for
    "status rejected": lambda p: {"status": ["rejected"]},
    "status accepted": lambda p: {"status": ["accepted"]},
    "status unreviewed and rejected": lambda p: {"status": ["unreviewed", "rejected"]},
    "status rejected, on a topic": lambda p: {"status": ["rejected"], "topic": [p.topic]},
    "status rejected, mentioning a country": lambda p: {"status": ["rejected"], "mentions": p.mentions},
    "status rejected and a search": lambda p: {"status": ["rejected", "accepted"], "q": "trade*"},
}


def statement_ids(client, params: dict) -> tuple[list[int], int]:
    """Every matching statement's id (one page of 500 holds the corpus), and the answer's total."""
    response = client.get("/v1/statements", params={**params, "limit": 500, "total": "true"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None
    return [s["id"] for s in body["items"]], body["total"]


@pytest.mark.parametrize("name", FILTERS)
def test_filter_answers_what_the_stored_rows_say(corpus_client, stored, name):
    params = FILTERS[name](picks(stored))
    if "q" in params:
        params["sort"] = "id"
    expected = stored.every_id(keeps(params))
    for dropped in params.keys() - {"sort"}:  # every parameter narrows: its clause is pinned here
        wider = stored.every_id(keeps({k: v for k, v in params.items() if k != dropped}))
        assert wider != expected, f"{name}: {dropped} changes nothing on this corpus"
    ids, total = statement_ids(corpus_client, params)
    assert expected and ids == expected and total == len(expected)


def test_the_documented_parameters_are_the_filters(corpus_client):
    """/openapi.json lists every filter as an optional query parameter with a working example."""
    operation = corpus_client.get("/openapi.json").json()["paths"]["/v1/statements"]["get"]
    documented = {p["name"]: p for p in operation["parameters"]}
    assert documented.keys() == StatementFilters.model_fields.keys()
    for name, parameter in documented.items():
        assert parameter["in"] == "query" and parameter["required"] is False and parameter["description"]
        assert parameter.get("explode") is (True if name in {"topic", "facet", "status"} else None), name
        example = parameter["example"]
        if name != "cursor":
            StatementFilters.model_validate({name: example})
        assert "title" not in parameter["schema"] and "description" not in parameter["schema"]
    assert documented["limit"]["schema"]["maximum"] == 500


def test_no_filter_answers_every_statement_but_the_rejected(corpus_client, stored):
    assert stored.rejected and statement_ids(corpus_client, {}) == (stored.ids(), len(stored.rows))


def test_every_status_answers_every_statement(corpus_client, stored):
    every = sorted(row.id for row in [*stored.rows, *stored.rejected])
    assert statement_ids(corpus_client, {"status": ["unreviewed", "accepted", "rejected"]}) == (every, len(every))


@pytest.mark.parametrize("params", [{"topic": "no-such-topic"}, {"mentions": "ZZ"}, {"outlet": "No Such Outlet"},
                                    {"topic": ["no-such-topic", "nor-this"], "topic_mode": "all"}])
def test_a_value_no_statement_has_answers_nothing(corpus_client, params):
    assert statement_ids(corpus_client, params) == ([], 0)


def test_a_statement_without_sentiment_passes_no_sentiment_bound(corpus_client, stored):
    (unscored,) = [row.id for row in stored.rows if row.sentiment is None]
    for bound in ({"sentiment_min": -1}, {"sentiment_max": 1}):
        ids, _ = statement_ids(corpus_client, bound)
        assert unscored not in ids and len(ids) == len(stored.rows) - 1



def every_item(client, path: str) -> list[dict]:
    """Every item of a paged list, following next_cursor."""
    items, cursor = [], None
    while True:
        page = client.get(path, params={"limit": 500, **({"cursor": cursor} if cursor else {})}).json()
        items += page["items"]
        if not (cursor := page["next_cursor"]):
            return items

class TestOtherLists:
    def test_experts_of_a_country_page_by_id(self, corpus_client, stored):
        code = picks(stored).country
        expected = [i for i in sorted(stored.experts) if code in stored.experts[i]["countries"]]
        assert 1 < len(expected) < len(stored.experts)
        for asked in (code, code.lower()):
            assert pages(corpus_client, "/v1/experts", {"country": asked}, limit=1) == expected

    def test_experts_carry_their_countries_and_statement_counts(self, corpus_client, stored):
        listed = {e["id"]: e for e in corpus_client.get("/v1/experts", params={"limit": 500}).json()["items"]}
        assert listed.keys() == stored.experts.keys()
        for expert_id, expert in stored.experts.items():
            count = sum(row.expert_id == expert_id for row in stored.rows)
            assert listed[expert_id]["countries"] == expert["countries"]
            assert listed[expert_id]["statement_count"] == count

    def test_documents_page_by_id_with_their_statement_counts(self, corpus_client, stored):
        assert pages(corpus_client, "/v1/documents", {}, limit=10) == sorted(stored.documents)
        listed = corpus_client.get("/v1/documents", params={"limit": 500}).json()["items"]
        for document in listed:
            stored_document = stored.documents[document["id"]]
            assert document["outlet"] == stored_document["outlet"] and document["title"] == stored_document["title"]
            assert document["statement_count"] == sum(row.document_id == document["id"] for row in stored.rows)

    def test_each_document_has_its_text_and_statement_count(self, corpus_client, stored):
        counts = {i: sum(row.document_id == i for row in stored.rows) for i in stored.documents}
        assert 0 in counts.values()  # a document that quotes no one
        for document_id, count in counts.items():
            document = corpus_client.get(f"/v1/documents/{document_id}").json()
            assert document["statement_count"] == count
            assert document["text"].startswith(stored.documents[document_id]["title"])

    def test_each_statement_reads_as_it_is_listed(self, corpus_client, stored):
        listed = corpus_client.get("/v1/statements", params={"document": picks(stored).document}).json()["items"]
        assert listed and all(corpus_client.get(f"/v1/statements/{s['id']}").json() == s for s in listed)

    @pytest.mark.parametrize("path", ["/v1/experts/{}", "/v1/experts/{}/topics", "/v1/documents/{}",
                                      "/v1/documents/{}/annotations", "/v1/statements/{}"])
    def test_an_unknown_id_is_a_404_naming_it(self, corpus_client, path):
        response = corpus_client.get(path.format(987654))
        assert response.status_code == 404 and "987654" in response.json()["detail"]

    def test_topics_carry_their_statement_counts(self, corpus_client, stored):
        counts = {t["slug"]: t["statement_count"] for t in every_item(corpus_client, "/v1/topics")}
        assert counts == {slug: sum(slug in row.topics for row in stored.rows) for slug in stored.topics}

    def test_topic_experts_most_active_first_with_their_mean_sentiment(self, corpus_client, stored):
        slug = picks(stored).topic2
        on_topic = [row for row in stored.rows if slug in row.topics]
        expected = speakers(on_topic, key=lambda row: row.expert_id)
        expected.sort(key=lambda e: (-e["statement_count"], e["key"]))
        for limit in (500, 3):
            answer = corpus_client.get(f"/v1/topics/{slug}/experts", params={"limit": limit}).json()["items"]
            assert [(e["id"], e["statement_count"]) for e in answer] == [
                (e["key"], e["statement_count"]) for e in expected[:limit]]
            assert all(e["name"] == stored.experts[e["id"]]["name"] for e in answer)
            assert [e["average_sentiment"] for e in answer] == pytest.approx(
                [e["average_sentiment"] for e in expected[:limit]])

    def test_expert_topics_most_frequent_first_with_their_mean_sentiment(self, corpus_client, stored):
        expert_id = picks(stored).expert
        by_topic = [(slug, row) for row in stored.rows if row.expert_id == expert_id for slug in row.topics]
        expected = speakers([row for _, row in by_topic], key=None, keys=[slug for slug, _ in by_topic])
        expected.sort(key=lambda e: (-e["statement_count"], e["key"]))
        answer = every_item(corpus_client, f"/v1/experts/{expert_id}/topics")
        assert [(t["slug"], t["statement_count"]) for t in answer] == [
            (e["key"], e["statement_count"]) for e in expected]
        assert all(t["label"] == stored.topics[t["slug"]]["label"] for t in answer)
        assert [t["average_sentiment"] for t in answer] == pytest.approx([e["average_sentiment"] for e in expected])


def speakers(rows, *, key, keys=None) -> list[dict]:
    """Statement count and mean sentiment (nulls left out) per key."""
    groups: dict = {}
    for k, row in zip(keys or [key(row) for row in rows], rows, strict=True):
        groups.setdefault(k, []).append(row)
    out = []
    for k, group in groups.items():
        scored = [row.sentiment for row in group if row.sentiment is not None]
        out.append({"key": k, "statement_count": len(group),
                    "average_sentiment": sum(scored) / len(scored) if scored else None})
    return out


def pages(client, path: str, params: dict, *, limit: int) -> list[int]:
    """The ids of every item of a list, read page by page."""
    ids, cursor = [], None
    while True:
        body = client.get(path, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})}).json()
        ids += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            return ids
