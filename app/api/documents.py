from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from app.api.deps import SessionDep
from app.queries import documents as queries
from app.queries.statements import iter_statements
from app.schemas import DocumentDetail, DocumentPublic, Page, PageParams, StatementFilters
from app.webannotation import MEDIA_TYPE, annotation_page

router = APIRouter(prefix="/v1/documents", tags=["documents"])


@router.get("", response_model=Page[DocumentPublic])
def list_documents(session: SessionDep, params: Annotated[PageParams, Query()]) -> dict:
    """List documents (without their text)."""
    items, next_cursor = queries.list_documents(session, limit=params.limit, cursor=params.cursor)
    return {"items": items, "next_cursor": next_cursor}


DocumentId = Annotated[int, Path(description="Document id.", examples=[1])]


@router.get("/{document_id}", response_model=DocumentDetail)
def read_document(session: SessionDep, document_id: DocumentId) -> dict:
    """Get a document with its full text."""
    return queries.get_document(session, document_id=document_id)


@router.get(
    "/{document_id}/annotations",
    response_class=JSONResponse,
    responses={200: {"content": {MEDIA_TYPE: {}}, "description": "A W3C Web Annotation AnnotationPage."}},
)
def read_document_annotations(request: Request, session: SessionDep, document_id: DocumentId) -> JSONResponse:
    """Get the document's statements as W3C Web Annotations (JSON-LD)."""
    document = queries.get_document(session, document_id=document_id)
    statements = list(iter_statements(session, filters=StatementFilters(document=document_id)))
    page = annotation_page(str(request.base_url).rstrip("/"), document, statements)
    return JSONResponse(page, media_type=MEDIA_TYPE)
