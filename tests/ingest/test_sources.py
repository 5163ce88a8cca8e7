import json

import pytest

from app.ingest.sources import ReadError, iter_files, read_documents


def read_all(*paths):
    return list(read_documents(paths))


def test_text_file_title_is_first_line_and_text_is_verbatim_but_crlf(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffTitle here\r\nBody “quoted”.\r\n".encode())
    (doc,) = read_all(tmp_path / "a.txt")
    assert doc.title == "Title here"
    assert doc.text == "Title here\nBody “quoted”.\n"


def test_sidecar_metadata_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nBody\n")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"outlet": "Daily", "url": "https://x.test/a", "published": "2025-12-30T10:00:00"})
    )
    (doc,) = read_all(tmp_path)  # the folder: the sidecar is not a document of its own
    assert (doc.outlet, doc.url, doc.published) == ("Daily", "https://x.test/a", "2025-12-30")


def test_json_list_and_jsonl_rows_are_documents_of_their_own(tmp_path):
    (tmp_path / "many.json").write_text(json.dumps([{"title": "A", "text": "a"}, {"title": "B", "text": "b"}]))
    (tmp_path / "rows.jsonl").write_text('{"title": "C", "text": "c", "outlet": "O"}\n\n{"title": "D"}\n')
    docs = read_all(tmp_path)
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["many.json#1", "many.json#2", "rows.jsonl#1", "rows.jsonl#3"]
    assert isinstance(docs[3], ReadError) and "text" in docs[3].reason
    assert docs[2].outlet == "O"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \n\n", "empty document"),
        ("image.bin", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
        ("utf16.txt", "\ufeffTitle\nBody\n".encode("utf-16"), "UTF-16 text (save it as UTF-8)"),
        ("broken.json", b'{"title": "x", ', "invalid JSON"),
        ("list.json", b"[1, 2]", "object"),
        ("dated.json", b'{"title": "x", "text": "y", "published": "yesterday"}', "ISO date"),
    ],
)
def test_bad_files_become_named_errors(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    errors = [d for d in read_all(tmp_path / name) if isinstance(d, ReadError)]
    assert errors and reason in errors[0].reason
    assert errors[0].source.endswith(name.split("#")[0]) or "#" in errors[0].source


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    (err,) = read_all(tmp_path / "nope.txt")
    assert err.reason == "no such file"


def test_folder_skips_hidden_and_configuration_files(tmp_path):
    (tmp_path / "doc.txt").write_text("T\nbody")
    (tmp_path / "topics.toml").write_text("[x]")
    (tmp_path / ".hidden.txt").write_text("T\nbody")
    assert [d.title for d in read_all(tmp_path)] == ["T"]


def test_folder_passes_over_other_file_types_and_binary_files_saying_why(tmp_path):
    (tmp_path / "doc.md").write_text("T\nbody")
    (tmp_path / "notes.TXT").write_text("T\nbody")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (tmp_path / "utf16.txt").write_bytes("\ufeffT\nbody".encode("utf-16"))  # text, if not UTF-8: read, and refused then
    skipped = []
    found = list(iter_files([tmp_path], on_skip=lambda path, reason: skipped.append((path.name, reason))))
    assert [p.name for p in found] == ["doc.md", "notes.TXT", "utf16.txt"]
    assert skipped == [("paper.pdf", "unsupported file type .pdf (documents are .json, .jsonl, .md, .ndjson, .txt)"),
                       ("photo.txt", "binary file (contains NUL bytes)")]
