"""create_app(): the FastAPI application."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from app.annotate.taxonomy import load_taxonomy
from app.api import changes, documents, experts, health, statements, topics
from app.api.auth import Gate, read_key
from app.api.caching import ConditionalGetMiddleware, DatasetVersion
from app.api.contract import install_problem_schema
from app.api.methods import HeadMiddleware
from app.config import get_settings
from app.db import get_engine
from app.errors import install_error_handlers
from app.web import pages, review

DESCRIPTION = """Experts, their statements and the topics they speak on, extracted from news articles.

Lists answer `{"items": [...], "next_cursor": ...}`; pass `next_cursor` back as `cursor` for the next page
(or follow the `Link: <...>; rel="next"` header). Errors are `application/problem+json` (RFC 9457); a bad,
unknown or repeated parameter is a 422 naming it. Every GET also answers HEAD."""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # What is loaded by now (routes, models, SQLAlchemy's and pydantic's machinery) lives as long as
    # the process. Freezing it spares every full garbage collection a walk over those ~95,000
    # objects, which paused requests for ~60 ms (bench/README.md).
    gc.freeze()
    yield
    app.state.version.close()


def create_app(database_url: str | None = None) -> FastAPI:
    """Build the API on the given database (the configured one by default)."""
    app = FastAPIOffline(title="Opinions", version="0.1.0", description=DESCRIPTION,  # docs assets served locally
                         lifespan=lifespan)
    app.state.engine = get_engine(database_url or get_settings().database_url)
    settings = get_settings()
    app.state.gate = Gate(settings.write_limit)
    app.state.taxonomy = load_taxonomy(settings.taxonomy())  # what POST /v1/documents annotates with
    app.state.max_document_bytes = settings.max_document_bytes
    reads = [read_key] if settings.read_requires_key else []  # the review pages read too
    for module in (statements, experts, topics, documents, changes, pages, review):
        app.include_router(module.router, dependencies=reads)
    app.include_router(health.router)
    app.mount("/static", pages.static, name="static")  # the review pages' stylesheet
    install_error_handlers(app, pages=pages.problem_page)
    app.state.version = DatasetVersion(app.state.engine)
    app.add_middleware(ConditionalGetMiddleware, version=app.state.version)
    app.add_middleware(HeadMiddleware)  # outermost: the GET it answers is the GET the others see
    install_problem_schema(app)
    return app
