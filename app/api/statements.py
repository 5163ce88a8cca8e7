from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from app.api.deps import SessionDep
from app.api.encoding import json_response
from app.api.exports import CSV, NDJSON, export_response, wanted_export
from app.api.params import openapi_parameters, query_parser
from app.queries import statements as queries
from app.schemas import StatementFilters, StatementPage, StatementPublic

router = APIRouter(prefix="/v1/statements", tags=["statements"])
EXPORTS = {
    200: {
        "content": {CSV: {}, NDJSON: {}},
        "description": "The page as JSON; or, with Accept: text/csv or application/x-ndjson, "
        "every matching statement streamed (limit and cursor are ignored).",
    }
}


@router.get("", response_model=StatementPage, responses=EXPORTS, openapi_extra=openapi_parameters(StatementFilters))
def list_statements(request: Request, session: SessionDep,
                    filters: Annotated[StatementFilters, Depends(query_parser(StatementFilters))]):
    """List statements that pass every filter given, or export them all."""
    export = wanted_export(request)
    if export:
        filters = filters.model_copy(update={"cursor": None})
        rows = lambda s: (public(item) for item in queries.iter_statements(s, filters=filters))  # noqa: E731
        return export_response(request, export, rows, "statements")
    page = queries.list_statements(session, filters=filters)
    wanted = filters.field_list()
    if wanted:
        page["items"] = [{k: item[k] for k in wanted} for item in page["items"]]
    return json_response(page)


def public(item: dict) -> dict:
    """An item exactly as the JSON list shows it."""
    return StatementPublic.model_validate(item).model_dump(mode="json")


@router.get("/{statement_id}", response_model=StatementPublic)
def read_statement(
    session: SessionDep, statement_id: Annotated[int, Path(description="Statement id.", examples=[1])]
) -> dict:
    """Get a statement with its annotations."""
    return queries.get_statement(session, statement_id=statement_id)
