"""Conditional GET: ETags from the dataset version, 304 for a matching If-None-Match, Cache-Control.

The ETag of a GET is a hash of the dataset version (bumped by every write), the path, the query
string and the Accept header, so a client's revalidation costs one primary-key read and no query.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHE_CONTROL = "public, no-cache"  # clients may store answers but revalidate them every time


def dataset_version(engine: Engine) -> int:
    """The version, read on a pooled DBAPI connection: on every GET, so without SQLAlchemy's result layer."""
    conn = engine.raw_connection()
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT version FROM dataset_state WHERE id = 1")
        (version,) = cursor.fetchone()
        cursor.close()
        return version
    finally:
        conn.close()


def etag_for(version: int, scope: Scope, headers: Headers) -> str:
    key = f"{version}|{scope['path']}|{scope.get('query_string', b'').decode()}|{headers.get('accept', '')}"
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:20] + '"'


def matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag.removeprefix("W/") in candidates


class ConditionalGetMiddleware:
    """Adds ETag and Cache-Control to successful GETs; answers 304 when the client's copy is current."""

    def __init__(self, app: ASGIApp, engine: Engine) -> None:
        self.app, self.engine = app, engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        etag = etag_for(dataset_version(self.engine), scope, headers)
        if matches(headers.get("if-none-match"), etag):
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": [(b"etag", etag.encode()), (b"cache-control", CACHE_CONTROL.encode())],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_etag(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                response_headers = MutableHeaders(scope=message)
                response_headers["ETag"] = etag
                response_headers["Cache-Control"] = CACHE_CONTROL
            await send(message)

        await self.app(scope, receive, send_with_etag)
