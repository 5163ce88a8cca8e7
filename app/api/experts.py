from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.contract import link, next_page, operation, parse_query
from app.api.deps import SessionDep
from app.api.paging import link_next
from app.queries import experts as queries
from app.queries import topics as topic_queries
from app.queries.pagination import encode_offset
from app.schemas import MAX_ID, ExpertFilters, ExpertPublic, ExpertTopic, Page, PageParams

router = APIRouter(prefix="/v1/experts", tags=["experts"])
ExpertId = Annotated[int, Path(ge=1, le=MAX_ID, description="Expert id.", examples=[1])]
NO_EXPERT = "No expert with this id."


ONE = "/v1/experts/{expert_id}"
LIST = operation(query=ExpertFilters, paged=True,
                 links={**next_page("/v1/experts"), "expert": link(ONE, expert_id="$response.body#/items/0/id")})
EXPERT = operation(not_found=NO_EXPERT, links={
    "topics": link("/v1/experts/{expert_id}/topics", expert_id="$response.body#/id"),
    "statements": link("/v1/statements", expert="$response.body#/id"),
})
TOPICS = operation(query=PageParams, paged=True, not_found=NO_EXPERT, cursor_example=encode_offset(2),
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
def read_expert(session: SessionDep, expert_id: ExpertId) -> dict:
    """Get an expert."""
    return queries.get_expert(session, expert_id=expert_id)


@router.get("/{expert_id}/topics", response_model=Page[ExpertTopic], **TOPICS)
def list_expert_topics(request: Request, response: Response, session: SessionDep, expert_id: ExpertId,
                       params: Annotated[PageParams, Depends(parse_query(PageParams))]) -> dict:
    """List the topics an expert speaks on, most frequent first."""
    items, next_cursor = topic_queries.list_expert_topics(session, expert_id=expert_id, limit=params.limit,
                                                          cursor=params.cursor)
    link_next(request, response, next_cursor)
    return {"items": items, "next_cursor": next_cursor}
