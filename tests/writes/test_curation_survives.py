"""A person's work survives the machines: `opinions annotate`, `opinions reextract`, and later ingestion."""

from __future__ import annotations

from sqlalchemy import text
from typer.testing import CliRunner

from app.cli import app
from app.db import get_engine
from app.ingest import pipeline
from tests.writes.counters import assert_counters_agree
from tests.writes.support import events, patch, scalar

runner = CliRunner()


def opinions(url: str, *args: str):
    result = runner.invoke(app, ["--database-url", url, *args])
    assert result.exit_code == 0, result.output
    return result


def statements(client, **params) -> list[dict]:
    every = {"status": ["unreviewed", "accepted", "rejected"], "limit": 500}
    return client.get("/v1/statements", params={**every, **params}).json()["items"]


def curate(client, keys) -> dict:
    """A reviewer's session on the seed: one statement rejected, one re-topiced, one given to another expert and
    kind, one added by hand. The statements by role."""
    items = statements(client, document=1)
    rejected, topiced, moved = items[0], items[1], items[2]
    assert patch(client, f"/v1/statements/{rejected['id']}", {"status": "rejected"}, keys.write).status_code == 200
    assert patch(client, f"/v1/statements/{topiced['id']}", {"topics": ["tolerance"]}, keys.write).status_code == 200
    kind = "indirect" if moved["kind"] == "direct" else "direct"
    assert patch(client, f"/v1/statements/{moved['id']}", {"expert_id": 3, "kind": kind},
                 keys.write).status_code == 200
    text_of = client.get("/v1/documents/1").json()["text"]
    start = text_of.index("Caliber.Az")
    added = client.post("/v1/statements", headers=keys.write, json={
        "document_id": 1, "start": start, "end": start + len("Caliber.Az"), "expert_id": 1, "kind": "direct"})
    assert added.status_code == 201
    return {"rejected": rejected["id"], "topiced": topiced["id"], "moved": moved["id"], "kind": kind,
            "added": added.json()["id"]}


def assert_kept(client, done: dict) -> None:
    by_id = {s["id"]: s for s in statements(client, document=1)}
    assert by_id[done["rejected"]]["status"] == "rejected"
    assert done["rejected"] not in [s["id"] for s in client.get("/v1/statements", params={"limit": 500}).json()[
        "items"]]
    assert by_id[done["topiced"]]["topics"] == ["tolerance"]
    assert (by_id[done["moved"]]["expert"]["id"], by_id[done["moved"]]["kind"]) == (3, done["kind"])
    assert by_id[done["added"]]["origin"] == "manual" and by_id[done["added"]]["text"] == "Caliber.Az"


def test_annotate_keeps_curated_topics_status_kind_and_expert(writer, writable_url, keys):
    done = curate(writer, keys)
    with get_engine(writable_url).begin() as conn:  # a taxonomy change would move the topics; so does clearing
        conn.execute(text("UPDATE statement SET sentiment = NULL"))

    opinions(writable_url, "annotate")

    assert_kept(writer, done)
    assert all(s["sentiment"] is not None for s in statements(writer, document=1))  # the rest was refreshed
    uncurated = [s for s in statements(writer, document=1) if "topics" not in s["curated_fields"]]
    assert any(s["topics"] for s in uncurated)
    assert_counters_agree(writable_url)


def test_reextract_replaces_untouched_statements_and_keeps_curated_ones(writer, writable_url, keys):
    done = curate(writer, keys)
    before = {s["id"] for s in statements(writer, document=1)}
    with get_engine(writable_url).begin() as conn:  # stored by an older extractor
        conn.execute(text("UPDATE document SET extractor_version = '0.1.0'"))
        conn.execute(text("UPDATE statement SET sentiment = NULL"))

    result = opinions(writable_url, "reextract")

    assert "document 1:" in result.output
    assert_kept(writer, done)
    after = statements(writer, document=1)
    kept = {done["rejected"], done["topiced"], done["moved"], done["added"]}
    assert {s["id"] for s in after} & before == kept  # the untouched ones were replaced
    assert len(after) == len(before)  # the same extractor found the same statements again
    assert all(s["sentiment"] is not None for s in after if s["origin"] == "extracted")  # annotated again
    assert scalar(writable_url, "SELECT extractor_version FROM document WHERE id = 1") != "0.1.0"
    (event,) = [e for e in events(writable_url, "document") if e["action"] == "reextracted"]
    assert event["actor"] == "cli" and event["changes"]["statements"] == [len(before), len(after)]
    assert_counters_agree(writable_url)


def test_reextract_skips_current_documents_unless_asked(writer, writable_url, keys):
    curate(writer, keys)
    assert "document 1" not in opinions(writable_url, "reextract").output
    assert "document 1:" in opinions(writable_url, "reextract", "--document", "1").output
    assert "document 1:" in opinions(writable_url, "reextract", "--all").output
    assert_counters_agree(writable_url)
    missing = runner.invoke(app, ["--database-url", writable_url, "reextract", "--document", "999"])
    assert missing.exit_code == 1


def test_later_ingestion_leaves_curated_expert_fields_alone(writer, writable_url, keys, tmp_path, taxonomy):
    body = {"roles": ["economist"], "nationality": None, "countries": ["DE"]}
    assert patch(writer, "/v1/experts/1", body, keys.write).status_code == 200
    name = writer.get("/v1/experts/1").json()["name"]
    other = tmp_path / "again.txt"
    other.write_text(f"Another article\n\nThe corridor will pay off, said {name}, a Kazakh political analyst "
                     "from the Eurasia Club.\n")

    pipeline.ingest([other], engine=get_engine(writable_url), taxonomy=taxonomy, workers=1)

    expert = writer.get("/v1/experts/1").json()
    assert scalar(writable_url, "SELECT count(*) FROM appearance WHERE expert_id = 1") == 2  # named again
    assert (expert["roles"], expert["nationality"], expert["countries"]) == (["economist"], None, ["DE"])


def test_reextract_removes_an_expert_left_without_statements_and_says_so_in_the_feed(writer, writable_url):
    with get_engine(writable_url).begin() as conn:  # an expert only an older extraction found, on one statement
        conn.execute(text("UPDATE document SET extractor_version = '0.1.0'"))
        conn.execute(text("INSERT INTO expert (name, name_key, surname_key, aliases, roles, affiliations) "
                          "VALUES ('Ghost Speaker', 'ghost speaker', 'speaker', '[]', '[]', '[]')"))
        ghost = conn.execute(text("SELECT id FROM expert WHERE name = 'Ghost Speaker'")).scalar_one()
        conn.execute(text("INSERT INTO statement (document_id, expert_id, kind, text, char_start, char_end, "
                          "paragraph, forward_looking) SELECT 1, :ghost, 'direct', substr(text, 1, 5), 0, 5, 0, "
                          "false FROM document WHERE id = 1"), {"ghost": ghost})

    assert opinions(writable_url, "reextract").exit_code == 0

    assert writer.get(f"/v1/experts/{ghost}").status_code == 404
    assert [e["entity_id"] for e in events(writable_url, "expert") if e["action"] == "deleted"] == [ghost]
