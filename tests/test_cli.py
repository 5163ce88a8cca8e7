import json
import shutil

from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import app
from app.db import get_engine
from app.models import Document, Statement
from tests.conftest import SEEDS

runner = CliRunner()
SEED = next(SEEDS.glob("*.txt"))


def test_ingest_loads_good_files_names_bad_ones_and_exits_1(empty_url, tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)))
    result = runner.invoke(app, ["ingest", str(tmp_path), "--database-url", empty_url])
    assert result.exit_code == 1
    assert "empty.txt: empty document" in result.stderr
    assert "binary.dat: binary file" in result.stderr
    with Session(get_engine(empty_url)) as session:
        assert session.exec(select(Document.source)).all() == [str(tmp_path / "good.txt")]


def test_ingest_of_good_documents_exits_0_and_summarises(empty_url):
    result = runner.invoke(app, ["ingest", str(SEEDS), "--database-url", empty_url])
    assert result.exit_code == 0, result.stderr
    assert "loaded" in result.stderr and "statements" in result.stderr


def test_ingest_bad_usage_exits_2():
    assert runner.invoke(app, ["ingest", "--no-such-option"]).exit_code == 2


def test_extract_prints_one_json_object_per_document_with_exact_spans():
    result = runner.invoke(app, ["extract", str(SEED), "--format", "ndjson"])
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    assert record["source"] == str(SEED) and len(record["sha256"]) == 64
    assert {e["name"] for e in record["experts"]} == {"Serikzhan Mambetalin", "Evgeny Kudryats", "Roman Gurevich"}
    for s in record["statements"]:
        assert s["text"] == text[s["start"] : s["end"]] and s["expert"]["name"]


def _statement_rows(url: str) -> list[tuple]:
    with Session(get_engine(url)) as session:
        rows = session.exec(select(Statement.char_start, Statement.char_end, Statement.kind, Statement.sieve,
                                   Statement.confidence, Statement.sentiment).order_by(Statement.char_start))
        return [tuple(row) for row in rows]


def test_ingest_of_extract_output_stores_what_ingesting_the_text_stores(empty_url, databases, tmp_path):
    extracted = runner.invoke(app, ["extract", str(SEED), "--format", "ndjson"])
    (tmp_path / "seed.ndjson").write_text(extracted.stdout, encoding="utf-8")
    from_text = databases.new()
    assert runner.invoke(app, ["ingest", str(SEED), "--database-url", from_text]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(tmp_path / "seed.ndjson"), "--database-url", empty_url])
    assert result.exit_code == 0, result.stderr
    assert _statement_rows(empty_url) == _statement_rows(from_text) != []


def test_ingest_of_a_tampered_extract_line_fails_and_stores_nothing(empty_url, tmp_path):
    record = json.loads(runner.invoke(app, ["extract", str(SEED), "--format", "ndjson"]).stdout)
    record["statements"][0]["start"] += 1  # the span no longer holds the statement's text
    (tmp_path / "bad.ndjson").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "bad.ndjson"), "--database-url", empty_url])
    assert result.exit_code == 1
    assert "extracted record: statement at" in result.stderr
    assert _statement_rows(empty_url) == []
