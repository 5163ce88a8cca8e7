"""DELETE /v1/documents/{id}: the document, its statements and links go; experts left silent go; one event."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.db import get_engine
from app.ingest import pipeline


def count(url: str, sql: str) -> int:
    with get_engine(url).connect() as conn:
        return conn.execute(text(sql)).scalar_one()


def test_deleting_a_document_removes_its_statements_and_silent_experts(writer, writable_url, keys, tmp_path, taxonomy):
    other = tmp_path / "other.txt"
    other.write_text("A second article\n\nThe market will recover, said Ayla Demir, an economist from Turkey.\n")
    pipeline.ingest([other], engine=get_engine(writable_url), taxonomy=taxonomy, workers=1)
    kept = count(writable_url, "SELECT count(*) FROM statement WHERE document_id <> 1")
    assert kept > 0

    assert writer.delete("/v1/documents/1", headers=keys.write).status_code == 204

    assert writer.get("/v1/documents/1").status_code == 404
    assert writer.get("/v1/statements", params={"document": 1}).json()["items"] == []
    assert count(writable_url, "SELECT count(*) FROM statement") == kept
    assert count(writable_url, "SELECT count(*) FROM expert e WHERE NOT EXISTS "
                               "(SELECT 1 FROM statement s WHERE s.expert_id = e.id)") == 0
    assert writer.get("/v1/experts").json()["items"][0]["name"] == "Ayla Demir"
    topics = {t["slug"]: t["statement_count"] for t in writer.get("/v1/topics").json()["items"]}
    linked = count(writable_url, "SELECT count(*) FROM statement_topic")
    assert sum(topics.values()) == linked  # the counters followed the deleted links


def test_a_deletion_is_one_event_per_entity_with_its_actor(writer, writable_url, keys):
    experts_before = count(writable_url, "SELECT count(*) FROM expert")
    writer.delete("/v1/documents/1", headers=keys.write)
    with get_engine(writable_url).connect() as conn:
        events = conn.execute(text("SELECT actor, entity, entity_id, action FROM change WHERE actor <> 'cli' "
                                   "ORDER BY seq")).all()
    assert events[0] == ("write-tester", "document", 1, "deleted")
    assert {e.entity for e in events[1:]} == {"expert"} and len(events) - 1 == experts_before
    assert all(e.actor == "write-tester" and e.action == "deleted" for e in events)


def test_deleting_a_missing_document_is_404_and_changes_nothing(writer, writable_url, keys):
    before = count(writable_url, "SELECT count(*) FROM statement")
    answer = writer.delete("/v1/documents/999", headers=keys.write)
    assert answer.status_code == 404 and answer.headers["content-type"] == "application/problem+json"
    assert count(writable_url, "SELECT count(*) FROM statement") == before
    assert count(writable_url, "SELECT count(*) FROM change WHERE actor <> 'cli'") == 0


def test_a_deleted_document_can_be_ingested_again(writer, writable_url, keys, taxonomy):
    statements = count(writable_url, "SELECT count(*) FROM statement")
    writer.delete("/v1/documents/1", headers=keys.write)
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    report = pipeline.ingest([seeds], engine=get_engine(writable_url), taxonomy=taxonomy, workers=1)
    assert report.count("loaded") == 1
    assert count(writable_url, "SELECT count(*) FROM statement") == statements
