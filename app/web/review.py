"""Reviewing on the pages: a reader gives a write key once (kept in a cookie), then accepts or rejects
statements with buttons that call the write API's service for `PATCH /v1/statements/{id}`.

HTML forms send no `Authorization` header and no PATCH, so the key lives in an HttpOnly, SameSite=Strict
cookie (a form on another site cannot send it: no cross-site request forgery) and each button posts a
form to `POST /statements/{id}/review`, which checks the key as the API does (401, 403, 429), applies the
same patch in one transaction (the change feed names the key) and sends the reader back (303).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session

from app.api.statements import StatementId
from app.errors import Forbidden, InvalidParameter, Unauthorized
from app.keys import Caller
from app.write_schemas import StatementPatch
from app.writes import statements as writes

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
COOKIE = "opinions_key"
VERDICTS = ("accepted", "rejected", "unreviewed")
MAX_FORM_BYTES = 4096


def reviewer(request: Request) -> Caller | None:
    """The reader's write key, verified (None: no cookie, or a key unknown, revoked or only for reading)."""
    key = request.cookies.get(COOKIE)
    if not key:
        return None
    with request.app.state.engine.connect() as conn:
        caller = request.app.state.gate.verifier.caller(conn, key)
    return caller if caller is not None and caller.allows("write") else None


def back_to(address: str | None) -> str:
    """Where to send the reader after a form: a path on this server only (never another site), no fragment."""
    path = (address or "").split("#")[0]
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"


def review_context(request: Request) -> dict:
    """What every page's template knows of reviewing: the reader's key (if any) and the page's own address."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return {"reviewer": reviewer(request), "here": here}


async def form(request: Request) -> dict[str, str]:
    """The posted form's fields (first value of each); a body over MAX_FORM_BYTES is refused."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise InvalidParameter("body", f"a review form is at most {MAX_FORM_BYTES} bytes")
    return {name: values[0] for name, values in parse_qs(body.decode("utf-8", "replace")).items()}


@router.post("/review/key")
async def give_key(request: Request) -> Response:
    """Keep a write key for the review buttons (verified first; 401/403 pages otherwise)."""
    fields = await form(request)
    key = fields.get("key", "").strip()
    with request.app.state.engine.connect() as conn:
        caller = await run_in_threadpool(request.app.state.gate.verifier.caller, conn, key)
    if caller is None:
        raise Unauthorized("the API key is unknown, wrong or revoked", presented=bool(key))
    if not caller.allows("write"):
        raise Forbidden("write")
    answer = RedirectResponse(back_to(fields.get("back")), status_code=303)
    answer.set_cookie(COOKIE, key, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return answer


@router.post("/review/forget")
async def forget_key(request: Request) -> Response:
    """Forget the kept key: the buttons go."""
    answer = RedirectResponse(back_to((await form(request)).get("back")), status_code=303)
    answer.delete_cookie(COOKIE)
    return answer


@router.post("/statements/{statement_id}/review")
async def review_statement(request: Request, statement_id: StatementId) -> Response:
    """Accept or reject a statement from a page, with the kept key."""
    fields = await form(request)
    caller = await run_in_threadpool(reviewer, request)
    if caller is None:
        raise Unauthorized("reviewing needs a write key: give one on the page first", presented=False)
    request.app.state.gate.admit_write(caller)
    verdict = fields.get("status", "")
    if verdict not in VERDICTS:
        raise InvalidParameter("status", f"one of {', '.join(VERDICTS)}")

    def apply() -> None:
        with Session(request.app.state.engine) as session, session.begin():
            writes.patch_statement(session, statement_id=statement_id, patch=StatementPatch(status=verdict),
                                   actor=caller.name)

    await run_in_threadpool(apply)
    return RedirectResponse(f"{back_to(fields.get('back'))}#s{statement_id}", status_code=303)
