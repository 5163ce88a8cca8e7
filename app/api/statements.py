from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import SessionDep
from app.queries import statements as queries
from app.schemas import Page, StatementFilters, StatementPublic

router = APIRouter(prefix="/v1/statements", tags=["statements"])


@router.get("", response_model=Page[StatementPublic])
def list_statements(session: SessionDep, filters: Annotated[StatementFilters, Query()]) -> dict:
    """List statements that pass every filter given."""
    items, next_cursor = queries.list_statements(session, filters=filters)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/{statement_id}", response_model=StatementPublic)
def read_statement(session: SessionDep, statement_id: Annotated[int, Path(description="Statement id.")]) -> dict:
    """Get a statement with its annotations."""
    return queries.get_statement(session, statement_id=statement_id)
