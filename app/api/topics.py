from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.contract import link, next_page, operation, parse_query
from app.api.deps import SessionDep
from app.api.paging import link_next
from app.queries import topics as queries
from app.queries.pagination import encode_cursor, encode_offset
from app.schemas import SLUG, Page, PageParams, TopicExpert, TopicPublic

router = APIRouter(prefix="/v1/topics", tags=["topics"])
Slug = Annotated[str, Path(pattern=SLUG, max_length=100, description="Topic slug.", examples=["energy"])]
NO_TOPIC = "No topic with this slug."


LIST = operation(query=PageParams, paged=True, cursor_example=encode_cursor(["slug", "economy"]),
                 links={**next_page("/v1/topics"),
                        "topic": link("/v1/topics/{slug}", slug="$response.body#/items/0/slug")})
TOPIC = operation(not_found=NO_TOPIC, links={"experts": link("/v1/topics/{slug}/experts", slug="$response.body#/slug"),
                                             "statements": link("/v1/statements", topic="$response.body#/slug")})
EXPERTS = operation(query=PageParams, paged=True, not_found=NO_TOPIC, cursor_example=encode_offset(2),
                    links=next_page("/v1/topics/{slug}/experts", slug="$request.path.slug"))


@router.get("", response_model=Page[TopicPublic], **LIST)
def list_topics(request: Request, response: Response, session: SessionDep,
                params: Annotated[PageParams, Depends(parse_query(PageParams))]) -> dict:
    """List the topics of the taxonomy with their statement counts, by slug."""
    items, next_cursor = queries.list_topics(session, limit=params.limit, cursor=params.cursor)
    link_next(request, response, next_cursor)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/{slug}", response_model=TopicPublic, **TOPIC)
def read_topic(session: SessionDep, slug: Slug) -> dict:
    """Get a topic."""
    return queries.get_topic(session, slug=slug)


@router.get("/{slug}/experts", response_model=Page[TopicExpert], **EXPERTS)
def list_topic_experts(request: Request, response: Response, session: SessionDep, slug: Slug,
                       params: Annotated[PageParams, Depends(parse_query(PageParams))]) -> dict:
    """List who speaks on a topic, how often and in what tone; most active first."""
    items, next_cursor = queries.list_topic_experts(session, slug=slug, limit=params.limit, cursor=params.cursor)
    link_next(request, response, next_cursor)
    return {"items": items, "next_cursor": next_cursor}
