"""What each operation promises: its query parameters, media types and every status it can answer.

`operation(...)` gives a route decorator's keyword arguments: the dependencies that enforce the
promise (the query model, content negotiation) and the OpenAPI that documents it, from one place.
Errors are documented with the `Problem` schema as `application/problem+json`, in place of
FastAPI's default 422 body, which this API never sends.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Depends, FastAPI
from pydantic import BaseModel

from app.api.bodies import component_schemas
from app.api.negotiation import JSON, offers
from app.api.params import NoQuery, openapi_parameters, query_parser
from app.errors import PROBLEM_JSON
from app.schemas import Problem

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
LINK = {
    "description": 'RFC 8288 link to the next page, `<URL>; rel="next"`; absent on the last page.',
    "schema": {"type": "string"},
}
ETAG = {"description": "A weak tag of the dataset version and the request; send it back in If-None-Match.",
        "schema": {"type": "string"}}


def problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}}}


@cache
def parse_query(model: type[BaseModel]):
    """One dependency per query model, so a route that also reads the model gets the same one (parsed once)."""
    return query_parser(model)


@cache
def negotiate(*media_types: str):
    return offers(*media_types)


def operation(
    *,
    query: type[BaseModel] = NoQuery,
    media_types: tuple[str, ...] = (JSON,),
    not_found: str | None = None,
    moved: str | None = None,
    paged: bool = False,
    cached: bool = True,
    description: str = "OK",
    content: dict[str, Any] | None = None,
    cursor_example: str | None = None,
    links: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Keyword arguments of a GET route: its dependencies and its documented responses.

    `media_types` are offered in order of preference (JSON, described by the route's response model,
    first); `content` describes the others (a schema by media type; none for exports). A paged list
    gives an example cursor of its own order; `links` are OpenAPI links from its 200 answer."""
    ok: dict[str, Any] = {"description": description,
                          "content": {m: (content or {}).get(m, {}) for m in media_types if m != JSON}}
    if cached:
        ok["headers"] = {"ETag": ETAG}
    if paged:
        ok.setdefault("headers", {})["Link"] = LINK
    if links:
        ok["links"] = links
    responses: dict[int | str, dict[str, Any]] = {200: ok}
    if cached:
        responses[304] = {"description": "Not Modified: If-None-Match holds the current ETag."}
    if moved:
        responses[308] = {"description": f"Permanent Redirect. {moved}", "headers": {"Location": {
            "description": "Where the resource now lives.", "schema": {"type": "string"}}}}
    if not_found:
        responses[404] = problem(not_found)
    responses[406] = problem("Not Acceptable: Accept admits none of the media types of the 200 answer.")
    responses[422] = problem("A parameter is invalid, unknown to the operation, or repeated; `param` names it.")
    return {
        "responses": responses,
        "openapi_extra": {"parameters": with_example(openapi_parameters(query), "cursor", cursor_example)},
        "dependencies": [Depends(parse_query(query)), Depends(negotiate(*media_types))],
    }


WRITE_PROBLEMS = {
    401: "No API key, or one unknown, wrong or revoked (`WWW-Authenticate: Bearer`).",
    403: "The key's scope is too small for this operation.",
    422: "The body or a parameter is invalid; `param` names it.",
    429: "Over the key's write limit; `Retry-After` says when to try again.",
}


def write_operation(*, status_code: int = 200, not_found: str | None = None,
                    problems: dict[int, str] | None = None, ok: dict[int, dict[str, Any]] | None = None,
                    body: dict[str, Any] | None = None) -> dict[str, Any]:
    """Keyword arguments of a write route: its success status and every problem it can answer; `ok`
    documents its successful answers' headers, `body` its request body (app.api.bodies.body_openapi)."""
    described = {**WRITE_PROBLEMS, **({404: not_found} if not_found else {}), **(problems or {})}
    responses: dict[int | str, dict[str, Any]] = {code: problem(text) for code, text in sorted(described.items())}
    responses[429]["headers"] = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}
    responses.update(ok or {})
    return {"status_code": status_code, "responses": responses, **({"openapi_extra": body} if body else {})}


def with_example(parameters: list[dict[str, Any]], name: str, example: str | None) -> list[dict[str, Any]]:
    return [{**p, "example": example} if p["name"] == name and example else p for p in parameters]


def link(path: str, **parameters: str) -> dict[str, Any]:
    """An OpenAPI link to the GET of `path`, its parameters read from the answer (or the request)."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {"operationRef": f"#/paths/{pointer}/get", "parameters": parameters}


def next_page(path: str, **kept: str) -> dict[str, dict[str, Any]]:
    """The link of a list to its next page (with the request's parameters that the cursor depends on)."""
    return {"next": link(path, cursor="$response.body#/next_cursor", **kept)}


def install_problem_schema(app: FastAPI) -> None:
    """Add the Problem schema to the app's OpenAPI components (the responses above refer to it)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            definitions = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            schemas.update(definitions.pop("$defs", {}))
            schemas["Problem"] = definitions
            schemas.update(component_schemas())
        return app.openapi_schema

    app.openapi = openapi
