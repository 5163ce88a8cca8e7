from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import SessionDep
from app.queries import documents as queries
from app.schemas import DocumentDetail, DocumentPublic, Page, PageParams

router = APIRouter(prefix="/v1/documents", tags=["documents"])


@router.get("", response_model=Page[DocumentPublic])
def list_documents(session: SessionDep, params: Annotated[PageParams, Query()]) -> dict:
    """List documents (without their text)."""
    items, next_cursor = queries.list_documents(session, limit=params.limit, cursor=params.cursor)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/{document_id}", response_model=DocumentDetail)
def read_document(session: SessionDep, document_id: Annotated[int, Path(description="Document id.")]) -> dict:
    """Get a document with its full text."""
    return queries.get_document(session, document_id=document_id)
