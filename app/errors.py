"""Typed errors and the one renderer of RFC 9457 problem+json responses."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"


class ProblemError(Exception):
    """An error the API reports as problem+json."""

    status = 400
    type = "about:blank"

    def __init__(self, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFound(ProblemError):
    status = 404
    type = "/problems/not-found"


class InvalidParameter(ProblemError):
    """A query parameter with a value the API cannot use; `param` names it."""

    status = 400
    type = "/problems/invalid-parameter"

    def __init__(self, param: str, detail: str) -> None:
        super().__init__(f"{param}: {detail}", param=param, errors=[{"param": param, "msg": detail}])


def problem(status: int, detail: str, type_: str = "about:blank", **extra: object) -> JSONResponse:
    body = {"type": type_, "title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def param_name(loc: tuple) -> str:
    """The parameter a validation error is about ("query", "limit") -> "limit"."""
    return ".".join(str(part) for part in loc[1:]) or str(loc[0])


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def on_problem(_: Request, exc: ProblemError) -> JSONResponse:
        return problem(exc.status, exc.detail, exc.type, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def on_validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"param": param_name(tuple(e["loc"])), "msg": e["msg"]} for e in exc.errors()]
        detail = "; ".join(f"{e['param']}: {e['msg']}" for e in errors)
        return problem(422, detail, "/problems/invalid-parameter", param=errors[0]["param"], errors=errors)

    @app.exception_handler(HTTPException)
    async def on_http(_: Request, exc: HTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def on_crash(_: Request, exc: Exception) -> JSONResponse:
        return problem(500, "The server failed to answer this request.")
