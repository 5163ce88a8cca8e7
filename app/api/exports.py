"""Streamed exports of a list: CSV or NDJSON, chosen by the Accept header."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

from fastapi import Request
from fastapi.responses import StreamingResponse
from sqlmodel import Session

CSV, NDJSON = "text/csv", "application/x-ndjson"
EXPORT_TYPES = (CSV, NDJSON)


def wanted_export(request: Request) -> str | None:
    """The export media type the client asks for in Accept, if any (JSON otherwise)."""
    accept = request.headers.get("accept", "")
    offered = [part.split(";")[0].strip() for part in accept.split(",")]
    return next((t for t in offered if t in EXPORT_TYPES), None)


def flat(value: object) -> object:
    """A CSV cell: lists joined with ';', objects as JSON, other values as they are."""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def csv_lines(items: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = None
    for item in items:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(item), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: flat(v) for k, v in item.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def ndjson_lines(items: Iterable[dict]) -> Iterator[str]:
    for item in items:
        yield json.dumps(item, ensure_ascii=False, default=str) + "\n"


def export_response(
    request: Request, media_type: str, items: Callable[[Session], Iterable[dict]], filename: str
) -> StreamingResponse:
    """Stream every item, reading with a session of its own that lives as long as the stream."""

    def body() -> Iterator[str]:
        with Session(request.app.state.engine) as session:
            rows = items(session)
            yield from csv_lines(rows) if media_type == CSV else ndjson_lines(rows)

    extension = "csv" if media_type == CSV else "ndjson"
    headers = {"Content-Disposition": f'attachment; filename="{filename}.{extension}"'}
    return StreamingResponse(body(), media_type=media_type, headers=headers)
