from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.api.contract import link, operation, parse_query
from app.api.deps import SessionDep
from app.queries import changes as queries
from app.write_schemas import ChangePage, ChangeParams

router = APIRouter(prefix="/v1/changes", tags=["changes"])
LIST = operation(query=ChangeParams, paged=True, cursor_example="170",
                 links={"next": link("/v1/changes", after="$response.body#/last_seq",
                                     entity="$request.query.entity")})


@router.get("", response_model=ChangePage, **LIST)
def list_changes(request: Request, response: Response, session: SessionDep,
                 params: Annotated[ChangeParams, Depends(parse_query(ChangeParams))]) -> dict:
    """List the change feed: every write, in the order it committed, after `after`; poll with `after=last_seq`."""
    after = int(params.cursor) if params.cursor is not None else params.after
    page = queries.list_changes(session, after=after, limit=params.limit, entity=params.entity)
    if page["next_cursor"]:
        following = request.url.remove_query_params("cursor").include_query_params(after=page["last_seq"])
        response.headers["Link"] = f'<{following}>; rel="next"'
    return page
