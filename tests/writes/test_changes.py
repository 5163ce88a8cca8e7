"""GET /v1/changes: every write in commit order with its actor; pages by `after`; and `updated_since` on the lists."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from app.cli import app as cli
from app.db import get_engine
from tests.writes.test_post_document import ARTICLE


def every_event(client, **params) -> list[dict]:
    """Follow the feed from the start through its `next` links."""
    events, after = [], 0
    while True:
        page = client.get("/v1/changes", params={**params, "after": after}).json()
        events += page["items"]
        if page["next_cursor"] is None:
            return events
        after = int(page["next_cursor"])


def test_seeding_and_writes_are_events_in_order_with_their_actors(writer, keys):
    created = writer.post("/v1/documents", json=ARTICLE, headers=keys.write).json()["id"]
    writer.delete("/v1/documents/1", headers=keys.admin)
    events = every_event(writer)
    assert [e["seq"] for e in events] == sorted({e["seq"] for e in events})
    assert events[0]["actor"] == "cli" and events[0]["entity_id"] == 1 and events[0]["action"] == "created"
    assert events[0]["changes"]["title"][0] is None
    mine = [(e["actor"], e["entity"], e["entity_id"], e["action"]) for e in events if e["actor"] != "cli"]
    assert mine[:2] == [("write-tester", "document", created, "created"), ("admin-tester", "document", 1, "deleted")]
    assert {entity for _, entity, _, _ in mine[2:]} == {"expert"}


def test_pages_follow_after_and_the_link(writer, keys):
    for n in range(3):
        writer.post("/v1/documents", json={**ARTICLE, "text": f"{ARTICLE['text']} {n}"}, headers=keys.write)
    whole = writer.get("/v1/changes", params={"limit": 500}).json()
    assert whole["next_cursor"] is None and whole["last_seq"] == whole["items"][-1]["seq"]
    first = writer.get("/v1/changes", params={"limit": 2})
    assert first.json()["next_cursor"] == str(first.json()["items"][-1]["seq"])
    following = first.headers["link"].split(">")[0].lstrip("<")
    second = writer.get(following).json()
    by_cursor = writer.get("/v1/changes", params={"limit": 2, "cursor": first.json()["next_cursor"]}).json()
    assert second == by_cursor
    assert [e["seq"] for e in first.json()["items"] + second["items"]] == [e["seq"] for e in whole["items"][:4]]
    end = writer.get("/v1/changes", params={"after": whole["last_seq"]})
    assert end.json() == {"items": [], "next_cursor": None, "last_seq": whole["last_seq"]}
    assert "link" not in end.headers


def test_the_entity_filter(writer, keys):
    writer.delete("/v1/documents/1", headers=keys.write)
    experts = every_event(writer, entity="expert")
    assert experts and all(e["entity"] == "expert" and e["action"] == "deleted" for e in experts)


@pytest.mark.parametrize(("params", "param"), [({"after": -1}, "after"), ({"after": "x"}, "after"),
                                               ({"after": 2**31}, "after"), ({"cursor": "abc"}, "cursor"),
                                               ({"entity": "topic"}, "entity"), ({"limit": 501}, "limit"),
                                               ({"since": 1}, "since")])
def test_bad_parameters_are_422_naming_them(client, params, param):
    answer = client.get("/v1/changes", params=params)
    assert answer.status_code == 422 and answer.json()["param"] == param


def test_a_key_command_is_an_event_and_changes_the_feeds_etag(writer, writable_url):
    before = writer.get("/v1/changes", params={"entity": "key"})
    assert before.json()["items"] == []
    result = CliRunner().invoke(cli, ["keys", "create", "bot", "--database-url", writable_url])
    assert result.exit_code == 0
    after = writer.get("/v1/changes", params={"entity": "key"}, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.json()["items"][0]["changes"]["name"] == [None, "bot"]


def test_ingest_and_annotate_record_one_event_per_document(writer, writable_url, tmp_path):
    (tmp_path / "a.txt").write_text("First\n\nTrade will grow, said Ayla Demir, an economist.\n")
    (tmp_path / "b.txt").write_text("Second\n\nPrices will fall, said Omar Haddad, an analyst.\n")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path), "--database-url", writable_url]).exit_code == 0
    assert runner.invoke(cli, ["ingest", str(tmp_path), "--database-url", writable_url]).exit_code == 0  # unchanged
    created = [e for e in every_event(writer, entity="document") if e["action"] == "created"]
    assert [e["changes"]["title"][1] for e in created] == [writer.get("/v1/documents/1").json()["title"],
                                                         "First", "Second"]
    assert all(e["actor"] == "cli" for e in created)
    annotated_at = datetime.now(UTC)
    assert runner.invoke(cli, ["annotate", "--database-url", writable_url]).exit_code == 0
    annotated = [e for e in every_event(writer, entity="document") if e["action"] == "annotated"]
    assert sorted(e["entity_id"] for e in annotated) == [e["entity_id"] for e in created]
    since = writer.get("/v1/statements", params={"updated_since": annotated_at.isoformat(), "limit": 500}).json()
    assert len(since["items"]) == count(writable_url, "SELECT count(*) FROM statement")


def count(url: str, sql: str) -> int:
    with get_engine(url).connect() as conn:
        return conn.execute(text(sql)).scalar_one()


def ids(client, path: str, **params) -> list[int]:
    answer = client.get(path, params={**params, "limit": 500})
    assert answer.status_code == 200, answer.text
    return [item["id"] for item in answer.json()["items"]]


def test_updated_since_answers_what_was_written_since(writer, keys):
    seeded = {path: ids(writer, path) for path in ("/v1/documents", "/v1/experts", "/v1/statements")}
    moment = datetime.now(UTC)
    created = writer.post("/v1/documents", json=ARTICLE, headers=keys.write).json()
    since = moment.isoformat()
    assert ids(writer, "/v1/documents", updated_since=since) == [created["id"]]
    assert ids(writer, "/v1/statements", updated_since=since) == [s["id"] for s in created["statements"]]
    assert set(ids(writer, "/v1/experts", updated_since=since)) == {s["expert"]["id"] for s in created["statements"]}
    earlier = "2000-01-01T00:00:00+05:00"
    for path, seeded_ids in seeded.items():
        assert set(seeded_ids) < set(ids(writer, path, updated_since=earlier))
        assert ids(writer, path, updated_since="2999-01-01T00:00:00Z") == []


@pytest.mark.parametrize("path", ["/v1/documents", "/v1/experts", "/v1/statements"])
@pytest.mark.parametrize("value", ["yesterday", "2025-12-01", "1700000000", "2025-12-01T10:00:00",
                                   "2025-13-01T00:00:00Z", "0001-01-01T00:00:00+01:00"])
def test_a_bad_updated_since_is_422_naming_it(client, path, value):
    answer = client.get(path, params={"updated_since": value})
    assert answer.status_code == 422 and answer.json()["param"] == "updated_since"
