"""How often each sieve is right: the confidence a statement carries, read from `data/sieves.toml`."""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "sieves.toml"


@cache
def _table() -> dict[str, float]:
    with DATA_FILE.open("rb") as f:
        data = tomllib.load(f)
    return {name: float(row["confidence"]) for name, row in data["sieve"].items()}


def confidence(sieve: str) -> float:
    """The sieve's measured precision; a sieve not in the table takes its family's ("quotation/…"), else the floor."""
    table = _table()
    if sieve in table:
        return table[sieve]
    return table.get(sieve.split("/")[0], table["unknown"])
