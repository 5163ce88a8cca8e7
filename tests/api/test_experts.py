class TestListExperts:
    def test_the_seed_quotes_exactly_three_experts(self, client):
        names = {e["name"] for e in client.get("/v1/experts").json()["items"]}
        assert names == {"Serikzhan Mambetalin", "Evgeny Kudryats", "Roman Gurevich"}

    def test_experts_carry_nationality_countries_and_counts(self, client):
        by_name = {e["name"]: e for e in client.get("/v1/experts").json()["items"]}
        mambetalin = by_name["Serikzhan Mambetalin"]
        assert mambetalin["nationality"] == "Turkish-Kazakh"
        assert sorted(mambetalin["countries"]) == ["KZ", "TR"]
        assert mambetalin["statement_count"] > 0

    def test_filter_by_country(self, client):
        items = client.get("/v1/experts", params={"country": "il"}).json()["items"]
        assert [e["name"] for e in items] == ["Roman Gurevich"]

    def test_pages_follow_the_cursor_without_gaps_or_repeats(self, client):
        everyone = [e["id"] for e in client.get("/v1/experts").json()["items"]]
        seen, cursor = [], None
        while True:
            page = client.get("/v1/experts", params={"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
            seen += [e["id"] for e in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert seen == everyone


class TestReadExpert:
    def test_unknown_expert_is_a_404_problem(self, client):
        response = client.get("/v1/experts/999999")
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["status"] == 404

    def test_expert_topics_are_listed_most_frequent_first(self, client):
        expert = client.get("/v1/experts").json()["items"][0]
        topics = client.get(f"/v1/experts/{expert['id']}/topics").json()["items"]
        assert topics and all(t["statement_count"] >= 1 for t in topics)
        assert [t["statement_count"] for t in topics] == sorted((t["statement_count"] for t in topics), reverse=True)
