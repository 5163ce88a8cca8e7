from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import SessionDep
from app.queries import topics as queries
from app.schemas import TopicExpert, TopicPublic

router = APIRouter(prefix="/v1/topics", tags=["topics"])
Slug = Annotated[str, Path(description="Topic slug.", examples=["energy"])]


@router.get("", response_model=list[TopicPublic])
def list_topics(session: SessionDep) -> list[dict]:
    """List the topics of the taxonomy with their statement counts."""
    return queries.list_topics(session)


@router.get("/{slug}", response_model=TopicPublic)
def read_topic(session: SessionDep, slug: Slug) -> dict:
    """Get a topic."""
    return queries.get_topic(session, slug=slug)


@router.get("/{slug}/experts", response_model=list[TopicExpert])
def list_topic_experts(
    session: SessionDep,
    slug: Slug,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many experts.", examples=[10])] = 50,
) -> list[dict]:
    """List who speaks on a topic, how often and in what tone; most active first."""
    return queries.list_topic_experts(session, slug=slug, limit=limit)
