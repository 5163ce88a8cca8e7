"""GET /documents/{id}: the article as written, every statement in one mark naming its speaker."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.db import get_engine
from app.ingest import pipeline
from app.main import create_app
from tests.web.reading import read_page


def statements_of(client: TestClient, document_id: int) -> list[dict]:
    return client.get("/v1/statements", params={"document": document_id, "limit": 500}).json()["items"]


@pytest.fixture(scope="module")
def seed_page(client):
    response = client.get("/documents/1")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    return read_page(response.text)


def test_each_statement_is_one_mark_with_its_id_text_and_speaker(client, seed_page):
    statements = statements_of(client, 1)
    assert len(statements) == 34  # the seed's; each is checked below
    by_statement = {m.statement: m for m in seed_page.marks}
    assert len(seed_page.marks) == len(by_statement) == len(statements)  # no overlap in the seed: one mark each
    for s in statements:
        mark = by_statement[s["id"]]
        assert (mark.id, mark.text, mark.speaker) == (f"s{s['id']}", s["text"], s["expert"]["name"])


def test_the_article_reads_as_written(client, seed_page):
    text = client.get("/v1/documents/1").json()["text"]
    lines = text.split("\n")
    assert seed_page.paragraphs == {n: line for n, line in enumerate(lines) if line}


def test_a_speakers_name_precedes_each_statement(client, seed_page):
    html = client.get("/documents/1").text
    for s in statements_of(client, 1):
        i = s["id"]
        label = re.search(rf'<a class="who ([^"]+)" href="#n{i}">([^<]+)</a><mark class="([^"]+)" id="s{i}"', html)
        assert label and label[2] == s["expert"]["name"] and label[1] == label[3], s["id"]


def test_speakers_have_distinct_tones(client):
    html = client.get("/documents/1").text
    tones = {name: tone for tone, name in re.findall(r'<mark class="([^"]+)"[^>]* data-speaker="([^"]+)"', html)}
    assert len(tones) == 3 and len(set(tones.values())) == 3


def test_cues_are_underlined_in_the_statements_paragraph(client, seed_page):
    statements = statements_of(client, 1)
    first = next(s for s in statements if s["cue"] == "believes")
    assert seed_page.cues[first["paragraph"]] == ["believes"]
    for paragraph, cues in seed_page.cues.items():
        expected = {s["cue"].lower() for s in statements if s["paragraph"] == paragraph and s["cue"]}
        assert {c.lower() for c in cues} <= expected


def test_experts_and_statement_notes_beside_the_text(client):
    html = client.get("/documents/1").text
    experts = {s["expert"]["id"] for s in statements_of(client, 1)}
    for expert_id in experts:
        expert = client.get(f"/v1/experts/{expert_id}").json()
        assert f'<a href="/experts/{expert_id}">{expert["name"]}</a>' in html
        for word in [expert["nationality"], *expert["roles"], *expert["affiliations"]]:
            assert word in html
    for s in statements_of(client, 1):
        note = html.split(f'id="n{s["id"]}"', 1)[1].split("</dl>", 1)[0]
        assert f'href="#s{s["id"]}"' in note
        for shown in (s["kind"], s["sieve"], f"{s['confidence']:.2f}", *s["topics"], *s["countries"]):
            assert shown in note, (s["id"], shown)
    assert 'href="/v1/documents/1"' in html


def test_text_is_escaped(empty_url, taxonomy, tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text('Prices <b>and</b> & markets\n'
                       '"Prices <will> rise & fall next year," said economist John Smith of Acme <Corp>.\n'
                       "Smith added that the <script>alert(1)</script> markets would stay calm.\n")
    pipeline.ingest([article], engine=get_engine(empty_url), taxonomy=taxonomy)
    client = TestClient(create_app(empty_url))
    html = client.get("/documents/1").text
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    page = read_page(html)  # parses: no stray tag
    statements = statements_of(client, 1)
    assert {m.text for m in page.marks} == {s["text"] for s in statements} and len(statements) == 2


def test_a_missing_document_is_a_404_page(client):
    response = client.get("/documents/999999")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "404" in response.text and "no document with id 999999" in response.text


@pytest.mark.parametrize(("path", "param"), [("/documents/abc", "document_id"), ("/documents/0", "document_id"),
                                             ("/documents/1?limit=5", "limit")])
def test_a_bad_address_is_a_4xx_page_naming_the_parameter(client, path, param):
    response = client.get(path)
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert f'<code class="param">{param}</code>' in response.text
