"""Reviewing on the pages: a write key given once, then accept / reject buttons that change the statement."""

from __future__ import annotations

import re

from app.db import get_engine
from app.keys import revoke_key


def give_key(client, key: str, back: str = "/documents/1"):
    return client.post("/review/key", data={"key": key, "back": back}, follow_redirects=False)


def bare(headers: dict[str, str]) -> str:
    return headers["Authorization"].removeprefix("Bearer ")


def test_without_a_key_the_pages_show_no_buttons_and_a_review_is_refused(writer):
    page = writer.get("/documents/1")
    assert page.status_code == 200 and 'action="/statements/' not in page.text
    assert 'action="/review/key"' in page.text
    refused = writer.post("/statements/1/review", data={"status": "rejected", "back": "/documents/1"})
    assert refused.status_code == 401 and "text/html" in refused.headers["content-type"]
    assert writer.get("/v1/statements/1").json()["status"] == "unreviewed"


def test_a_write_key_brings_buttons_and_reject_takes_the_statement_out_of_the_page(writer, keys):
    given = give_key(writer, bare(keys.write))
    assert given.status_code == 303 and given.headers["location"] == "/documents/1"
    cookie = given.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = writer.get("/documents/1")
    statements = writer.get("/v1/statements", params={"document": 1, "limit": 500}).json()["items"]
    forms = re.findall(r'action="/statements/(\d+)/review"', page.text)
    assert sorted(map(int, forms)) == sorted(s["id"] for s in statements)  # a form on every statement
    assert "Reviewing as <strong>write-tester</strong>" in page.text

    target = statements[0]["id"]
    done = writer.post(f"/statements/{target}/review", data={"status": "rejected", "back": "/documents/1"},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/documents/1#s{target}"
    assert writer.get(f"/v1/statements/{target}").json()["status"] == "rejected"
    assert f'id="s{target}"' not in writer.get("/documents/1").text  # rejected: out of the default view
    feed = writer.get("/v1/changes", params={"entity": "statement"}).json()["items"]
    assert feed[-1]["actor"] == "write-tester" and feed[-1]["changes"]["status"] == ["unreviewed", "rejected"]

    assert writer.post(f"/statements/{target}/review", data={"status": "accepted"}).status_code == 200
    assert writer.get(f"/v1/statements/{target}").json()["status"] == "accepted"


def test_a_read_key_or_a_wrong_key_is_refused_and_keeps_no_cookie(writer, keys):
    assert give_key(writer, bare(keys.read)).status_code == 403
    assert give_key(writer, "opk_000000000000_nope").status_code == 401
    assert "opinions_key" not in writer.cookies
    assert 'action="/statements/' not in writer.get("/documents/1").text


def test_a_revoked_key_loses_its_buttons_and_its_reviews(writer, writable_url, keys):
    give_key(writer, bare(keys.write))
    with get_engine(writable_url).begin() as conn:
        revoke_key(conn, name="write-tester")
    assert 'action="/statements/' not in writer.get("/documents/1").text
    assert writer.post("/statements/1/review", data={"status": "rejected"}).status_code == 401


def test_a_bad_verdict_is_a_422_page_and_the_way_back_never_leaves_the_server(writer, keys):
    give_key(writer, bare(keys.write))
    bad = writer.post("/statements/1/review", data={"status": "deleted"})
    assert bad.status_code == 422 and "status" in bad.text
    away = writer.post("/statements/1/review", data={"status": "accepted", "back": "//evil.example/x"},
                       follow_redirects=False)
    assert away.headers["location"] == "/#s1"


def test_forgetting_the_key_removes_the_buttons(writer, keys):
    give_key(writer, bare(keys.write))
    gone = writer.post("/review/forget", data={"back": "/"}, follow_redirects=False)
    assert gone.status_code == 303
    assert 'action="/statements/' not in writer.get("/").text
