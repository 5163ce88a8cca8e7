from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import JSONResponse

from app.api.auth import Writer
from app.api.bodies import document_body
from app.api.contract import link, negotiate, next_page, operation, parse_query, write_operation
from app.api.deps import SessionDep
from app.api.negotiation import JSON
from app.api.paging import link_next, next_url
from app.queries import documents as queries
from app.queries.pagination import encode_cursor
from app.queries.statements import iter_statements, list_statements
from app.schemas import (
    MAX_ID,
    AnnotationPage,
    DocumentDetail,
    DocumentFilters,
    DocumentPublic,
    Page,
    PageParams,
    StatementFilters,
)
from app.types import RawDocument
from app.webannotation import LD_JSON, MEDIA_TYPE, annotation_page
from app.write_schemas import SOME_TEXT, DocumentIn, DocumentWithStatements
from app.writes import documents as writes

router = APIRouter(prefix="/v1/documents", tags=["documents"])
DocumentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Document id.", examples=[1])]
NO_DOCUMENT = "No document with this id."


ONE = "/v1/documents/{document_id}"
LIST = operation(query=DocumentFilters, paged=True,
                 links={**next_page("/v1/documents"), "document": link(ONE, document_id="$response.body#/items/0/id")})
DOCUMENT = operation(not_found=NO_DOCUMENT, links={
    "annotations": link(ONE + "/annotations", document_id="$response.body#/id"),
    "statements": link("/v1/statements", document="$response.body#/id"),
})


@router.get("", response_model=Page[DocumentPublic], **LIST)
def list_documents(request: Request, response: Response, session: SessionDep,
                   params: Annotated[DocumentFilters, Depends(parse_query(DocumentFilters))]) -> dict:
    """List documents (without their text)."""
    items, next_cursor = queries.list_documents(session, limit=params.limit, cursor=params.cursor,
                                                updated_since=params.updated_since)
    link_next(request, response, next_cursor)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/{document_id}", response_model=DocumentDetail, **DOCUMENT)
def read_document(session: SessionDep, document_id: DocumentId) -> dict:
    """Get a document with its full text."""
    return queries.get_document(session, document_id=document_id)


ANNOTATIONS = operation(
    query=PageParams, paged=True, not_found=NO_DOCUMENT, media_types=(LD_JSON, JSON),
    content={LD_JSON: {"schema": {"$ref": "#/components/schemas/AnnotationPage"}}},
    cursor_example=encode_cursor(["id", 5]),
    links=next_page(ONE + "/annotations", document_id="$request.path.document_id"),
    description=f"A W3C Web Annotation AnnotationPage, as `{MEDIA_TYPE}` (or as application/json when asked for).",
)


@router.get("/{document_id}/annotations", response_model=AnnotationPage, response_class=JSONResponse, **ANNOTATIONS)
def read_document_annotations(request: Request, session: SessionDep, document_id: DocumentId,
                              params: Annotated[PageParams, Depends(parse_query(PageParams))],
                              media_type: Annotated[str, Depends(negotiate(LD_JSON, JSON))],
                              ) -> JSONResponse:
    """Get a page of the document's statements as W3C Web Annotations (JSON-LD), in statement order."""
    document = queries.get_document(session, document_id=document_id)
    filters = StatementFilters(document=document_id, limit=params.limit, cursor=params.cursor)
    page = list_statements(session, filters=filters)
    base = str(request.base_url).rstrip("/")
    following = next_url(request, page["next_cursor"]) if page["next_cursor"] else None
    body = annotation_page(base, document, page["items"], page_id=str(request.url), next_page=following,
                           next_cursor=page["next_cursor"])
    response = JSONResponse(body, media_type=MEDIA_TYPE if media_type == LD_JSON else JSON)
    link_next(request, response, page["next_cursor"])
    return response


@router.delete("/{document_id}", **write_operation(status_code=204, not_found=NO_DOCUMENT))
def delete_document(session: SessionDep, document_id: DocumentId, caller: Writer) -> Response:
    """Delete a document and its statements; experts left with no statement go too."""
    with session.begin():
        writes.delete_document(session, document_id=document_id, actor=caller.name)
    return Response(status_code=204)


CREATE = write_operation(status_code=201, problems={
    413: "The body is over the size limit (OPINIONS_MAX_DOCUMENT_BYTES).",
    415: "The body is neither application/json nor text/plain (UTF-8).",
    422: "The body is not a document: `param` names the field at fault (`body` for the whole body).",
})
STORED = {"document": link(ONE, document_id="$response.body#/id"),
          "statements": link("/v1/statements", document="$response.body#/id")}
CREATE["responses"] = {
    201: {"description": "Created: the document, extracted and stored, with its statements.",
          "headers": {"Location": {"description": "The document's address.", "schema": {"type": "string"}}},
          "links": {**STORED, "delete": {"operationRef": "#/paths/~1v1~1documents~1{document_id}/delete",
                                         "parameters": {"document_id": "$response.body#/id"}}}},
    200: {"description": "The same text is stored already: that document, unchanged.",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DocumentWithStatements"}}},
          "links": STORED},
    **CREATE["responses"],
}
TEXT_BODY = {"type": "string", "pattern": SOME_TEXT, "description": "The article as a `.txt` file holds it: "
             "UTF-8, the first non-blank line the title.", "example": "Ankara and Baku\n\nThe corridor will pay off, "
             "said Ayla Demir, an economist."}
DOCUMENT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": DocumentIn.model_json_schema(ref_template="#/components/schemas/{model}")},
    "text/plain": {"schema": TEXT_BODY},
}}}


@router.post("", response_model=DocumentWithStatements, openapi_extra=DOCUMENT_BODY, **CREATE)
def create_document(request: Request, response: Response, session: SessionDep, caller: Writer,
                    raw: Annotated[RawDocument, Depends(document_body)]) -> dict:
    """Add a document (JSON, or plain text whose first line is the title), extracted and stored as `opinions ingest`
    stores one; the same text again answers the stored document."""
    document_id, created = writes.add_document(session, raw, taxonomy=request.app.state.taxonomy, actor=caller.name)
    if created:
        response.status_code = 201
        response.headers["Location"] = f"/v1/documents/{document_id}"
    else:
        response.status_code = 200
    document = queries.get_document(session, document_id=document_id)
    statements = iter_statements(session, filters=StatementFilters(document=document_id))
    return {**document, "statements": list(statements)}
