"""Opaque cursors: URL-safe base64 of a JSON list."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Any

from app.errors import InvalidParameter


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps(list(values), separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *, arity: int) -> list[Any]:
    """The values a cursor carries; a cursor that is not ours is an error naming `cursor`."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise InvalidParameter("cursor", "not a cursor returned by this API") from None
    if not isinstance(values, list) or len(values) != arity:
        raise InvalidParameter("cursor", "not a cursor for this list and sort order")
    return values
