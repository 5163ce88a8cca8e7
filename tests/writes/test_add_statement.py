"""POST /v1/statements: a statement the extractor missed, by span; checked against the document's text."""

from __future__ import annotations

import pytest

from tests.writes.counters import assert_counters_agree
from tests.writes.support import events


def span_of(client, words: str) -> tuple[int, int]:
    text = client.get("/v1/documents/1").json()["text"]
    start = text.index(words)
    return start, start + len(words)


def body(client, words: str = "Azerbaijan", **changes) -> dict:
    start, end = span_of(client, words)
    return {"document_id": 1, "start": start, "end": end, "expert_id": 3, "kind": "direct", **changes}


def test_an_added_statement_is_stored_annotated_and_listed(writer, writable_url, keys):
    sent = body(writer, cue="said")
    response = writer.post("/v1/statements", json=sent, headers=keys.write)

    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"/v1/statements/{created['id']}"
    assert response.headers["etag"] == writer.get(response.headers["location"]).headers["etag"]
    assert (created["text"], created["expert"]["id"], created["cue"], created["origin"], created["status"]) == (
        "Azerbaijan", 3, "said", "manual", "accepted")
    assert created["curated_by"] == "write-tester" and "topics" not in created["curated_fields"]
    assert created["countries"] == ["AZ"]  # annotated like an extracted statement
    assert created["id"] in [s["id"] for s in writer.get("/v1/statements", params={"expert": 3, "limit": 500})
                             .json()["items"]]
    (event,) = events(writable_url, "statement")
    assert (event["action"], event["entity_id"], event["changes"]["start"]) == ("created", created["id"],
                                                                                [None, sent["start"]])
    assert_counters_agree(writable_url)


def test_topics_given_by_hand_replace_the_annotation(writer, writable_url, keys):
    response = writer.post("/v1/statements", json=body(writer, topics=["tolerance"]), headers=keys.write)
    assert response.json()["topics"] == ["tolerance"] and "topics" in response.json()["curated_fields"]
    topic = writer.get("/v1/topics/tolerance").json()
    assert response.json()["id"] in [s["id"] for s in writer.get("/v1/statements", params={
        "topic": "tolerance", "limit": 500}).json()["items"]]
    assert topic["statement_count"] == len(writer.get("/v1/statements", params={"topic": "tolerance",
                                                                                 "limit": 500}).json()["items"])
    assert_counters_agree(writable_url)


def test_the_same_span_and_expert_again_is_a_409(writer, keys):
    assert writer.post("/v1/statements", json=body(writer), headers=keys.write).status_code == 201
    again = writer.post("/v1/statements", json=body(writer), headers=keys.write)
    assert again.status_code == 409 and again.headers["content-type"] == "application/problem+json"
    other_expert = writer.post("/v1/statements", json=body(writer, expert_id=1), headers=keys.write)
    assert other_expert.status_code == 201


def test_keys_and_media_type(writer, keys):
    assert writer.post("/v1/statements", json=body(writer)).status_code == 401
    assert writer.post("/v1/statements", json=body(writer), headers=keys.read).status_code == 403
    as_text = writer.post("/v1/statements", content="x", headers={**keys.write, "Content-Type": "text/plain"})
    assert as_text.status_code == 415


@pytest.mark.parametrize(("changes", "param"), [
    ({"document_id": 987654}, "document_id"),
    ({"expert_id": 987654}, "expert_id"),
    ({"topics": ["no-such-topic"]}, "topics"),
    ({"kind": "maybe"}, "kind"),
    ({"start": 10, "end": 10}, "end"),
    ({"start": 10**6, "end": 10**6 + 1}, "start"),
    ({"end": 10**6}, "end"),
    ({"start": -1}, "start"),
    ({"confidence": 1}, "confidence"),
])
def test_a_bad_member_is_a_422_naming_it(writer, writable_url, keys, changes, param):
    response = writer.post("/v1/statements", json=body(writer, **changes), headers=keys.write)
    assert response.status_code == 422 and response.json()["param"] == param, response.text
    assert events(writable_url, "statement") == []


def test_a_span_across_a_line_break_is_a_422(writer, keys):
    text = writer.get("/v1/documents/1").json()["text"]
    line_end = text.index("\n", 100)
    crossing = {"document_id": 1, "start": line_end - 5, "end": line_end + 5, "expert_id": 3, "kind": "direct"}
    response = writer.post("/v1/statements", json=crossing, headers=keys.write)
    assert response.status_code == 422 and response.json()["param"] == "end" and "line" in response.json()["detail"]
