from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from app.api.contract import link, negotiate, next_page, operation, parse_query
from app.api.deps import SessionDep
from app.api.encoding import json_response
from app.api.exports import export_response
from app.api.negotiation import CSV, JSON, NDJSON
from app.api.paging import link_next
from app.queries import statements as queries
from app.queries.pagination import encode_cursor
from app.schemas import MAX_ID, StatementFilters, StatementPage, StatementPublic

router = APIRouter(prefix="/v1/statements", tags=["statements"])
LIST = operation(
    query=StatementFilters, media_types=(JSON, CSV, NDJSON), paged=True,
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


@router.get("/{statement_id}", response_model=StatementPublic, **STATEMENT)
def read_statement(
    session: SessionDep, statement_id: Annotated[int, Path(ge=1, le=MAX_ID, description="Statement id.", examples=[1])]
) -> dict:
    """Get a statement with its annotations."""
    return queries.get_statement(session, statement_id=statement_id)
