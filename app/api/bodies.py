"""Request bodies: the media type checked (415), the JSON parsed and validated (422 naming the member).

Parsed by a dependency rather than by FastAPI, so that it runs after the key is checked (a request
without a key is a 401 whatever its body) and so that a merge patch's media type is accepted.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import orjson
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from app.errors import InvalidParameter, UnsupportedMediaType

JSON = "application/json"
MERGE_PATCH = "application/merge-patch+json"  # RFC 7396
MODELS: dict[str, type[BaseModel]] = {}  # the body models, for the OpenAPI components


@cache
def json_body(model: type[BaseModel], *media_types: str):
    """A dependency: the request's body as a validated `model`, in one of `media_types`."""
    MODELS[model.__name__] = model

    async def parse(request: Request) -> BaseModel:
        given = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if given not in media_types:
            raise UnsupportedMediaType(given, list(media_types))
        try:
            data = orjson.loads(await request.body())
        except orjson.JSONDecodeError as error:
            raise InvalidParameter("body", f"not JSON: {error}") from None
        if not isinstance(data, dict):
            raise InvalidParameter("body", "must be a JSON object")
        try:
            return model.model_validate(data)
        except ValidationError as error:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_url=False)]) from None

    return parse


def body_openapi(model: type[BaseModel], *media_types: str) -> dict[str, Any]:
    """The OpenAPI requestBody of an operation that takes `model` in `media_types`."""
    schema = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {media: {"schema": schema} for media in media_types}}}


def component_schemas() -> dict[str, Any]:
    """The body models' JSON schemas, by name."""
    out: dict[str, Any] = {}
    for name, model in MODELS.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        out.update(schema.pop("$defs", {}))
        out[name] = schema
    return out
