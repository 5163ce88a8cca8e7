"""GET / (statement search, the API's filters and cursors) and GET /experts/{id} (profile, statements, topics)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from app.db import get_engine
from app.ingest import pipeline
from app.main import create_app

RESULT = re.compile(r'<a href="/documents/(\d+)#s(\d+)">')


def shown(html: str) -> list[int]:
    """The statement ids a list page shows, in order, each linked to its place in the article."""
    return [int(statement) for _, statement in RESULT.findall(html)]


def next_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]+)" rel="next">', html)
    return found[1].replace("&amp;", "&") if found else None


def api_ids(client, **params) -> list[int]:
    return [s["id"] for s in client.get("/v1/statements", params={"limit": 500, **params}).json()["items"]]


@pytest.mark.parametrize("params", [
    {}, {"kind": "direct"}, {"topic": "energy"}, {"topic": ["energy", "russia"]}, {"mentions": "RU"},
    {"country": "IL"}, {"forward_looking": "true"}, {"confidence_min": "0.9"}, {"q": "energy"}, {"expert": "2"},
    {"sort": "-sentiment"}, {"sentiment_min": "0.5", "sort": "expert"},
])
def test_the_search_page_shows_what_the_api_lists(client, params):
    response = client.get("/", params=params)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert shown(response.text) == api_ids(client, **params) != []


def test_a_search_form_sent_with_empty_fields_means_any(client):
    empty = {name: "" for name in ("q", "topic", "kind", "forward_looking", "country", "mentions", "confidence_min",
                                   "sort")}
    assert shown(client.get("/", params={**empty, "kind": "indirect"}).text) == api_ids(client, kind="indirect")


def test_search_results_page_with_the_apis_cursors(client):
    seen, url = [], "/?limit=10&kind=direct"
    while url:
        html = client.get(url).text
        seen += shown(html)
        url = next_link(html)
        if url:
            cursor = parse_qs(urlsplit(url).query)["cursor"][0]
            api = client.get("/v1/statements", params={"limit": 10, "kind": "direct", "cursor": cursor})
            assert api.status_code == 200  # the page's cursor is the API's
    assert seen == api_ids(client, kind="direct") and len(seen) > 10


def test_filters_not_in_the_form_are_kept_when_it_is_sent_again(client):
    html = client.get("/", params={"sentiment_min": "0.5", "topic": ["energy", "russia"]}).text
    assert '<input type="hidden" name="sentiment_min" value="0.5">' in html
    assert '<input type="hidden" name="topic" value="russia">' in html


def test_search_snippets_mark_the_words_and_escape_the_rest(empty_url, taxonomy, tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text('Calm\n"Prices will rise," said economist John Smith of Acme.\n'
                       "Smith added that the <script>alert(1)</script> markets would stay calm.\n")
    pipeline.ingest([article], engine=get_engine(empty_url), taxonomy=taxonomy)
    client = TestClient(create_app(empty_url))
    [item] = client.get("/v1/statements", params={"q": "markets"}).json()["items"]
    html = client.get("/", params={"q": "markets"}).text
    quote = re.search(r"<blockquote[^>]*>(.*?)</blockquote>", html, re.S)[1]
    assert "<mark>markets</mark>" in quote and re.findall(r"<[^>]*>", quote) == ["<mark>", "</mark>"]
    # the snippet's other text as text: SQLite's keeps "<script>" (escaped here), PostgreSQL's drops tags
    assert unescape(quote.replace("<mark>", "").replace("</mark>", "")) == re.sub("</?mark>", "", item["snippet"])


@pytest.mark.parametrize(("params", "param"), [
    ({"kind": "bad"}, "kind"), ({"confidence_min": "2"}, "confidence_min"), ({"expert": "abc"}, "expert"),
    ({"cursor": "not-a-cursor"}, "cursor"), ({"fields": "id"}, "fields"), ({"sort": "colour"}, "sort"),
    ({"q": '"open'}, "q"), ({"sort": "relevance"}, "sort"), ({"kind": ["direct", "indirect"]}, "kind"),
])
def test_a_bad_filter_is_a_422_page_naming_it(client, params, param):
    response = client.get("/", params=params)
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert f'<code class="param">{param}</code>' in response.text
    api = client.get("/v1/statements", params=params)  # the API refuses the same (fields aside: the API takes it)
    assert api.headers["content-type"] == "application/problem+json" or param == "fields"


def test_the_expert_page_shows_the_profile(client):
    expert = client.get("/v1/experts/3").json()
    html = client.get("/experts/3").text
    assert f"<h1>{expert['name']}</h1>" in html
    for value in (expert["nationality"], *expert["countries"], *expert["roles"], *expert["affiliations"],
                  *expert["aliases"]):
        assert value in html


def test_the_expert_page_lists_statements_newest_first_with_cursors(client):
    expected = api_ids(client, expert=3, sort="-published,-id")
    seen, url = [], "/experts/3?limit=4"
    while url:
        html = client.get(url).text
        seen += shown(html)
        url = next_link(html)
    assert seen == expected and len(expected) > 4


def test_the_expert_page_counts_topics(client):
    topics = client.get("/v1/experts/3/topics", params={"limit": 500}).json()["items"]
    html = client.get("/experts/3").text
    rows = re.findall(r'topic=([a-z0-9-]+)">[^<]+</a></td>\s*<td class="num">(\d+)</td>', html)
    assert rows == [(t["slug"], str(t["statement_count"])) for t in topics] != []


def test_a_missing_expert_is_a_404_page(client):
    response = client.get("/experts/999999")
    assert response.status_code == 404 and "no expert with id 999999" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert client.get("/v1/experts/999999").headers["content-type"] == "application/problem+json"
