"""The HTTP contract under any input: bounded ids and cursors, exports checked before their first
byte, content negotiation, HEAD and Allow, Link headers, one rule for unknown and repeated
parameters, and every list paged."""

import base64
import json
import re

import pytest

from app.queries.pagination import encode_cursor

PROBLEM = "application/problem+json"
HUGE = str(2**63)
MAX_ID = 2**31 - 1  # ids are INTEGER: 32-bit on PostgreSQL
PAGED = ["/v1/statements", "/v1/experts", "/v1/topics", "/v1/experts/1/topics", "/v1/topics/energy/experts",
         "/v1/documents/1/annotations"]  # more than one page of two on the seed
LISTS = [*PAGED, "/v1/documents"]  # the seed is one document: /v1/documents pages by id as /v1/experts does
GETS = [*LISTS, "/v1/statements/1", "/v1/experts/1", "/v1/documents/1", "/v1/topics/energy", "/healthz"]


def hand_made(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def assert_problem(response, status, param=None):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and {"type", "title", "detail"} <= set(body)
    if param:
        assert body["param"] == param and param in body["detail"]


class TestBoundedIds:
    @pytest.mark.parametrize("path", ["/v1/experts/{}", "/v1/statements/{}", "/v1/documents/{}",
                                      "/v1/documents/{}/annotations", "/v1/experts/{}/topics"])
    def test_an_id_past_the_column_is_a_422_and_the_largest_one_a_404(self, client, path):
        for too_big in (HUGE, MAX_ID + 1):
            assert_problem(client.get(path.format(too_big)), 422)
        assert_problem(client.get(path.format(MAX_ID)), 404)

    @pytest.mark.parametrize("param", ["expert", "document"])
    def test_an_id_filter_past_the_column_is_a_422_naming_it(self, client, param):
        for too_big in (HUGE, MAX_ID + 1):
            assert_problem(client.get("/v1/statements", params={param: too_big}), 422, param)
        assert client.get("/v1/statements", params={param: MAX_ID}).json()["items"] == []

    @pytest.mark.parametrize("values", [["id", 1e308], ["id", 2**63], ["id", MAX_ID + 1], ["id", "7"], ["id", True],
                                        ["id", None, 1],
                                        "x", [["id"], 1], ["slug", 5]])
    @pytest.mark.parametrize("path", ["/v1/statements", "/v1/experts", "/v1/documents", "/v1/topics",
                                      "/v1/documents/1/annotations"])
    def test_hand_made_cursors_are_422s_naming_cursor(self, client, path, values):
        assert_problem(client.get(path, params={"cursor": hand_made(values)}), 422, "cursor")

    @pytest.mark.parametrize("cursor", ["WyJpZCIsMWUzMDhd", "!!", "[" * 2000, hand_made(["offset", -1]),
                                        hand_made(["offset", 2**63]), hand_made(["id", 3])])
    @pytest.mark.parametrize("path", ["/v1/topics/energy/experts", "/v1/experts/1/topics", "/v1/statements"])
    def test_malformed_and_foreign_cursors_are_422s(self, client, path, cursor):
        if path == "/v1/statements" and cursor == hand_made(["id", 3]):
            cursor = hand_made(["offset", 3])  # a cursor of another list
        assert_problem(client.get(path, params={"cursor": cursor}), 422, "cursor")

    def test_a_sentiment_cursor_refuses_infinity(self, client):
        raw = json.dumps(["sentiment,id", float("inf"), 1])  # json writes Infinity, which json.loads reads back
        cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        assert_problem(client.get("/v1/statements", params={"sort": "sentiment", "cursor": cursor}), 422, "cursor")

    @pytest.mark.parametrize("value", [True, "0.5", [0.5]])
    def test_a_sentiment_cursor_refuses_what_is_not_a_number(self, client, value):
        cursor = hand_made(["sentiment,id", value, 1])
        assert_problem(client.get("/v1/statements", params={"sort": "sentiment", "cursor": cursor}), 422, "cursor")


class TestExportsCheckFirst:
    @pytest.mark.parametrize(("params", "param"), [({"q": "ener*gy"}, "q"), ({"q": "*"}, "q"),
                                                    ({"sort": "nonsense"}, "sort"), ({"sort": "relevance"}, "sort"),
                                                    ({"sort": "id,id"}, "sort"), ({"kind": "rumour"}, "kind"),
                                                    ({"colour": "red"}, "colour")])
    @pytest.mark.parametrize("accept", ["text/csv", "application/x-ndjson"])
    def test_a_bad_parameter_is_a_problem_before_any_byte(self, client, params, param, accept):
        assert_problem(client.get("/v1/statements", params=params, headers={"Accept": accept}), 422, param)


class TestNegotiation:
    @pytest.mark.parametrize(("accept", "expected"), [
        (None, "application/json"), ("*/*", "application/json"), ("", "application/json"),
        ("application/json, text/csv;q=0.1", "application/json"),
        ("text/csv;q=0.1, application/json", "application/json"),
        ("text/csv, application/json;q=0.5", "text/csv"), ("text/*", "text/csv"),
        ("text/csv;q=0, */*", "application/json"), ("application/x-ndjson", "application/x-ndjson"),
    ])
    def test_q_values_choose_the_answer(self, client, accept, expected):
        headers = {"Accept": accept} if accept is not None else {}
        response = client.get("/v1/statements", params={"limit": 1}, headers=headers)
        assert response.status_code == 200 and response.headers["content-type"].startswith(expected)
        assert response.headers["vary"] == "Accept"

    @pytest.mark.parametrize(("path", "accept"), [("/v1/statements", "text/csv;q=0"), ("/v1/experts", "text/csv"),
                                                  ("/v1/topics/energy", "text/html"), ("/healthz", "image/png"),
                                                  ("/v1/documents/1/annotations", "text/csv")])
    def test_nothing_acceptable_is_a_406(self, client, path, accept):
        response = client.get(path, headers={"Accept": accept})
        assert_problem(response, 406)
        assert "application/json" in response.json()["offered"]

    def test_annotations_are_json_ld_unless_json_is_preferred(self, client):
        assert client.get("/v1/documents/1/annotations").headers["content-type"].startswith("application/ld+json")
        as_json = client.get("/v1/documents/1/annotations", headers={"Accept": "application/json"})
        assert as_json.headers["content-type"] == "application/json" and as_json.json()["type"] == "AnnotationPage"

    def test_every_negotiated_answer_varies_on_accept_even_304_and_errors(self, client):
        ok = client.get("/v1/topics")
        assert ok.headers["vary"] == "Accept" and "public" in ok.headers["cache-control"]
        again = client.get("/v1/topics", headers={"If-None-Match": ok.headers["etag"]})
        assert again.status_code == 304 and again.headers["vary"] == "Accept"
        assert client.get("/v1/topics", headers={"Accept": "text/csv"}).headers["vary"] == "Accept"


class TestMethods:
    @pytest.mark.parametrize("path", GETS)
    def test_head_answers_the_get_headers_without_a_body(self, client, path):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.headers.get("etag") == get.headers.get("etag")
        assert head.headers.get("content-length") == get.headers.get("content-length")

    @pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "TRACE", "PATCH"])
    @pytest.mark.parametrize(("path", "allow"), [("/v1/statements", "GET, HEAD, POST"),
                                                 ("/v1/experts/1", "GET, HEAD, PATCH"), ("/healthz", "GET, HEAD")])
    def test_other_methods_are_405_with_allow(self, client, method, path, allow):
        if method in allow:
            pytest.skip(f"{method} {path} is an operation")
        response = client.request(method, path)
        assert_problem(response, 405)
        assert response.headers["allow"] == allow


class TestPaging:
    @pytest.mark.parametrize("path", PAGED)
    def test_every_list_is_items_and_next_cursor_with_a_link_to_the_next_page(self, client, path):
        first = client.get(path, params={"limit": 1})
        body = first.json()
        assert set(body) >= {"items", "next_cursor"} and len(body["items"]) == 1
        assert body["next_cursor"], "the seed has more than one of each"
        link = first.headers["link"]
        assert link.startswith("<http") and link.endswith('>; rel="next"')
        following = client.get(link[1:link.index(">")])
        assert following.status_code == 200 and following.json()["items"] != body["items"]
        assert following.json()["items"] == client.get(path, params={"limit": 1, "cursor": body["next_cursor"]}).json()[
            "items"]

    @pytest.mark.parametrize("path", PAGED)
    def test_paging_to_the_end_gives_every_item_once_and_no_link_on_the_last_page(self, client, path):
        everything = client.get(path, params={"limit": 500}).json()["items"]
        seen, cursor = [], None
        while True:
            page = client.get(path, params={"limit": 2, **({"cursor": cursor} if cursor else {})})
            seen += page.json()["items"]
            cursor = page.json()["next_cursor"]
            if not cursor:
                assert "link" not in page.headers
                break
        assert seen == everything and len(everything) > 2

    def test_a_single_page_has_no_next(self, client):
        page = client.get("/v1/documents")
        assert page.json()["next_cursor"] is None and len(page.json()["items"]) == 1 and "link" not in page.headers

    def test_the_link_keeps_the_other_parameters(self, client):
        link = client.get("/v1/statements", params={"topic": ["energy", "economy"], "limit": 1}).headers["link"]
        assert "topic=energy" in link and "topic=economy" in link and "limit=1" in link

    def test_annotation_pages_say_where_the_next_one_is(self, client):
        page = client.get("/v1/documents/1/annotations", params={"limit": 2}).json()
        assert len(page["items"]) == 2 and "cursor=" in page["next"] and page["next_cursor"]


class TestParameterRules:
    @pytest.mark.parametrize("path", GETS)
    def test_an_unknown_parameter_is_a_422_naming_it(self, client, path):
        assert_problem(client.get(path, params={"colour": "red"}), 422, "colour")

    @pytest.mark.parametrize(("path", "param", "value"), [("/v1/statements", "kind", "direct"),
                                                          ("/v1/statements", "q", "energy"),
                                                          ("/v1/experts", "limit", "2"),
                                                          ("/v1/topics", "cursor", "x")])
    def test_a_repeated_single_valued_parameter_is_a_422_naming_it(self, client, path, param, value):
        assert_problem(client.get(f"{path}?{param}={value}&{param}={value}"), 422, param)

    def test_repeatable_parameters_may_repeat(self, client):
        assert client.get("/v1/statements?topic=energy&topic=economy&facet=kind&facet=topic").status_code == 200


def test_filters_that_test_a_link_table_combine_with_facets_that_join_it(client):
    """An EXISTS on statement_topic / statement_country beside a facet joining the same table."""
    both = client.get("/v1/statements", params={"topic": ["energy", "economy"], "facet": "topic", "total": "true"})
    assert both.status_code == 200
    counts = {f["value"]: f["count"] for f in both.json()["facets"]["topic"]}
    for slug in ("energy", "economy"):
        assert counts[slug] == client.get("/v1/statements", params={"topic": slug, "total": "true"}).json()["total"]
    russia = client.get("/v1/statements", params={"mentions": "RU", "topic": "energy", "facet": "mentions",
                                                  "total": "true"}).json()
    assert {f["value"]: f["count"] for f in russia["facets"]["mentions"]}["RU"] == russia["total"] > 0


def test_cursor_encoding_round_trips_through_the_api(client):
    cursor = encode_cursor(["id", 1])
    items = client.get("/v1/statements", params={"cursor": cursor, "limit": 1}).json()["items"]
    assert items and items[0]["id"] > 1


class TestDocumentedOperations:
    """/openapi.json against the answers: each operation documents exactly the statuses it gives, the
    headers of its 200, examples it accepts, and links that lead to an answer."""

    KNOWN = {"statement_id": "1", "expert_id": "1", "document_id": "1", "slug": "energy"}
    UNKNOWN = {"statement_id": "987654", "expert_id": "987654", "document_id": "987654", "slug": "astrology"}

    @staticmethod
    def operations(client) -> dict[str, dict]:
        """The read operations (GET) by path; the writes' statuses are pinned by tests/writes."""
        return {path: ops["get"] for path, ops in client.get("/openapi.json").json()["paths"].items() if "get" in ops}

    @staticmethod
    def first_page(operation: dict) -> dict:
        """A page of one item for a paged list (the seed has more): its answer has a next page."""
        return {"limit": 1} if any(p["name"] == "limit" for p in operation.get("parameters", [])) else {}

    def test_the_documented_statuses_are_those_answered(self, client):
        for template, operation in self.operations(client).items():
            path, first_page = template.format(**self.KNOWN), self.first_page(operation)
            ok = client.get(path, params=first_page)
            answered = {ok.status_code, client.get(path, headers={"Accept": "image/png"}).status_code,
                        client.get(path, params={"colour": "red"}).status_code}
            if "etag" in ok.headers:
                revalidated = client.get(path, params=first_page, headers={"If-None-Match": ok.headers["etag"]})
                answered.add(revalidated.status_code)
            if "{" in template:
                answered.add(client.get(template.format(**self.UNKNOWN)).status_code)
            merged_away = {"308"}  # answered only for an expert merged into another (pinned in tests/writes)
            assert set(operation["responses"]) - merged_away == {str(status) for status in answered}, template
            documented = set(operation["responses"]["200"].get("headers", {}))
            assert {h for h in ("ETag", "Link") if h in ok.headers} <= documented <= {"ETag", "Link"}, template
            assert ("ETag" in documented) == ("etag" in ok.headers), template

    def test_errors_are_documented_as_problems(self, client):
        spec = client.get("/openapi.json").json()
        assert {"type", "title", "status", "detail"} <= set(spec["components"]["schemas"]["Problem"]["required"])
        for template, operation in self.operations(client).items():
            for status, response in operation["responses"].items():
                if status >= "400":
                    assert response["content"] == {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}, \
                        (template, status)

    def test_every_schema_reference_resolves(self, client):
        spec = client.get("/openapi.json").json()
        text = json.dumps(spec)
        references = set(re.findall(r'"\$ref": "([^"]*)"', text))
        assert "#/components/schemas/ProblemParam" in references  # the Problem schema's own
        assert {ref.removeprefix("#/components/schemas/") for ref in references} <= set(spec["components"]["schemas"])

    def test_the_documented_examples_make_a_valid_request(self, client):
        for template, operation in self.operations(client).items():
            examples = {p["name"]: p["example"] for p in operation.get("parameters", []) if p["in"] == "query"}
            assert client.get(template.format(**self.KNOWN), params=examples).status_code == 200, template

    def test_every_link_leads_to_its_operation(self, client):
        spec = client.get("/openapi.json").json()
        for template, operation in self.operations(client).items():
            request = self.first_page(operation)
            body = client.get(template.format(**self.KNOWN), params=request).json()
            for name, link in operation["responses"]["200"].get("links", {}).items():
                pointer = link["operationRef"].removeprefix("#/paths/").removesuffix("/get")
                target = pointer.replace("~1", "/").replace("~0", "~")
                accepted = {p["name"] for p in spec["paths"][target]["get"].get("parameters", [])}
                values = {param: self.resolve(expression, body, request, template)
                          for param, expression in link["parameters"].items()}
                assert set(values) <= accepted, (template, name)
                path_values = {k: v for k, v in values.items() if "{" + k + "}" in target}
                query = {k: v for k, v in values.items() if k not in path_values and v is not None}
                response = client.get(target.format(**path_values), params=query)
                assert response.status_code == 200, (template, name, response.text)

    def resolve(self, expression: str, body: dict, request: dict, template: str):
        """A runtime expression of an OpenAPI link, against one answer (absent query values are None)."""
        if expression.startswith("$response.body#/"):
            value = body
            for part in expression.removeprefix("$response.body#/").split("/"):
                value = value[int(part)] if isinstance(value, list) else value[part]
            return value
        if expression.startswith("$request.path."):
            name = expression.removeprefix("$request.path.")
            assert "{" + name + "}" in template
            return self.KNOWN[name]
        assert expression.startswith("$request.query."), expression
        return request.get(expression.removeprefix("$request.query."))
