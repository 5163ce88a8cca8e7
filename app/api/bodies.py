"""Request bodies: the media type checked (415), the size limited (413), the JSON parsed and validated
(422 naming the member), and a document's body read as `opinions ingest` reads a file.

Parsed by dependencies rather than by FastAPI, so that they run after the key is checked (a request
without a key is a 401 whatever its body) and so that a merge patch's media type is accepted. The size
limit is checked on Content-Length before anything is read, and again on the bytes as they come (a body
sent without a length, or with a false one, is cut off at the limit all the same).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import orjson
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from app.errors import ContentTooLarge, InvalidParameter, UnsupportedMediaType
from app.ingest.sources import BadDocument, decode, first_line, make_document
from app.types import RawDocument
from app.write_schemas import DocumentIn

JSON = "application/json"
TEXT = "text/plain"
DOCUMENT_TYPES = [JSON, TEXT]
UTF8 = {"utf-8", "utf8", "us-ascii"}  # charsets a text/plain body may declare


async def read_limited(request: Request, limit: int) -> bytes:
    """The request's body; ContentTooLarge as soon as it is (or says it will be) over `limit` bytes."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise ContentTooLarge(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ContentTooLarge(limit)
    return bytes(body)


def media_type(request: Request) -> tuple[str, dict[str, str]]:
    """The body's media type (lower case) and its parameters."""
    kind, *parameters = request.headers.get("content-type", "").split(";")
    pairs = (p.split("=", 1) for p in parameters if "=" in p)
    return kind.strip().lower(), {k.strip().lower(): v.strip().strip('"').lower() for k, v in pairs}


async def document_body(request: Request) -> RawDocument:
    """The document a POST carries, as JSON (DocumentIn) or as plain text read like a `.txt` file."""
    kind, parameters = media_type(request)
    if kind not in DOCUMENT_TYPES or (kind == TEXT and parameters.get("charset", "utf-8") not in UTF8):
        raise UnsupportedMediaType(request.headers.get("content-type", ""), DOCUMENT_TYPES)
    body = await read_limited(request, request.app.state.max_document_bytes)
    return json_document(body) if kind == JSON else text_document(body)


def text_document(body: bytes) -> RawDocument:
    """A text/plain body, read exactly as `opinions ingest` reads a `.txt` file: the same text, hash and title."""
    try:
        text = decode(body)
    except BadDocument as err:
        raise InvalidParameter("body", str(err)) from None
    if not text.strip():
        raise InvalidParameter("body", "empty document")
    return make_document("", text, first_line(text), {})


def json_document(body: bytes) -> RawDocument:
    """A JSON body, checked by DocumentIn (422 naming the field), its text kept as a `.json` file's would be."""
    try:
        document = DocumentIn.model_validate_json(body)
    except ValidationError as error:
        raise RequestValidationError([body_error(e) for e in error.errors(include_url=False)]) from None
    text = document.text.lstrip("\ufeff").replace("\r\n", "\n")
    meta = {"outlet": document.outlet, "url": document.url,
            "published": document.published.isoformat() if document.published else None}
    return make_document("", text, document.title, meta)


def body_error(error: Any) -> dict[str, Any]:
    """A validation error located in the body: at its field, or at `body` itself (not JSON, not an object)."""
    field = error["loc"][:1] if error["type"] not in ("json_invalid", "model_type") else ()
    return {**error, "loc": ("body", *field) if field else ("body", "body")}


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
