from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.auth import Writer
from app.api.bodies import JSON, MERGE_PATCH, body_openapi, json_body
from app.api.contract import link, next_page, operation, parse_query, write_operation
from app.api.deps import SessionDep
from app.api.paging import link_next
from app.errors import Moved, NotFound
from app.queries import experts as queries
from app.queries import topics as topic_queries
from app.queries.pagination import encode_offset
from app.schemas import MAX_ID, ExpertFilters, ExpertPublic, ExpertTopic, Page, PageParams
from app.write_schemas import ExpertMerge, ExpertPatch
from app.writes import experts as writes
from app.writes import merge

router = APIRouter(prefix="/v1/experts", tags=["experts"])
ExpertId = Annotated[int, Path(ge=1, le=MAX_ID, description="Expert id.", examples=[1])]
NO_EXPERT = "No expert with this id."
MOVED = "The expert was merged into another: `Location` is this address under that one's id."


ONE = "/v1/experts/{expert_id}"
LIST = operation(query=ExpertFilters, paged=True,
                 links={**next_page("/v1/experts"), "expert": link(ONE, expert_id="$response.body#/items/0/id")})
EXPERT = operation(not_found=NO_EXPERT, moved=MOVED, links={
    "topics": link("/v1/experts/{expert_id}/topics", expert_id="$response.body#/id"),
    "statements": link("/v1/statements", expert="$response.body#/id"),
})
TOPICS = operation(query=PageParams, paged=True, not_found=NO_EXPERT, moved=MOVED, cursor_example=encode_offset(2),
                   links=next_page("/v1/experts/{expert_id}/topics", expert_id="$request.path.expert_id"))


@router.get("", response_model=Page[ExpertPublic], **LIST)
def list_experts(request: Request, response: Response, session: SessionDep,
                 params: Annotated[ExpertFilters, Depends(parse_query(ExpertFilters))]) -> dict:
    """List experts."""
    items, next_cursor = queries.list_experts(session, limit=params.limit, cursor=params.cursor, country=params.country,
                                              updated_since=params.updated_since)
    link_next(request, response, next_cursor)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/{expert_id}", response_model=ExpertPublic, **EXPERT)
def read_expert(request: Request, session: SessionDep, expert_id: ExpertId) -> dict:
    """Get an expert (an id merged into another redirects to it: 308)."""
    with redirected(request, session, expert_id):
        return queries.get_expert(session, expert_id=expert_id)


@router.get("/{expert_id}/topics", response_model=Page[ExpertTopic], **TOPICS)
def list_expert_topics(request: Request, response: Response, session: SessionDep, expert_id: ExpertId,
                       params: Annotated[PageParams, Depends(parse_query(PageParams))]) -> dict:
    """List the topics an expert speaks on, most frequent first."""
    with redirected(request, session, expert_id):
        items, next_cursor = topic_queries.list_expert_topics(session, expert_id=expert_id, limit=params.limit,
                                                              cursor=params.cursor)
    link_next(request, response, next_cursor)
    return {"items": items, "next_cursor": next_cursor}


@contextmanager
def redirected(request: Request, session: SessionDep, expert_id: int) -> Iterator[None]:
    """Turn a 404 of an expert merged into another into a 308 to the same address under the other's id."""
    try:
        yield
    except NotFound:
        new_id = queries.moved_to(session, expert_id=expert_id)
        if new_id is None:
            raise
        path = request.url.path.replace(f"/v1/experts/{expert_id}", f"/v1/experts/{new_id}", 1)
        raise Moved(path + (f"?{request.url.query}" if request.url.query else "")) from None


PATCH = write_operation(
    not_found=NO_EXPERT, body=body_openapi(ExpertPatch, MERGE_PATCH, JSON),
    problems={409: "Another expert has this name (merge the two instead).",
              415: "The body is neither application/merge-patch+json nor application/json.",
              422: "A member is unknown or invalid; `param` names it."})


@router.patch("/{expert_id}", response_model=ExpertPublic, **PATCH)
def patch_expert(session: SessionDep, expert_id: ExpertId, caller: Writer,
                 patch: Annotated[ExpertPatch, Depends(json_body(ExpertPatch, MERGE_PATCH, JSON))]) -> dict:
    """Curate an expert (JSON merge patch): name, nationality, countries, roles, affiliations."""
    with session.begin():
        return writes.patch_expert(session, expert_id=expert_id, patch=patch, actor=caller.name)


MERGE = write_operation(
    not_found=NO_EXPERT, body=body_openapi(ExpertMerge, JSON),
    problems={415: "The body is not application/json.",
              422: "`into` is missing, unknown, or the merged expert itself; `param` names it."})


@router.post("/{expert_id}/merge", response_model=ExpertPublic, **MERGE)
def merge_expert(session: SessionDep, expert_id: ExpertId, caller: Writer,
                 body: Annotated[ExpertMerge, Depends(json_body(ExpertMerge, JSON))]) -> dict:
    """Merge this expert into another (`into`): statements, appearances, names and facts move there; this id
    then redirects (308) to the other."""
    with session.begin():
        return merge.merge_experts(session, expert_id=expert_id, into=body.into, actor=caller.name)
