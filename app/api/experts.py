from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import SessionDep
from app.queries import experts as queries
from app.queries import topics as topic_queries
from app.schemas import ExpertFilters, ExpertPublic, ExpertTopic, Page

router = APIRouter(prefix="/v1/experts", tags=["experts"])
ExpertId = Annotated[int, Path(description="Expert id.", examples=[1])]


@router.get("", response_model=Page[ExpertPublic])
def list_experts(session: SessionDep, params: Annotated[ExpertFilters, Query()]) -> dict:
    """List experts."""
    items, next_cursor = queries.list_experts(session, limit=params.limit, cursor=params.cursor, country=params.country)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/{expert_id}", response_model=ExpertPublic)
def read_expert(session: SessionDep, expert_id: ExpertId) -> dict:
    """Get an expert."""
    return queries.get_expert(session, expert_id=expert_id)


@router.get("/{expert_id}/topics", response_model=list[ExpertTopic])
def list_expert_topics(session: SessionDep, expert_id: ExpertId) -> list[dict]:
    """List the topics an expert speaks on, most frequent first."""
    return topic_queries.list_expert_topics(session, expert_id=expert_id)
