"""A link: a content span (claim) and the person a sieve decided said it."""
from __future__ import annotations

from dataclasses import dataclass

from app.extract.claims import Claim
from app.extract.people import Person

NO_ONE = "no_one"  # the sieve a framed mention that resolves to no one leaves: "the ministry said"


@dataclass(slots=True)
class Link:
    claim: Claim
    person: Person | None = None
    sieve: str | None = None  # the sieve that decided it, with the kind of mention ("quotation/name"); None: open

    def decide(self, person: Person | None, sieve: str) -> None:
        """Record the sieve's decision; a sieve that found no person leaves the link to the next one."""
        if person is not None:
            self.person, self.sieve = person, sieve
