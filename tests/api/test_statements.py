import pytest


def all_statements(client, **params):
    items, cursor = [], None
    while True:
        page = client.get("/v1/statements", params={**params, "limit": 500, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if not cursor:
            return items


class TestListStatements:
    def test_every_statement_is_the_exact_span_of_its_document(self, client):
        texts = {}
        for s in all_statements(client):
            if s["document_id"] not in texts:
                texts[s["document_id"]] = client.get(f"/v1/documents/{s['document_id']}").json()["text"]
            text = texts[s["document_id"]]
            assert s["text"] == text[s["start"] : s["end"]]
            assert s["paragraph"] == text.count("\n", 0, s["start"])
            assert "\n" not in s["text"]

    @pytest.mark.parametrize(
        ("param", "value", "check"),
        [
            ("kind", "direct", lambda s: s["kind"] == "direct"),
            ("kind", "indirect", lambda s: s["kind"] == "indirect"),
            ("mentions", "RU", lambda s: "RU" in s["countries"]),
            ("topic", "energy", lambda s: "energy" in s["topics"]),
            ("forward_looking", "true", lambda s: s["forward_looking"]),
            ("sentiment_min", "0.5", lambda s: s["sentiment"] >= 0.5),
            ("confidence_min", "0.95", lambda s: s["confidence"] >= 0.95 and s["sieve"]),
        ],
    )
    def test_filters_keep_only_matching_statements(self, client, param, value, check):
        kept = all_statements(client, **{param: value})
        assert kept and all(check(s) for s in kept)
        assert len(kept) < len(all_statements(client))

    def test_expert_and_country_filters_agree(self, client):
        gurevich = client.get("/v1/experts", params={"country": "IL"}).json()["items"][0]
        by_id = all_statements(client, expert=gurevich["id"])
        by_country = all_statements(client, country="IL")
        assert by_id == by_country and {s["expert"]["name"] for s in by_id} == {"Roman Gurevich"}

    def test_topic_mode_all_is_narrower_than_any(self, client):
        both = {"topic": ["energy", "economy"]}
        any_ = all_statements(client, **both)
        all_ = all_statements(client, **both, topic_mode="all")
        assert all_ and len(all_) < len(any_)
        assert all({"energy", "economy"} <= set(s["topics"]) for s in all_)


class TestStatementErrors:
    @pytest.mark.parametrize(
        ("params", "param"),
        [
            ({"limit": "0"}, "limit"),
            ({"limit": "many"}, "limit"),
            ({"kind": "rumour"}, "kind"),
            ({"sentiment_min": "2"}, "sentiment_min"),
            ({"confidence_min": "1.5"}, "confidence_min"),
            ({"country": "Germany"}, "country"),
            ({"cursor": "not-a-cursor"}, "cursor"),
            ({"expert": "x"}, "expert"),
            ({"colour": "red"}, "colour"),
        ],
    )
    def test_bad_parameters_are_4xx_problems_naming_the_parameter(self, client, params, param):
        response = client.get("/v1/statements", params=params)
        assert 400 <= response.status_code < 500
        assert response.headers["content-type"].startswith("application/problem+json")
        body = response.json()
        assert body["param"] == param and param in body["detail"]
        assert {"type", "title", "status", "detail"} <= set(body)

    def test_unknown_statement_is_404(self, client):
        assert client.get("/v1/statements/424242").status_code == 404
