"""Streamed exports of a list: CSV or NDJSON (the media type negotiated on Accept).

The route checks every parameter before it returns the stream: once the first byte is sent, an
error can only cut the answer short. Items come as the JSON list shows them: JSON values only."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

from fastapi import Request
from fastapi.responses import StreamingResponse
from sqlmodel import Session

from app.api.negotiation import CSV


def flat_row(item: dict) -> dict:
    """A CSV row: small objects spread into prefixed columns (expert_id, expert_name), lists joined
    with ';', other objects as JSON."""
    row: dict = {}
    for key, value in item.items():
        if isinstance(value, dict) and value and all(not isinstance(v, dict | list) for v in value.values()):
            row.update({f"{key}_{k}": v for k, v in value.items()})
        elif isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
            row[key] = ";".join(str(v) for v in value)
        elif isinstance(value, dict | list):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


def csv_lines(items: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = None
    for item in items:
        row = flat_row(item)
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def ndjson_lines(items: Iterable[dict]) -> Iterator[str]:
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


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
