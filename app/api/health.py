from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from app.api.contract import operation
from app.api.deps import SessionDep
from app.schemas import HealthStatus

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthStatus, **operation(cached=False))
def read_health(session: SessionDep) -> dict:
    """Answer ok when the service and its database respond."""
    session.exec(text("SELECT 1"))
    return {"status": "ok"}
