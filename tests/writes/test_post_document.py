"""POST /v1/documents: stored as `opinions ingest` stores a file, in one transaction with its event; every status."""

from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from app import audit
from app.config import get_settings
from app.db import get_engine
from app.ingest.sources import read_text_file
from app.main import create_app
from tests.conftest import SEEDS

ARTICLE = {
    "title": "Corridor talks",
    "text": "Corridor talks\r\n\r\nThe Middle Corridor will pay off within five years, said Ayla Demir, "
            "an economist from Turkey.\r\n",
    "outlet": "Daily Sabah",
    "url": "https://example.com/corridor",
    "published": "2025-03-01",
}
SEED = next(SEEDS.glob("*.txt"))


def rows(url: str, sql: str) -> list:
    with get_engine(url).connect() as conn:
        return conn.execute(text(sql)).all()


def api_events(url: str) -> list:
    return rows(url, "SELECT actor, entity, entity_id, action FROM change WHERE actor <> 'cli' ORDER BY seq")


class TestCreated:
    def test_a_json_document_is_201_with_its_location_and_statements(self, writer, writable_url, keys):
        answer = writer.post("/v1/documents", json=ARTICLE, headers=keys.write)
        assert answer.status_code == 201, answer.text
        body = answer.json()
        assert answer.headers["location"] == f"/v1/documents/{body['id']}"
        assert (body["title"], body["outlet"], body["url"], body["published"]) == (
            "Corridor talks", "Daily Sabah", "https://example.com/corridor", "2025-03-01")
        assert body["text"] == ARTICLE["text"].replace("\r\n", "\n")  # as the JSON reader of `ingest` keeps it
        assert body["source"] == "api:write-tester"
        [statement] = body["statements"]
        assert statement["expert"]["name"] == "Ayla Demir" and body["statement_count"] == 1
        assert body["text"][statement["start"]:statement["end"]] == statement["text"]
        assert writer.get(answer.headers["location"]).json()["sha256"] == body["sha256"]
        listed = writer.get("/v1/statements", params={"document": body["id"]}).json()["items"]
        assert [s["id"] for s in listed] == [statement["id"]]

    def test_the_creation_is_one_event_by_the_key(self, writer, writable_url, keys):
        document_id = writer.post("/v1/documents", json=ARTICLE, headers=keys.write).json()["id"]
        assert api_events(writable_url) == [("write-tester", "document", document_id, "created")]

    def test_the_same_content_again_is_200_with_the_stored_document_and_no_event(self, writer, writable_url, keys):
        first = writer.post("/v1/documents", json=ARTICLE, headers=keys.write).json()
        again = writer.post("/v1/documents", json={**ARTICLE, "title": "Another title"}, headers=keys.admin)
        assert again.status_code == 200 and "location" not in again.headers
        assert again.json() == first
        assert len(api_events(writable_url)) == 1
        assert rows(writable_url, "SELECT count(*) FROM document") == [(2,)]

    def test_plain_text_is_read_as_ingest_reads_a_txt_file(self, writer, keys, tmp_path):
        data = "\ufeffTrade routes\r\n\r\nThe corridor will double trade, said Ayla Demir, an economist.\r\n"
        path = tmp_path / "article.txt"
        path.write_bytes(data.encode("utf-8"))
        as_file = read_text_file(path)
        answer = writer.post("/v1/documents", content=data.encode("utf-8"),
                             headers={**keys.write, "Content-Type": "text/plain; charset=utf-8"})
        assert answer.status_code == 201, answer.text
        body = answer.json()
        assert (body["title"], body["text"]) == (as_file.title, as_file.text)
        assert body["sha256"] == hashlib.sha256(as_file.text.encode()).hexdigest()

    def test_a_seed_file_posted_as_text_is_the_document_ingest_stored(self, writer, keys):
        answer = writer.post("/v1/documents", content=SEED.read_bytes(), headers={**keys.write,
                                                                                 "Content-Type": "text/plain"})
        assert answer.status_code == 200
        assert answer.json()["id"] == 1 and answer.json()["statements"]


class TestRefused:
    def test_without_a_key_is_401_and_stores_nothing(self, writer, writable_url):
        answer = writer.post("/v1/documents", json=ARTICLE)
        assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
        assert rows(writable_url, "SELECT count(*) FROM document") == [(1,)]

    def test_a_read_key_is_403(self, writer, writable_url, keys):
        assert writer.post("/v1/documents", json=ARTICLE, headers=keys.read).status_code == 403
        assert rows(writable_url, "SELECT count(*) FROM document") == [(1,)]

    @pytest.mark.parametrize(("body", "param"), [
        ({"title": "No text"}, "text"),
        ({"text": "No title\n\nA body."}, "title"),
        ({**ARTICLE, "text": "  \n\t "}, "text"),
        ({**ARTICLE, "text": "\ufeff"}, "text"),
        ({**ARTICLE, "title": ""}, "title"),
        ({**ARTICLE, "text": "a\x00b"}, "text"),
        ({**ARTICLE, "published": "first of March"}, "published"),
        ({**ARTICLE, "published": 20250301}, "published"),
        ({**ARTICLE, "published": "2025-03-01T09:30:00"}, "published"),
        ({**ARTICLE, "author": "someone"}, "author"),
        ({**ARTICLE, "outlet": ["a", "b"]}, "outlet"),
        ([ARTICLE], "body"),
    ])
    def test_a_bad_json_body_is_422_naming_the_field(self, writer, writable_url, keys, body, param):
        answer = writer.post("/v1/documents", json=body, headers=keys.write)
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["param"] == param
        assert rows(writable_url, "SELECT count(*) FROM document") == [(1,)]

    @pytest.mark.parametrize(("content", "kind"), [
        (b'{"title": "x", "text": ', "application/json"),
        (b"", "application/json"),
        (b"   \r\n  ", "text/plain"),
        (b"Title\n\xff\xfe broken", "text/plain"),
        (b"Title\x00\nbody", "text/plain"),
    ])
    def test_a_body_that_is_no_document_is_422_naming_the_body(self, writer, keys, content, kind):
        answer = writer.post("/v1/documents", content=content, headers={**keys.write, "Content-Type": kind})
        assert answer.status_code == 422, answer.text
        assert answer.json()["param"] == "body"

    @pytest.mark.parametrize("kind", ["text/html", "application/xml", "", "text/plain; charset=latin-1"])
    def test_another_media_type_is_415(self, writer, writable_url, keys, kind):
        headers = {**keys.write, "Content-Type": kind} if kind else keys.write
        answer = writer.post("/v1/documents", content=b"Title\n\nText.", headers=headers)
        assert answer.status_code == 415, answer.text
        assert answer.json()["accepted"] == ["application/json", "text/plain"]
        assert rows(writable_url, "SELECT count(*) FROM document") == [(1,)]


@pytest.fixture
def small_limit(writable_url, monkeypatch) -> TestClient:
    monkeypatch.setenv("OPINIONS_MAX_DOCUMENT_BYTES", "400")
    get_settings.cache_clear()
    try:
        with TestClient(create_app(writable_url)) as client:
            yield client
    finally:
        get_settings.cache_clear()


class TestSizeLimit:
    def test_a_body_over_the_limit_is_413(self, small_limit, writable_url, keys):
        big = {**ARTICLE, "text": ARTICLE["text"] * 3}
        answer = small_limit.post("/v1/documents", json=big, headers=keys.write)
        assert answer.status_code == 413 and answer.json()["limit"] == 400
        assert answer.headers["content-type"] == "application/problem+json"
        assert rows(writable_url, "SELECT count(*) FROM document") == [(1,)]

    def test_a_body_without_a_length_is_cut_off_at_the_limit(self, small_limit, keys):
        chunks = (b"Title\n\n" + b"word " * 20 for _ in range(5))  # streamed: no Content-Length
        answer = small_limit.post("/v1/documents", content=chunks, headers={**keys.write, "Content-Type": "text/plain"})
        assert answer.status_code == 413

    def test_a_body_within_the_limit_is_stored(self, small_limit, keys):
        assert small_limit.post("/v1/documents", json=ARTICLE, headers=keys.write).status_code == 201


def test_writes_over_the_key_limit_are_429(writable_url, keys, monkeypatch):
    monkeypatch.setenv("OPINIONS_WRITE_LIMIT", "1/minute")
    get_settings.cache_clear()
    try:
        with TestClient(create_app(writable_url)) as client:
            assert client.post("/v1/documents", json=ARTICLE, headers=keys.write).status_code == 201
            over = client.post("/v1/documents", json={**ARTICLE, "text": "Other\n\nText."}, headers=keys.write)
        assert over.status_code == 429 and int(over.headers["retry-after"]) >= 1
        assert rows(writable_url, "SELECT count(*) FROM document") == [(2,)]
    finally:
        get_settings.cache_clear()


def test_a_failure_while_storing_leaves_nothing(writable_url, keys, monkeypatch):
    def broken(conn, events):
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit, "record_many", broken)
    with TestClient(create_app(writable_url), raise_server_exceptions=False) as client:
        answer = client.post("/v1/documents", json=ARTICLE, headers=keys.write)
    assert answer.status_code == 500
    assert rows(writable_url, "SELECT count(*) FROM document") == [(1,)]
    assert rows(writable_url, "SELECT count(*) FROM statement WHERE document_id <> 1") == [(0,)]
    assert rows(writable_url, "SELECT count(*) FROM expert WHERE name = 'Ayla Demir'") == [(0,)]


def test_the_openapi_documents_every_status_and_the_key(writer):
    operations = writer.get("/openapi.json").json()["paths"]
    post, delete = operations["/v1/documents"]["post"], operations["/v1/documents/{document_id}"]["delete"]
    assert {"200", "201", "401", "403", "413", "415", "422", "429"} <= post["responses"].keys()
    assert {"204", "401", "403", "404", "422", "429"} <= delete["responses"].keys()
    assert post["security"] == delete["security"] == [{"HTTPBearer": []}]
    assert post["requestBody"]["content"].keys() == {"application/json", "text/plain"}
    assert "Location" in post["responses"]["201"]["headers"]
