"""The only file reader: paths -> RawDocument, or a ReadError naming the file and the reason.

Plain text (`.txt`, `.md`): the first non-blank line is the title; metadata may
sit beside it in `NAME.meta.json`. JSON: an object, or a list of objects, with `title` and `text`
and optional `url`, `outlet`, `published`. JSONL / NDJSON: one such object per line; a line of
`opinions extract --format ndjson` (it has `experts` and `statements`) is stored as extracted there.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from app.ingest.serialize import analysis_from_record
from app.types import RawDocument

JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
LINE_SUFFIXES = {".jsonl", ".ndjson"}  # one JSON object per line
TEXT_SUFFIXES = {".txt", ".md"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES
SKIPPED_SUFFIXES = {".toml", ".yaml", ".yml", ".ini", ".cfg"}  # configuration beside the documents: no note
META_SUFFIX = ".meta.json"
SNIFF_BYTES = 8192  # how much of a file shows whether it is binary (as git and grep judge it)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class ReadError:
    source: str
    reason: str


class BadDocument(ValueError):
    """A document that cannot be read; the message is the reason."""


def iter_files(paths: Iterable[Path], on_skip: Callable[[Path, str], None] = lambda path, reason: None
               ) -> Iterator[Path]:
    """Yield the files named, and the document files below the folders named, in sorted order.

    In a folder, hidden files, metadata and configuration are passed over silently; files of
    another type or with binary content are passed over too, each told to `on_skip` with the reason.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            if not (found.is_file() and is_document_file(found, path)):
                continue
            if (reason := unsupported(found)) is None:
                yield found
            else:
                on_skip(found, reason)


def is_document_file(path: Path, root: Path) -> bool:
    """Whether a file found in a folder may be a document (not hidden, not metadata or configuration)."""
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return not path.name.endswith(META_SUFFIX) and path.suffix.lower() not in SKIPPED_SUFFIXES


def named_path_problem(path: Path) -> str | None:
    """Why a path named on the command line cannot be read as documents, or None."""
    if path.is_dir():
        return None
    if not path.exists():
        return "no such file or folder"
    return unsupported(path)


def unsupported(path: Path) -> str | None:
    """Why a file is no document this reader takes (its type, or binary content), or None."""
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        kind = f"file type {path.suffix}" if path.suffix else "file without an extension"
        return f"unsupported {kind} (documents are {', '.join(sorted(DOCUMENT_SUFFIXES))})"
    try:
        with path.open("rb") as file:
            return binary_content(file.read(SNIFF_BYTES))
    except OSError:
        return None  # reading it says why, as a failure of that document


def binary_content(head: bytes) -> str | None:
    """Why the first bytes of a file show binary content, or None: NUL bytes, which no text holds but
    UTF-16 (told apart by its byte-order mark, and refused when read). Text that is merely not UTF-8
    (Latin-1, say) is a document that fails to read, with the offset of the first bad byte."""
    if b"\x00" in head and not head.startswith(UTF16_BOMS):
        return "binary file (contains NUL bytes)"
    return None


def read_documents(paths: Iterable[Path]) -> Iterator[RawDocument | ReadError]:
    """Read every document under the paths; bad files become ReadErrors, never exceptions."""
    for path in iter_files(paths):
        try:
            if path.suffix.lower() in JSON_SUFFIXES:
                yield from read_json_file(path)
            else:
                yield read_text_file(path)
        except (OSError, BadDocument) as err:
            yield ReadError(str(path), describe(err))


def describe(err: Exception) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    if isinstance(err, OSError):
        return err.strerror or str(err)
    return str(err)


def decode(data: bytes) -> str:
    """Decode UTF-8 (dropping a byte-order mark) and turn CRLF into LF; nothing else changes."""
    if data.startswith(UTF16_BOMS):
        raise BadDocument("UTF-16 text (save it as UTF-8)")
    if b"\x00" in data:
        raise BadDocument("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadDocument(f"not UTF-8 text (invalid byte at offset {err.start})") from None
    return text.replace("\r\n", "\n")


def read_text_file(path: Path) -> RawDocument:
    text = decode(path.read_bytes())
    if not text.strip():
        raise BadDocument("empty document")
    meta = read_sidecar(path)
    title = meta.pop("title", None) or first_line(text)
    return make_document(str(path), text, title, meta)


def first_line(text: str) -> str:
    return next(line.strip() for line in text.split("\n") if line.strip())


def read_sidecar(path: Path) -> dict:
    """Metadata from NAME.meta.json (or NAME.txt.meta.json) beside a text file, if any."""
    for candidate in (path.with_suffix(META_SUFFIX), path.with_name(path.name + META_SUFFIX)):
        if candidate.is_file():
            meta = parse_json(decode(candidate.read_bytes()), f"{candidate.name}: ")
            if not isinstance(meta, dict):
                raise BadDocument(f"{candidate.name}: metadata must be a JSON object")
            return meta
    return {}


def read_json_file(path: Path) -> Iterator[RawDocument | ReadError]:
    """Yield one document per object of a .json file (object or list) or per line of a .jsonl file."""
    text = decode(path.read_bytes())
    if not text.strip():
        raise BadDocument("empty document")
    if path.suffix.lower() in LINE_SUFFIXES:
        rows = [(f"{path}#{n}", line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
        for source, line in rows:
            yield from json_records(source, lambda line=line: parse_json(line))
    else:
        parsed = parse_json(text)
        items = parsed if isinstance(parsed, list) else [parsed]
        for n, item in enumerate(items, 1):
            source = f"{path}#{n}" if isinstance(parsed, list) else str(path)
            yield from json_records(source, lambda item=item: item)


def json_records(source: str, load) -> Iterator[RawDocument | ReadError]:
    try:
        yield record_document(source, load())
    except BadDocument as err:
        yield ReadError(source, str(err))


def parse_json(text: str, prefix: str = "") -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise BadDocument(f"{prefix}invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})") from None


def record_document(source: str, record: object) -> RawDocument:
    if not isinstance(record, dict):
        raise BadDocument("a JSON document must be an object with 'title' and 'text'")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadDocument("missing or empty 'text'")
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    meta = {k: v for k, v in record.items() if k != "text"}
    title = meta.pop("title", None) or first_line(text)
    raw = make_document(source, text, str(title), meta)
    if "statements" in record and "experts" in record:  # a line of `opinions extract`: already extracted
        try:
            return replace(raw, extracted=analysis_from_record(text, record))
        except ValueError as err:
            raise BadDocument(f"extracted record: {err}") from None
    return raw


def make_document(source: str, text: str, title: str, meta: dict) -> RawDocument:
    return RawDocument(
        source=source,
        text=text,
        title=title.strip(),
        outlet=optional_str(meta.get("outlet")),
        url=optional_str(meta.get("url")),
        published=parse_published(meta.get("published")),
    )


def optional_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def parse_published(value: object) -> str | None:
    """Normalise a published date (ISO date or datetime) to YYYY-MM-DD."""
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value)).date().isoformat()
    except ValueError:
        try:
            return date.fromisoformat(str(value)[:10]).isoformat()
        except ValueError:
            raise BadDocument(f"'published' is not an ISO date: {value!r}") from None
