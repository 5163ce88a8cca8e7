import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import app
from app.db import get_engine
from app.models import Document, Statement
from tests.conftest import SEEDS, TAXONOMY

runner = CliRunner()
SEED = next(SEEDS.glob("*.txt"))


def test_ingest_loads_good_files_names_bad_ones_and_exits_1(empty_url, tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    result = runner.invoke(app, ["ingest", str(tmp_path), "--database-url", empty_url])
    assert result.exit_code == 1
    assert f"failed {tmp_path / 'empty.txt'}: empty document\n" in result.stderr
    assert f"failed {tmp_path / 'latin1.txt'}: not UTF-8 text (invalid byte at offset 3)\n" in result.stderr
    assert stored_sources(empty_url) == [str(tmp_path / "good.txt")]


def stored_sources(url: str) -> list[str]:
    with Session(get_engine(url)) as session:
        return list(session.exec(select(Document.source).order_by(Document.source)))


def test_ingest_of_good_documents_exits_0_and_summarises(empty_url):
    result = runner.invoke(app, ["ingest", str(SEEDS), "--database-url", empty_url])
    assert result.exit_code == 0, result.stderr
    assert "loaded" in result.stderr and "statements" in result.stderr


@pytest.mark.parametrize("args, says", [
    (["ingest", "--nope"], "error: No such option: --nope (see 'opinions ingest --help')"),
    (["--nope", "ingest"], "error: No such option: --nope (see 'opinions --help')"),
    (["nope"], "error: No such command 'nope'. (see 'opinions --help')"),
    (["db", "nope"], "error: No such command 'nope'. (see 'opinions db --help')"),
    (["serve", "--port", "abc"], "error: Invalid value for '--port': "),
    (["extract", "--format"], "error: Option '--format' requires an argument. (see 'opinions extract --help')"),
])
def test_a_usage_error_is_one_line_naming_the_help_to_read_and_exits_2(args, says):
    result = runner.invoke(app, args, prog_name="opinions")
    assert result.exit_code == 2
    assert only_line(result).startswith(says)
    assert result.stdout == ""


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["db", "upgrade", "--help"]])
def test_help_still_prints_the_usage_and_the_options_and_exits_0(args):
    result = runner.invoke(app, args, prog_name="opinions")
    assert result.exit_code == 0
    assert f"Usage: opinions {' '.join(args[:-1])}".rstrip() in result.stdout and "--help" in result.stdout


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


# What cannot be used ends the command with one line on stderr: exit 2 for what was given (usage),
# exit 1 for what failed. Never a traceback.

def run(*args: str, **kwargs):
    result = runner.invoke(app, list(args), **kwargs)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def only_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def unsupported_files(folder: Path) -> dict[str, str]:
    """Files that are no documents, by name, with the reason the command gives."""
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n")
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # binary, whatever its name says
    (folder / "LICENSE").write_text("MIT License\n")
    types = "(documents are .json, .jsonl, .md, .ndjson, .txt)"
    return {"report.pdf": f"unsupported file type .pdf {types}", "scan.txt": "binary file (contains NUL bytes)",
            "LICENSE": f"unsupported file without an extension {types}"}


def test_ingest_of_a_folder_skips_files_that_are_no_documents_with_a_note(empty_url, tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    reasons = unsupported_files(tmp_path)
    (tmp_path / "topics.toml").write_text("[x]\n")  # configuration beside the documents: no note
    result = run("ingest", str(tmp_path), "--database-url", empty_url)
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert notes == [f"skipped {tmp_path / name}: {reasons[name]}" for name in sorted(reasons)]
    assert stored_sources(empty_url) == [str(tmp_path / "good.txt")]


def test_extract_of_a_folder_skips_files_that_are_no_documents_with_a_note(tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    reasons = unsupported_files(tmp_path)
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(tmp_path / "good.txt")]
    assert result.stderr.splitlines() == [f"skipped {tmp_path / name}: {reasons[name]}" for name in sorted(reasons)]


@pytest.mark.parametrize("name", ["report.pdf", "scan.txt", "LICENSE", "nosuch.txt", "nosuch"])
def test_ingest_refuses_a_named_file_that_is_no_document_and_loads_nothing(empty_url, tmp_path, name):
    reasons = unsupported_files(tmp_path) | {"nosuch.txt": "no such file or folder", "nosuch": "no such file or folder"}
    shutil.copy(SEED, tmp_path / "good.txt")
    result = run("ingest", str(tmp_path / "good.txt"), str(tmp_path / name), "--database-url", empty_url)
    assert result.exit_code == 2
    assert only_line(result) == f"error: {tmp_path / name}: {reasons[name]}"
    assert stored_sources(empty_url) == []


@pytest.mark.parametrize("name", ["report.pdf", "scan.txt", "nosuch"])
def test_extract_refuses_a_named_file_that_is_no_document(tmp_path, name):
    reasons = unsupported_files(tmp_path) | {"nosuch": "no such file or folder"}
    result = run("extract", str(SEED), str(tmp_path / name))
    assert result.exit_code == 2
    assert only_line(result) == f"error: {tmp_path / name}: {reasons[name]}"
    assert result.stdout == ""


BAD_DATABASE_URLS = {  # name: (URL, exit code, what the one line says), {tmp} a folder of the test
    "unparseable": ("not a url", 2, "cannot parse the database URL 'not a url' (expected e.g. sqlite:///opinions.db"),
    "bad port": ("postgresql+psycopg://u:p@host:port/db", 2, "cannot parse the database URL"),
    "unknown driver": ("nosuchdb://x/y", 2, "unknown database driver 'nosuchdb' in nosuchdb://x/y"),
    "unreachable server": ("postgresql+psycopg://someone:s3cret@127.0.0.1:1/db", 1,
                           "database postgresql+psycopg://someone:***@127.0.0.1:1/db: connection failed"),
    "missing folder": ("sqlite:///{tmp}/no-folder/x.db", 1, "unable to open database file (no folder {tmp}/no-folder)"),
    "file as folder": ("sqlite:///{tmp}/a-file/x.db", 1, "unable to open database file ({tmp}/a-file is not a folder)"),
    "read-only": ("sqlite:///file:{tmp}/empty.db?mode=ro&uri=true", 1, "attempt to write a readonly database"),
}


def bad_database_url(tmp: Path, name: str) -> tuple[str, int, str]:
    (tmp / "a-file").write_text("")
    (tmp / "empty.db").write_bytes(b"")
    url, code, says = BAD_DATABASE_URLS[name]
    return url.format(tmp=tmp), code, says.format(tmp=tmp)


@pytest.mark.parametrize("name", BAD_DATABASE_URLS)
def test_ingest_names_a_database_url_it_cannot_use_in_one_line(tmp_path, name):
    url, code, says = bad_database_url(tmp_path, name)
    result = run("ingest", str(SEED), "--database-url", url)
    assert result.exit_code == code
    line = only_line(result)
    assert line.startswith("error: ") and says in line and "s3cret" not in line


@pytest.mark.parametrize("command", [["annotate"], ["db", "upgrade"], ["serve"]])
@pytest.mark.parametrize("url, code", [("nosuchdb://x/y", 2), ("postgresql+psycopg://u:p@127.0.0.1:1/db", 1)])
def test_every_database_command_names_a_bad_database_in_one_line(command, url, code):
    result = run(*command, "--database-url", url)
    assert result.exit_code == code
    assert only_line(result).startswith("error: ")


def test_a_database_server_that_never_answers_is_given_up_in_one_line():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts connections, says nothing
        url = f"postgresql+psycopg://u:p@127.0.0.1:{silent.getsockname()[1]}/db?connect_timeout=1&sslmode=disable"
        result = run("db", "upgrade", "--database-url", url)
    assert result.exit_code == 1
    assert only_line(result).endswith("/db?connect_timeout=1&sslmode=disable: connection timeout expired")


def test_a_bad_database_url_prints_no_traceback_from_the_installed_command(tmp_path):
    script = "from app.cli import app; app(prog_name='opinions')"
    for name in ("unparseable", "unreachable server", "read-only"):
        url, code, says = bad_database_url(tmp_path, name)
        done = subprocess.run([sys.executable, "-c", script, "db", "upgrade", "--database-url", url],
                              capture_output=True, text=True, timeout=60)
        assert (done.returncode, done.stderr.count("\n")) == (code, 1), done.stderr
        assert says in done.stderr


def test_the_database_url_may_come_before_the_command_or_from_the_environment(databases):
    before, from_env, after = databases.new(), databases.new(), databases.new()
    assert run("--database-url", before, "ingest", str(SEED)).exit_code == 0
    assert run("ingest", str(SEED), env={"OPINIONS_DATABASE_URL": from_env}).exit_code == 0
    assert run("--database-url", "not a url", "ingest", str(SEED), "--database-url", after).exit_code == 0  # after wins
    assert run("--database-url", before, "ingest", str(SEED), env={"OPINIONS_DATABASE_URL": "not a url"}).exit_code == 0
    assert stored_sources(before) == stored_sources(from_env) == stored_sources(after) == [str(SEED)]


def test_the_taxonomy_may_come_before_the_command(tmp_path):
    missing = tmp_path / "nosuch.toml"
    result = run("--taxonomy", str(missing), "extract", str(SEED))
    assert result.exit_code == 2
    assert only_line(result) == f"error: cannot read the topic taxonomy {missing}: No such file or directory"
    assert run("--taxonomy", str(missing), "extract", str(SEED), "--taxonomy", str(TAXONOMY)).exit_code == 0


def gold_folder(tmp: Path, document: str = "a.txt") -> Path:
    (tmp / "gold").mkdir()
    (tmp / "seeds").mkdir()
    text = "Views\n“Growth will slow,” said Dr. Jane Roe, a professor.\n"
    (tmp / "seeds" / "a.txt").write_text(text, encoding="utf-8")
    gold = {"document": document, "experts": [{"name": "Jane Roe"}],
            "statements": [{"paragraph": 1, "speaker": "Jane Roe", "kind": "direct"}]}
    (tmp / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp / "gold"


def test_evaluate_scores_a_gold_folder(tmp_path):
    result = run("evaluate", str(gold_folder(tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert "Extraction against gold (1 documents)" in result.stdout


@pytest.mark.parametrize("args, says", [
    (["nosuch"], "error: nosuch: no such folder"),
    (["{tmp}/gold", "{tmp}/nosuch"], "error: {tmp}/nosuch: no such folder"),
    (["{tmp}/gold/a.json"], "error: {tmp}/gold/a.json: not a folder"),
])
def test_evaluate_refuses_a_missing_folder(tmp_path, args, says):
    gold_folder(tmp_path)
    result = run("evaluate", *(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == 2
    assert only_line(result) == says.format(tmp=tmp_path)
    assert result.stdout == ""


def test_evaluate_fails_when_there_is_nothing_to_score(tmp_path):
    (tmp_path / "gold").mkdir()
    result = run("evaluate", str(tmp_path / "gold"), str(tmp_path))
    assert result.exit_code == 1
    assert only_line(result) == f"error: no gold files (*.json) in {tmp_path / 'gold'}"
    assert "1.000" not in result.stdout


def test_evaluate_notes_a_gold_file_without_its_document_and_fails_when_none_is_left(tmp_path):
    gold = gold_folder(tmp_path, document="gone.txt")
    result = run("evaluate", str(gold))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped {gold / 'a.json'}: no document {tmp_path / 'seeds' / 'gone.txt'}",
        f"error: none of the gold files' documents is in {tmp_path / 'seeds'}",
    ]


def test_evaluate_fails_on_a_gold_file_that_is_not_json(tmp_path):
    gold = gold_folder(tmp_path)
    (gold / "b.json").write_text("{", encoding="utf-8")
    result = run("evaluate", str(gold))
    assert result.exit_code == 1
    assert only_line(result).startswith(f"error: {gold / 'b.json'}: cannot read the gold file: Expecting property name")
