"""The next page of a list, as an RFC 8288 `Link` header."""

from __future__ import annotations

from fastapi import Request, Response


def next_url(request: Request, cursor: str) -> str:
    """This request's address with `cursor` set to the next page's (other parameters kept)."""
    return str(request.url.include_query_params(cursor=cursor))


def link_next(request: Request, response: Response, cursor: str | None) -> None:
    """Add `Link: <next page>; rel="next"` when there is a next page."""
    if cursor:
        response.headers["Link"] = f'<{next_url(request, cursor)}>; rel="next"'
