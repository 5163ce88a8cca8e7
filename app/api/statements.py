from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

import orjson
from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.auth import Writer
from app.api.bodies import JSON as JSON_BODY
from app.api.bodies import MERGE_PATCH, body_openapi, json_body
from app.api.caching import matches, matches_strongly, representation_tag
from app.api.contract import link, negotiate, next_page, operation, parse_query, write_operation
from app.api.deps import SessionDep, TaxonomyDep
from app.api.encoding import json_response
from app.api.exports import export_response
from app.api.negotiation import CSV, JSON, NDJSON
from app.api.paging import link_next
from app.errors import Moved, PreconditionFailed
from app.queries import statements as queries
from app.queries.experts import moved_to
from app.queries.pagination import encode_cursor
from app.schemas import MAX_ID, StatementFilters, StatementPage, StatementPublic
from app.write_schemas import StatementCreate, StatementPatch
from app.writes import new_statement
from app.writes import statements as writes

router = APIRouter(prefix="/v1/statements", tags=["statements"])
StatementId = Annotated[int, Path(ge=1, le=MAX_ID, description="Statement id.", examples=[1])]
LIST = operation(
    query=StatementFilters, media_types=(JSON, CSV, NDJSON), paged=True,
    moved="`expert` names an expert merged into another: `Location` is this query with that one's id.",
    cursor_example=encode_cursor(["-published,expert,id", "2025-12-30", "Roman Gurevich", 5]),  # of the sort example
    links={**next_page("/v1/statements", sort="$request.query.sort", q="$request.query.q"),
           "statement": link("/v1/statements/{statement_id}", statement_id="$response.body#/items/0/id")},
    description="The page as JSON; or, with Accept: text/csv or application/x-ndjson, every matching statement "
    "streamed (limit and cursor are ignored).",
)


@router.get("", response_model=StatementPage, **LIST)
def list_statements(request: Request, session: SessionDep,
                    filters: Annotated[StatementFilters, Depends(parse_query(StatementFilters))],
                    media_type: Annotated[str, Depends(negotiate(JSON, CSV, NDJSON))]):
    """List statements that pass every filter given, or export them all."""
    if filters.expert is not None and (new_id := moved_to(session, expert_id=filters.expert)) is not None:
        query = [(k, str(new_id) if k == "expert" else v) for k, v in request.query_params.multi_items()]
        raise Moved(f"{request.url.path}?{urlencode(query)}")  # an expert merged into another
    if media_type != JSON:
        filters = filters.model_copy(update={"cursor": None})
        queries.make_query(session, filters)  # every parameter checked before the first byte is sent
        rows = lambda s: (public(item) for item in queries.iter_statements(s, filters=filters))  # noqa: E731
        return export_response(request, media_type, rows, "statements")
    page = queries.list_statements(session, filters=filters)
    wanted = filters.field_list()
    if wanted:
        page["items"] = [{k: item[k] for k in wanted} for item in page["items"]]
    response = json_response(page)
    link_next(request, response, page["next_cursor"])
    return response


def public(item: dict) -> dict:
    """An item exactly as the JSON list shows it."""
    return StatementPublic.model_validate(item).model_dump(mode="json")


STATEMENT = operation(not_found="No statement with this id.", links={
    "expert": link("/v1/experts/{expert_id}", expert_id="$response.body#/expert/id"),
    "document": link("/v1/documents/{document_id}", document_id="$response.body#/document_id"),
})
STATEMENT["responses"][200]["headers"]["ETag"] = {
    "description": "A strong tag of this statement: it changes exactly when the statement does. Send it back in "
                   "If-None-Match (304 if unchanged), or in If-Match to PATCH only the version you read.",
    "schema": {"type": "string"}}


@router.get("/{statement_id}", response_model=StatementPublic, **STATEMENT)
def read_statement(request: Request, session: SessionDep, statement_id: StatementId) -> Response:
    """Get a statement with its annotations."""
    return tagged(queries.get_statement(session, statement_id=statement_id), request)


def tagged(item: dict, request: Request | None = None, status_code: int = 200, **headers: str) -> Response:
    """The statement as JSON with its own ETag; a 304 when the request's If-None-Match holds that tag."""
    etag = representation_tag(item)
    if request is not None and matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers={"ETag": etag})
    return Response(orjson.dumps(public(item)), status_code=status_code, media_type=JSON,
                    headers={"ETag": etag, **headers})


TAGGED = {200: {"description": "The statement as it now is.", "headers": {"ETag": STATEMENT["responses"][200][
    "headers"]["ETag"]}}}
PATCH = write_operation(
    not_found="No statement with this id.", ok=TAGGED, body=body_openapi(StatementPatch, MERGE_PATCH, JSON_BODY),
    problems={409: "The new expert already has a statement on this span.",
              412: "If-Match holds no current tag of the statement: it changed since it was read.",
              415: "The body is neither application/merge-patch+json nor application/json.",
              422: "A member is unknown, null, or invalid (an unknown expert_id or topic); `param` names it."})


@router.patch("/{statement_id}", response_model=StatementPublic, **PATCH)
def patch_statement(request: Request, session: SessionDep, statement_id: StatementId, caller: Writer,
                    patch: Annotated[StatementPatch, Depends(json_body(StatementPatch, MERGE_PATCH, JSON_BODY))],
                    ) -> Response:
    """Curate a statement (JSON merge patch): its status, expert_id, kind or topics; If-Match honoured."""
    if_match = request.headers.get("if-match")

    def unchanged_since_read(item: dict) -> None:
        if if_match is not None and not matches_strongly(if_match, representation_tag(item)):
            raise PreconditionFailed(f"statement {statement_id} changed since it was read (If-Match: {if_match})")

    with session.begin():
        item = writes.patch_statement(session, statement_id=statement_id, patch=patch, actor=caller.name,
                                      precondition=unchanged_since_read)
    return tagged(item)


CREATE = write_operation(
    status_code=201, body=body_openapi(StatementCreate, JSON_BODY),
    ok={201: {"description": "The statement added.", "headers": {
        "Location": {"description": "The statement's address.", "schema": {"type": "string"}},
        "ETag": STATEMENT["responses"][200]["headers"]["ETag"]}}},
    problems={409: "The expert already has a statement on this span.",
              415: "The body is not application/json.",
              422: "A member is unknown or invalid: a document, expert or topic that does not exist, a span outside "
                   "the text or across a line break; `param` names it."})


@router.post("", response_model=StatementPublic, **CREATE)
def create_statement(request: Request, session: SessionDep, caller: Writer, taxonomy: TaxonomyDep,
                     body: Annotated[StatementCreate, Depends(json_body(StatementCreate, JSON_BODY))]) -> Response:
    """Add a statement the extractor missed, by its span in the document's text."""
    with session.begin():
        item = new_statement.add_statement(session, body=body, actor=caller.name, taxonomy=taxonomy)
    return tagged(item, status_code=201, Location=f"/v1/statements/{item['id']}")
