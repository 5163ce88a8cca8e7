"""API keys: made once and shown once, stored as an argon2id hash, found by their public part.

A key reads `opk_<lookup>_<secret>`. `lookup` (public, unique) finds the key's row with one indexed
read; the whole key is then checked against the row's argon2id hash. Argon2 is slow on purpose
(~tens of ms), so a key once verified is remembered in memory by its SHA-256 digest: later requests cost
a dictionary read plus the row read that also sees a revocation at once (bench/auth_cost.py measures both).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, bindparam, select, update

from app.models import ApiKey, utcnow

Scope = Literal["read", "write", "admin"]
SCOPES: tuple[Scope, ...] = ("read", "write", "admin")  # each allows what the ones before it allow
PREFIX = "opk"
HASHER = PasswordHasher()  # argon2id with the library's recommended parameters (RFC 9106, low memory)


class KeyProblem(ValueError):
    """A key that cannot be made or revoked as asked (the name is taken, unknown, or the scope is wrong)."""


@dataclass(frozen=True, slots=True)
class Caller:
    """Who a verified key belongs to."""

    key_id: int
    name: str
    scope: Scope

    def allows(self, needed: Scope) -> bool:
        return SCOPES.index(self.scope) >= SCOPES.index(needed)


@dataclass(frozen=True, slots=True)
class KeyListing:
    name: str
    scope: Scope
    created_at: datetime
    revoked_at: datetime | None


def new_key() -> tuple[str, str]:
    """A fresh key and its lookup part (12 hex characters public, 43 URL-safe characters secret)."""
    lookup = secrets.token_hex(6)
    return f"{PREFIX}_{lookup}_{secrets.token_urlsafe(32)}", lookup


def lookup_of(key: str) -> str | None:
    """The public part of a key as presented, or None when it is no key of ours."""
    prefix, _, rest = key.partition("_")
    lookup, _, secret = rest.partition("_")
    return lookup if prefix == PREFIX and len(lookup) == 12 and secret else None


def create_key(conn: Connection, *, name: str, scope: str) -> tuple[str, int]:
    """Store a new key; return it (to be shown once, never again) and its row id."""
    if scope not in SCOPES:
        raise KeyProblem(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    if not name.strip() or len(name) > 100:
        raise KeyProblem("a key's name is 1 to 100 characters")
    if conn.execute(select(ApiKey.id).where(ApiKey.name == name)).first():
        raise KeyProblem(f"a key named {name!r} exists already (names stay taken after revocation)")
    key, lookup = new_key()
    row = {"name": name, "scope": scope, "lookup": lookup, "secret_hash": HASHER.hash(key), "created_at": utcnow()}
    key_id = conn.execute(ApiKey.__table__.insert().returning(ApiKey.id), row).scalar_one()
    return key, key_id


def revoke_key(conn: Connection, *, name: str) -> int:
    """Revoke a key by name (it stops working at once); return its row id."""
    row = conn.execute(select(ApiKey.id, ApiKey.revoked_at).where(ApiKey.name == name)).first()
    if row is None:
        raise KeyProblem(f"no key named {name!r}")
    if row.revoked_at is None:
        conn.execute(update(ApiKey).where(ApiKey.id == row.id).values(revoked_at=utcnow()))
    return row.id


def list_keys(conn: Connection) -> list[KeyListing]:
    """Every key, oldest first, without secrets."""
    rows = conn.execute(select(ApiKey.name, ApiKey.scope, ApiKey.created_at, ApiKey.revoked_at).order_by(ApiKey.id))
    return [KeyListing(*row) for row in rows]


KEY_BY_LOOKUP = select(ApiKey.id, ApiKey.name, ApiKey.scope, ApiKey.secret_hash, ApiKey.revoked_at).where(
    ApiKey.lookup == bindparam("lookup"))


class Verifier:
    """Checks presented keys; remembers the digests of the keys it verified, by row id."""

    def __init__(self) -> None:
        self.verified: dict[int, bytes] = {}

    def caller(self, conn: Connection, key: str) -> Caller | None:
        """Who the key belongs to, or None when it is unknown, wrong or revoked."""
        lookup = lookup_of(key)
        if lookup is None:
            return None
        found = conn.execute(KEY_BY_LOOKUP, {"lookup": lookup}).first()
        if found is None or found.revoked_at is not None:
            return None
        digest = hashlib.sha256(key.encode()).digest()
        known = self.verified.get(found.id)
        if known is None or not hmac.compare_digest(known, digest):
            if not argon2_matches(found.secret_hash, key):
                return None
            self.verified[found.id] = digest
        return Caller(found.id, found.name, found.scope)


def argon2_matches(secret_hash: str, key: str) -> bool:
    try:
        return HASHER.verify(secret_hash, key)
    except (VerificationError, InvalidHashError):
        return False
