"""Dependencies shared by the routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.annotate.taxonomy import Taxonomy, load_taxonomy
from app.config import get_settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A session on the app's engine, closed after the response.

    Async on purpose: opening a session does no I/O (it connects on first use, in the route's
    worker thread), so entering and leaving it need not cost two more hops to the thread pool.
    """
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@lru_cache(maxsize=1)
def get_taxonomy() -> Taxonomy:
    """The configured topic taxonomy, read once (annotating a statement added by hand needs it)."""
    return load_taxonomy(get_settings().taxonomy())


TaxonomyDep = Annotated[Taxonomy, Depends(get_taxonomy)]
