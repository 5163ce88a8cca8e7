"""The stack's floor: FastAPI on uvicorn answering /v1/statements with one page read at startup.

Each request is parsed, routed to a sync route (one hop to the thread pool, as ours) and answered
with the same bytes: a 50-statement page of our API, with no database work. What our API spends
beyond this server's latency is the query and our Python around it; what this server itself costs
is the least any API built on this stack can cost.

    uvicorn --factory bench._floor:create_floor_app    (OPINIONS_DATABASE_URL names the database)
"""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import Response
from sqlmodel import Session

from app.api.encoding import json_response
from app.db import get_engine
from app.queries.statements import list_statements
from app.schemas import StatementFilters


def create_floor_app() -> FastAPI:
    with Session(get_engine()) as session:
        page = json_response(list_statements(session, filters=StatementFilters(limit=50))).body
    app = FastAPI(openapi_url=None)

    @app.get("/v1/statements")
    def statements() -> Response:
        return Response(page, media_type="application/json")

    @app.get("/healthz")
    def health() -> dict:
        return {"status": "ok"}

    return app
