"""The review pages: server-rendered HTML of the statement search, an annotated article, an expert.

They read through the API's query layer and parse parameters with the API's parser (same names,
same cursors, a 4xx naming the parameter, shown as an HTML page: `problem_page`).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import QueryParams

from app.api.deps import SessionDep
from app.api.documents import DocumentId
from app.api.experts import ExpertId
from app.api.params import NoQuery, parse_params
from app.queries.documents import get_document
from app.queries.experts import get_expert
from app.queries.statements import iter_statements, list_statements
from app.queries.topics import list_expert_topics, list_topics
from app.schemas import PageParams, StatementFilters
from app.web.marks import article_lines, cue_places, speaker_class
from app.web.review import review_context

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates", context_processors=[review_context])
templates.env.trim_blocks = templates.env.lstrip_blocks = True
static = StaticFiles(directory=HERE / "static")
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

# The statement filters of /v1/statements, less those that reshape the JSON items (the page shows them whole)
SEARCH_PARAMS = StatementFilters.model_fields.keys() - {"fields", "expand", "facet", "facet_size"}
SEARCH_FORM = {"q", "topic", "kind", "forward_looking", "country", "mentions", "confidence_min", "sort", "expert",
               "document"}  # the fields search.html shows; the others given are carried as hidden fields
EXPERT_TOPICS = 100  # topic counts shown on an expert's page (the rest through the API)


def is_page(path: str) -> bool:
    return path == "/" or path.startswith(("/documents/", "/experts/", "/statements/", "/review/"))


def problem_page(request: Request, problem: dict, headers: dict[str, str] | None) -> Response | None:
    """An error on a page as an HTML page (same status, same detail); None for the JSON API."""
    if not is_page(request.url.path):
        return None
    return templates.TemplateResponse(request, "error.html", {"problem": problem}, status_code=problem["status"],
                                      headers=headers)


def filled(params: QueryParams) -> QueryParams:
    """The parameters given a value: a form sends its empty fields too, which mean 'any'."""
    return QueryParams([(key, value) for key, value in params.multi_items() if value != ""])


@router.get("/")
def search_page(request: Request, session: SessionDep) -> Response:
    """Search statements with the API's filters."""
    given = filled(request.query_params)
    filters = parse_params(StatementFilters, given, known=SEARCH_PARAMS)
    page = list_statements(session, filters=filters.model_copy(update={"expand": "document"}))
    topics, _ = list_topics(session, limit=500, cursor=None)
    hidden = [(k, v) for k, v in given.multi_items() if k not in SEARCH_FORM and k != "cursor"]
    hidden += [("topic", slug) for slug in filters.topic[1:]]  # the form's select holds one
    return templates.TemplateResponse(request, "search.html", {
        "filters": filters, "page": page, "topics": topics, "hidden": hidden,
        "next": paged(request, page["next_cursor"])})


@router.get("/documents/{document_id}")
def document_page(request: Request, session: SessionDep, document_id: DocumentId) -> Response:
    """An article as written, every statement marked with its speaker."""
    parse_params(NoQuery, request.query_params)
    document = get_document(session, document_id=document_id)
    statements = sorted(iter_statements(session, filters=StatementFilters(document=document_id, expand="expert")),
                        key=lambda s: (s["start"], -s["end"], s["id"]))
    experts = list({s["expert"]["id"]: s["expert"] for s in statements}.values())  # in order of first statement
    notes: dict[int, list[dict]] = {}
    for statement in statements:
        notes.setdefault(statement["paragraph"], []).append(statement)
    return templates.TemplateResponse(request, "document.html", {
        "document": document, "experts": experts, "statements": statements, "notes": notes,
        "lines": article_lines(document["text"], statements), "cued": cue_places(document["text"], statements),
        "tones": {expert["id"]: speaker_class(i) for i, expert in enumerate(experts)}})


@router.get("/experts/{expert_id}")
def expert_page(request: Request, session: SessionDep, expert_id: ExpertId) -> Response:
    """An expert's profile, topics, and statements across documents, newest first."""
    params = parse_params(PageParams, request.query_params)
    expert = get_expert(session, expert_id=expert_id)
    topics, more_topics = list_expert_topics(session, expert_id=expert_id, limit=EXPERT_TOPICS, cursor=None)
    filters = StatementFilters(expert=expert_id, sort="-published,-id", expand="document", limit=params.limit,
                               cursor=params.cursor)
    page = list_statements(session, filters=filters)
    return templates.TemplateResponse(request, "expert.html", {
        "expert": expert, "topics": topics, "more_topics": more_topics is not None, "page": page,
        "next": paged(request, page["next_cursor"])})


def paged(request: Request, cursor: str | None) -> str | None:
    """The address of the next page (this one's parameters kept), or None on the last page."""
    if not cursor:
        return None
    url = request.url.include_query_params(cursor=cursor)
    return f"{url.path}?{url.query}"
