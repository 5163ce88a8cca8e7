"""The CSV export: its columns, and every cell against the JSON item it stands for, on the corpus."""

from __future__ import annotations

import csv
import io
import json

from tests.api.reference import picks

# The documented CSV shape: the JSON item's fields in order, the expert spread into two columns.
COLUMNS = ["id", "document_id", "expert_id", "expert_name", "kind", "text", "start", "end", "paragraph", "cue",
           "topics", "topic_evidence", "countries", "sentiment", "forward_looking", "sieve", "confidence",
           "status", "origin", "snippet", "document", "curated", "curated_fields", "curated_by", "curated_at"]


def export(client, params: dict, columns: list[str] = COLUMNS) -> list[dict]:
    response = client.get("/v1/statements", params=params, headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="statements.csv"' in response.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(response.text))
    rows = list(reader)
    assert reader.fieldnames == columns
    return rows


def listed(client, params: dict) -> list[dict]:
    return client.get("/v1/statements", params={**params, "limit": 500}).json()["items"]


def cell(value) -> str:
    """How csv writes a scalar."""
    return "" if value is None else str(value)


def test_every_cell_is_its_json_item_with_lists_joined_by_semicolons(corpus_client, stored):
    params = {"topic": [picks(stored).topic, picks(stored).topic2]}
    rows, items = export(corpus_client, params), listed(corpus_client, params)
    assert [int(r["id"]) for r in rows] == [s["id"] for s in items]
    for row, item in zip(rows, items, strict=True):
        for listed_field in ("topics", "countries", "curated_fields"):
            assert row[listed_field] == ";".join(item[listed_field])
        assert json.loads(row["topic_evidence"]) == item["topic_evidence"]
        assert (row["expert_id"], row["expert_name"]) == (str(item["expert"]["id"]), item["expert"]["name"])
        scalars = set(COLUMNS) - {"topics", "countries", "curated_fields", "topic_evidence", "expert_id", "expert_name"}
        assert {k: row[k] for k in scalars} == {k: cell(item[k]) for k in scalars}
    assert any(len(s["topics"]) > 1 for s in items) and any(len(s["countries"]) > 1 for s in items)


def test_expanded_objects_are_json_cells_or_spread_columns(corpus_client, stored):
    """The whole expert holds lists: one JSON cell. The document holds scalars: a column each."""
    params = {"expand": "expert,document", "document": picks(stored).document}
    items = listed(corpus_client, params)
    document_columns = [f"document_{k}" for k in items[0]["document"] if k != "id"]
    at = COLUMNS.index("document")
    columns = ["id", "document_id", "expert", *COLUMNS[4:at], *document_columns, *COLUMNS[at + 1:]]
    rows = export(corpus_client, params, columns)
    assert rows and len(rows) == len(items)
    for row, item in zip(rows, items, strict=True):
        assert json.loads(row["expert"]) == item["expert"] and row["document_id"] == str(item["document"]["id"])
        assert item["document"]["statement_count"] == len(items)
        assert {c: row[c] for c in document_columns} == {c: cell(item["document"][c[9:]]) for c in document_columns}


def test_an_export_with_nothing_to_export_is_empty(corpus_client):
    response = corpus_client.get("/v1/statements", params={"outlet": "No Such Outlet"}, headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.text == ""


def test_csv_json_cells_keep_text_as_written(corpus_client, stored):
    """An accented name inside a JSON cell (the expanded expert) reads as written, not as \\u escapes."""
    (medina,) = [i for i, e in stored.experts.items() if e["name"] == "Lucía Medina"]
    params = {"expert": medina, "expand": "expert"}
    rows = export(corpus_client, params, ["id", "document_id", "expert", *COLUMNS[4:]])
    assert rows and all('"name": "Lucía Medina"' in row["expert"] for row in rows)


def test_ndjson_lines_are_the_json_items_in_a_file_of_their_own(corpus_client, stored):
    """Every line is the JSON list's item, expanded objects (a document's date) included."""
    params = {"document": picks(stored).document, "expand": "expert,document"}
    response = corpus_client.get("/v1/statements", params=params, headers={"Accept": "application/x-ndjson"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="statements.ndjson"'
    items = listed(corpus_client, params)
    assert [json.loads(line) for line in response.text.splitlines()] == items
    assert items and all(isinstance(item["document"]["published"], str) for item in items)


def test_ndjson_keeps_text_as_written(corpus_client, stored):
    """Names and dashes come as UTF-8, not as \\u escapes."""
    (medina,) = [i for i, e in stored.experts.items() if e["name"] == "Lucía Medina"]
    response = corpus_client.get("/v1/statements", params={"expert": medina, "kind": "direct"},
                                 headers={"Accept": "application/x-ndjson"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    (line,) = response.text.splitlines()
    assert json.loads(line)["expert"]["name"] == "Lucía Medina" and "Lucía Medina" in line and "—" in line
