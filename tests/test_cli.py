import json
import shutil

from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import app
from app.db import get_engine
from app.models import Document
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
