"""Who is calling: `Authorization: Bearer KEY`, checked by app.keys; scopes; write limits per key.

Writes depend on `writer`; reads on `reader`, which asks for nothing unless OPINIONS_READ_REQUIRES_KEY is
set. The key is only ever compared with its hash: it is never logged nor echoed in an error.
"""

from __future__ import annotations

import math
import time
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from limits import parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from app.errors import Forbidden, TooManyRequests, Unauthorized
from app.keys import Caller, Scope, Verifier

bearer = HTTPBearer(auto_error=False, description="An API key made by `opinions keys create NAME --scope SCOPE`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


class Gate:
    """The app's key verifier and write limiter (one per process)."""

    def __init__(self, write_limit: str) -> None:
        self.verifier = Verifier()
        self.limits = parse_many(write_limit)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def admit_write(self, caller: Caller) -> None:
        """Count one write of the caller's key; raise TooManyRequests when it is over a limit."""
        for limit in self.limits:
            if not self.limiter.hit(limit, caller.name):
                reset_at = self.limiter.get_window_stats(limit, caller.name).reset_time
                raise TooManyRequests(str(limit), max(1, math.ceil(reset_at - time.time())))


def caller_of(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Caller:
    """The verified caller; 401 without a usable key."""
    if credentials is None:
        raise Unauthorized("this operation needs an API key: Authorization: Bearer KEY", presented=False)
    gate: Gate = request.app.state.gate
    with request.app.state.engine.connect() as conn:
        caller = gate.verifier.caller(conn, credentials.credentials)
    if caller is None:
        raise Unauthorized("the API key is unknown, wrong or revoked", presented=True)
    return caller


def needs(scope: Scope):
    """A dependency that admits a caller whose key allows `scope` (401 without a key, 403 with too small a one)."""

    def admitted(request: Request, credentials: Credentials) -> Caller:
        caller = caller_of(request, credentials)
        if not caller.allows(scope):
            raise Forbidden(scope)
        if scope != "read":
            request.app.state.gate.admit_write(caller)
        return caller

    return admitted


Writer = Annotated[Caller, Depends(needs("write"))]
read_key = Depends(needs("read"))  # added to the read routers when OPINIONS_READ_REQUIRES_KEY is set
