"""Typed errors and the one renderer of RFC 9457 problem+json responses."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.routing import Match

PROBLEM_JSON = "application/problem+json"


class ProblemError(Exception):
    """An error the API reports as problem+json."""

    status = 400
    type = "about:blank"
    headers: dict[str, str] | None = None

    def __init__(self, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFound(ProblemError):
    status = 404
    type = "/problems/not-found"


class InvalidParameter(ProblemError):
    """A parameter the API cannot use (a bad value, an unknown name, a repeated one); `param` names it.

    Always 422, like the values that fail the parameter's schema: one status for one problem type."""

    status = 422
    type = "/problems/invalid-parameter"

    def __init__(self, param: str, detail: str) -> None:
        super().__init__(f"{param}: {detail}", param=param, errors=[{"param": param, "msg": detail}])


class Conflict(ProblemError):
    """The write would make a second copy of something unique (a name, a statement's span and speaker)."""

    status = 409
    type = "/problems/conflict"


class PreconditionFailed(ProblemError):
    """If-Match names no current tag of the resource: someone changed it since the client read it."""

    status = 412
    type = "/problems/precondition-failed"


class UnsupportedMediaType(ProblemError):
    """A request body in a media type the operation does not take."""

    status = 415
    type = "/problems/unsupported-media-type"

    def __init__(self, given: str, accepted: list[str]) -> None:
        super().__init__(f"the body must be {' or '.join(accepted)}, not {given or 'unlabelled'}", accepted=accepted)
        patch = "application/merge-patch+json" in accepted  # RFC 5789's Accept-Patch, else Accept-Post (W3C LDP)
        self.headers = {"Accept-Patch" if patch else "Accept-Post": ", ".join(accepted)}


class Moved(Exception):
    """What was asked for lives on under another address (an expert merged into another): 308."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class NotAcceptable(ProblemError):
    """The Accept header admits none of the media types the resource is offered in."""

    status = 406
    type = "/problems/not-acceptable"

    def __init__(self, offered: list[str]) -> None:
        super().__init__(f"Accept admits none of: {', '.join(offered)}", offered=offered)


class Unauthorized(ProblemError):
    """No key, or a key that is unknown, wrong or revoked (RFC 6750: the challenge names the scheme)."""

    status = 401
    type = "/problems/unauthorized"

    def __init__(self, detail: str, *, presented: bool) -> None:
        super().__init__(detail)
        self.headers = {"WWW-Authenticate": 'Bearer error="invalid_token"' if presented else "Bearer"}


class Forbidden(ProblemError):
    """A valid key whose scope is too small for the operation."""

    status = 403
    type = "/problems/forbidden"

    def __init__(self, needed: str) -> None:
        super().__init__(f"this operation needs a key with scope {needed!r} or above", needed_scope=needed)
        self.headers = {"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{needed}"'}


class TooManyRequests(ProblemError):
    """A key over its write limit; `Retry-After` says when to try again."""

    status = 429
    type = "/problems/too-many-requests"

    def __init__(self, limit: str, retry_after: int) -> None:
        super().__init__(f"over this key's limit of {limit} writes; retry in {retry_after} s")
        self.headers = {"Retry-After": str(retry_after)}


class ContentTooLarge(ProblemError):
    """A request body over the configured size."""

    status = 413
    type = "/problems/content-too-large"

    def __init__(self, limit: int) -> None:
        super().__init__(f"the body is over the limit of {limit} bytes", limit=limit)


def problem_body(status: int, detail: str, type_: str = "about:blank", **extra: object) -> dict:
    return {"type": type_, "title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}


def problem(
    status: int, detail: str, type_: str = "about:blank", headers: dict[str, str] | None = None, **extra: object
) -> JSONResponse:
    body = problem_body(status, detail, type_, **extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


# Renders a problem for a person (an HTML page), or answers None when the request is not for a page.
PageRenderer = Callable[[Request, dict, dict[str, str] | None], Response | None]


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed(request: Request, headers: dict[str, str] | None) -> dict[str, str] | None:
    """A 405's headers: `Allow` lists every method some route takes on the path (Starlette names only the
    first route's), with HEAD wherever GET is (HEAD is served for every GET)."""
    if not headers or "Allow" not in headers:
        return headers
    routes = request.app.router.routes
    methods = [m for m in METHODS if any(r.matches({**request.scope, "method": m})[0] == Match.FULL for r in routes)]
    if "GET" in methods:
        methods.insert(1, "HEAD")
    return {**headers, "Allow": ", ".join(methods)}


def param_name(loc: tuple) -> str:
    """The parameter a validation error is about ("query", "limit") -> "limit"."""
    return ".".join(str(part) for part in loc[1:]) or str(loc[0])


def install_error_handlers(app: FastAPI, *, pages: PageRenderer | None = None) -> None:
    """Every error as problem+json; on the pages `pages` renders (the HTML review pages), as its HTML."""

    def respond(request: Request, status: int, detail: str, type_: str = "about:blank",
                headers: dict[str, str] | None = None, **extra: object) -> Response:
        page = pages(request, problem_body(status, detail, type_, **extra), headers) if pages else None
        return page or problem(status, detail, type_, headers, **extra)

    @app.exception_handler(ProblemError)
    async def on_problem(request: Request, exc: ProblemError) -> Response:
        return respond(request, exc.status, exc.detail, exc.type, headers=exc.headers, **exc.extra)

    @app.exception_handler(Moved)
    async def on_moved(_: Request, exc: Moved) -> Response:
        return Response(status_code=308, headers={"Location": exc.location})

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"param": param_name(tuple(e["loc"])), "msg": e["msg"]} for e in exc.errors()]
        detail = "; ".join(f"{e['param']}: {e['msg']}" for e in errors)
        return respond(request, 422, detail, "/problems/invalid-parameter", param=errors[0]["param"], errors=errors)

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail), headers=allowed(request, exc.headers))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        return respond(request, 500, "The server failed to answer this request.")
