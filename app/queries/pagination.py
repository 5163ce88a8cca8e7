"""Opaque cursors: URL-safe base64 of a JSON list; and the readers of the values they carry.

A cursor is client input like any other: a hand-made one holding a huge number, a NaN or the
wrong type is refused here, naming `cursor`, before any value reaches the database.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from app.errors import InvalidParameter
from app.schemas import MAX_ID

MAX_OFFSET = 2**63 - 1  # OFFSET is a signed 64-bit integer on SQLite and PostgreSQL
MAX_CURSOR_LENGTH = 1000
OFFSET = "offset"  # the label of a cursor that carries a row offset (lists ordered by a computed count)


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps(list(values), separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *, arity: int) -> list[Any]:
    """The values a cursor carries; a cursor that is not ours is an error naming `cursor`."""
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise InvalidParameter("cursor", "not a cursor returned by this API")
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise InvalidParameter("cursor", "not a cursor returned by this API") from None
    if not isinstance(values, list) or len(values) != arity:
        raise InvalidParameter("cursor", "not a cursor for this list and sort order")
    return values


def cursor_int(value: Any, maximum: int = MAX_ID) -> int:
    """An integer a cursor carries: an id (or, with `maximum`, an offset) within its column's range."""
    if isinstance(value, bool) or not isinstance(value, int) or not -maximum - 1 <= value <= maximum:
        raise ValueError(f"not an integer within ±{maximum}: {value!r}")
    return value


def cursor_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return float(value)


def cursor_str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"not a string: {value!r}")
    return value


def cursor_date(value: Any) -> date:
    return date.fromisoformat(cursor_str(value))


def encode_offset(offset: int) -> str:
    return encode_cursor([OFFSET, offset])


def decode_offset(cursor: str | None) -> int:
    """The row offset an offset cursor carries (0 without a cursor)."""
    if not cursor:
        return 0
    label, offset = decode_cursor(cursor, arity=2)
    try:
        if label != OFFSET or cursor_int(offset, MAX_OFFSET) < 0:
            raise ValueError(label)
    except ValueError:
        raise InvalidParameter("cursor", "not a cursor for this list") from None
    return offset
