"""Content negotiation: which of a resource's media types to answer in, read from the Accept header.

Werkzeug parses the header (q-values, wildcards, `q=0` refusals); on a tie the media type offered
first wins, so `*/*` and a missing Accept get the first one (JSON). Nothing acceptable is a 406.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from app.errors import NotAcceptable

JSON = "application/json"
CSV, NDJSON = "text/csv", "application/x-ndjson"


def choose(accept: str | None, offered: list[str]) -> str:
    """The offered media type the Accept header prefers, or NotAcceptable."""
    if not accept or not accept.strip():
        return offered[0]
    best = parse_accept_header(accept, MIMEAccept).best_match(offered)
    if best is None:
        raise NotAcceptable(offered)
    return best


def offers(*offered: str) -> Callable[[Request], Awaitable[str]]:
    """A dependency: the media type to answer in among `offered` (the first is the default)."""
    media_types = list(offered)

    async def negotiate(request: Request) -> str:
        return choose(request.headers.get("accept"), media_types)

    return negotiate
