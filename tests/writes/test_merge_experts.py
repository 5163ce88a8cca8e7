"""POST /v1/experts/{id}/merge: statements, appearances, names and facts move; the old id redirects (308)."""

from __future__ import annotations

from tests.writes.counters import assert_counters_agree
from tests.writes.support import events, scalar

MERGE = "/v1/experts/{}/merge"


def test_merging_moves_everything_and_redirects(writer, writable_url, keys):
    old, new = writer.get("/v1/experts/2").json(), writer.get("/v1/experts/1").json()
    topics_before = writer.get("/v1/topics", params={"limit": 500}).json()["items"]

    response = writer.post(MERGE.format(2), json={"into": 1}, headers=keys.write)

    merged = response.json()
    assert response.status_code == 200 and merged["id"] == 1
    assert merged["statement_count"] == old["statement_count"] + new["statement_count"]
    assert old["name"] in merged["aliases"] and set(old["aliases"]) <= set(merged["aliases"])
    assert set(old["roles"]) <= set(merged["roles"]) and set(old["countries"]) <= set(merged["countries"])
    assert writer.get("/v1/topics", params={"limit": 500}).json()["items"] == topics_before  # nothing lost
    assert scalar(writable_url, "SELECT count(*) FROM appearance WHERE expert_id = 2") == 0
    (event,) = events(writable_url, "expert")
    assert (event["action"], event["entity_id"], event["changes"]["into"]) == ("merged", 2, [None, 1])
    assert_counters_agree(writable_url)

    for path, location in [("/v1/experts/2", "/v1/experts/1"), ("/v1/experts/2/topics?limit=3",
                                                                 "/v1/experts/1/topics?limit=3"),
                           ("/v1/statements?expert=2&limit=3", "/v1/statements?expert=1&limit=3")]:
        moved = writer.get(path, follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"] == location, path
    assert writer.get("/v1/experts/2").json()["id"] == 1  # a client that follows lands on the expert


def test_a_statement_both_experts_have_is_kept_once(writer, writable_url, keys):
    statement = writer.get("/v1/statements", params={"expert": 1, "limit": 1}).json()["items"][0]
    twin = writer.post("/v1/statements", headers=keys.write, json={
        "document_id": 1, "start": statement["start"], "end": statement["end"], "expert_id": 2, "kind": "direct"})
    assert twin.status_code == 201

    writer.post(MERGE.format(2), json={"into": 1}, headers=keys.write)

    assert writer.get(f"/v1/statements/{statement['id']}").status_code == 200  # the one already on `into` stays
    assert writer.get(f"/v1/statements/{twin.json()['id']}").status_code == 404
    (event,) = [e for e in events(writable_url, "expert") if e["action"] == "merged"]
    assert event["changes"]["dropped_statements"] == [[twin.json()["id"]], None]
    assert_counters_agree(writable_url)


def test_redirects_follow_a_second_merge(writer, keys):
    writer.post(MERGE.format(2), json={"into": 1}, headers=keys.write)
    writer.post(MERGE.format(1), json={"into": 3}, headers=keys.write)
    for old in (1, 2):
        moved = writer.get(f"/v1/experts/{old}", follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"] == "/v1/experts/3"


def test_problems(writer, writable_url, keys):
    assert writer.post(MERGE.format(2), json={"into": 1}).status_code == 401
    assert writer.post(MERGE.format(2), json={"into": 1}, headers=keys.read).status_code == 403
    assert writer.post(MERGE.format(987654), json={"into": 1}, headers=keys.write).status_code == 404
    for body, param in [({"into": 2}, "into"), ({"into": 987654}, "into"), ({}, "into"), ({"into": 1, "x": 1}, "x")]:
        response = writer.post(MERGE.format(2), json=body, headers=keys.write)
        assert response.status_code == 422 and response.json()["param"] == param, body
    assert writer.post(MERGE.format(2), content="into=1", headers={**keys.write, "Content-Type": "text/plain"}
                       ).status_code == 415
    assert events(writable_url, "expert") == [] and writer.get("/v1/experts/2").status_code == 200
