"""Conditional GET: ETags from the dataset version, 304 for a matching If-None-Match, Cache-Control,
and `Vary: Accept` (every answer under /v1 is negotiated on Accept, so caches must key on it).

The ETag of a GET is a hash of the dataset version (bumped by every write), the path, the query
string and the Accept header, so a client's revalidation costs one primary-key read and no query.

A route may tag its answer itself: a single statement's tag is a strong hash of its representation
(`representation_tag`), so that it changes exactly when that statement does, and a write's If-Match can
be compared with it. The middleware then keeps that tag, and the route answers its own 304.
"""

from __future__ import annotations

import hashlib

import orjson
from sqlalchemy import Engine, NullPool
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.db import make_engine

CACHE_CONTROL = "public, no-cache"  # clients may store answers but revalidate them every time
VARY = "Accept"


class DatasetVersion:
    """Reads the dataset version on a connection of its own, outside the app's pool, in autocommit.

    Every GET reads it on the event loop. A connection taken from the pool there would wait, when
    every pooled connection is held by a request, for sessions that only the event loop can close:
    a deadlock until the pool's timeout. Only the event loop thread uses this connection.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = make_engine(engine.url.render_as_string(hide_password=False), poolclass=NullPool)
        self.connection = None

    def read(self) -> int:
        try:
            return self._read()
        except self.engine.dialect.loaded_dbapi.Error:
            self.close()  # a dropped or broken connection: open a new one, once
            return self._read()

    def _read(self) -> int:
        if self.connection is None:
            self.connection = self.engine.raw_connection()  # a new connection: no pool to wait on
            self.engine.dialect.set_isolation_level(self.connection.dbapi_connection, "AUTOCOMMIT")
        cursor = self.connection.cursor()
        try:
            cursor.execute("SELECT version FROM dataset_state WHERE id = 1")
            return cursor.fetchone()[0]
        finally:
            cursor.close()

    def close(self) -> None:
        if self.connection is not None:
            connection, self.connection = self.connection, None
            connection.close()


def etag_for(version: int, scope: Scope, headers: Headers) -> str:
    key = f"{version}|{scope['path']}|{scope.get('query_string', b'').decode()}|{headers.get('accept', '')}"
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:20] + '"'


def representation_tag(body: object) -> str:
    """A strong ETag of a JSON representation: the same tag exactly when the same JSON."""
    encoded = orjson.dumps(body, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z | orjson.OPT_NAIVE_UTC)
    return '"' + hashlib.sha256(encoded).hexdigest()[:24] + '"'


def matches_strongly(if_match: str, etag: str) -> bool:
    """If-Match (RFC 9110, 13.1.1): `*`, or the strong tag among the listed ones (a weak tag never matches)."""
    candidates = {tag.strip() for tag in if_match.split(",")}
    return "*" in candidates or etag in candidates


def matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag.removeprefix("W/") in candidates


class ConditionalGetMiddleware:
    """Adds ETag and Cache-Control to successful GETs; answers 304 when the client's copy is current."""

    def __init__(self, app: ASGIApp, version: DatasetVersion) -> None:
        self.app, self.version = app, version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        etag = etag_for(self.version.read(), scope, headers)
        if matches(headers.get("if-none-match"), etag):
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": [
                        (b"etag", etag.encode()),
                        (b"cache-control", CACHE_CONTROL.encode()),
                        (b"vary", VARY.encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_etag(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(scope=message)
                response_headers["Vary"] = VARY  # errors too: a 406 depends on Accept
                if message["status"] in (200, 304):
                    if "etag" not in response_headers:  # a route's own tag stays
                        response_headers["ETag"] = etag
                    response_headers["Cache-Control"] = CACHE_CONTROL
            await send(message)

        await self.app(scope, receive, send_with_etag)
