#!/usr/bin/env python3
"""Calibrate each speaker sieve's confidence on held-out sets, and check the calibration set by set.

    bench/calibrate_sieves.py set9=GOLD_DIR:DOCS_DIR set10=... [--write]

For every set, the per-sieve precision of the *other* sets (leave one set out) gives the confidence; the
precision of the set's own units at confidence >= 0.8 is then an out-of-sample number.  --write stores
the precision pooled over all sets in app/extract/data/sieves.toml (smoothed towards the prior by
PRIOR_WEIGHT pseudo-units, so that a sieve seen twice does not claim 1.0; the priors were set by hand
before any measurement and are never rewritten).
"""
from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from app.annotate.taxonomy import load_taxonomy  # noqa: E402
from app.config import get_settings  # noqa: E402
from app.evaluate import Counts, score_documents  # noqa: E402
from app.extract.confidence import DATA_FILE  # noqa: E402

PRIOR_WEIGHT = 3
FLOOR = 0.8


def calibrated(counts: dict[str, Counts], prior: dict[str, float]) -> dict[str, float]:
    """Per sieve: (right + PRIOR_WEIGHT * prior) / (all + PRIOR_WEIGHT)."""
    out = {}
    for sieve, c in counts.items():
        p0 = prior.get(sieve, prior.get(sieve.split("/")[0], prior["unknown"]))
        out[sieve] = round((c.tp + PRIOR_WEIGHT * p0) / (c.pred + PRIOR_WEIGHT), 3)
    return out


def pooled(per_set: dict[str, dict[str, Counts]], leave_out: str | None = None) -> dict[str, Counts]:
    total: dict[str, Counts] = {}
    for name, counts in per_set.items():
        if name == leave_out:
            continue
        for sieve, c in counts.items():
            total.setdefault(sieve, Counts()).add(c.tp, c.pred, 0)
    return total


def write(table: dict[str, float], counts: dict[str, Counts]) -> None:
    """Replace confidence and n of each measured sieve in the data file, keeping its examples and order."""
    text = DATA_FILE.read_text(encoding="utf-8")
    for sieve, value in table.items():
        key = re.escape(f'[sieve."{sieve}"]' if "/" in sieve else f"[sieve.{sieve}]")
        text = re.sub(rf"({key}\n(?:example = .*\n)(?:prior = .*\n))confidence = .*\nn = .*\n",
                      rf"\g<1>confidence = {value}\nn = {counts[sieve].pred}\n", text)
    DATA_FILE.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", help="NAME=GOLD_DIR:DOCS_DIR")
    parser.add_argument("--write", action="store_true", help="store the pooled calibration in sieves.toml")
    args = parser.parse_args()
    taxonomy = load_taxonomy(get_settings().taxonomy())
    with DATA_FILE.open("rb") as f:
        prior = {name: float(row["prior"]) for name, row in tomllib.load(f)["sieve"].items()}
    per_set = {}
    for spec in args.sets:
        name, dirs = spec.split("=", 1)
        gold, docs = dirs.split(":", 1)
        per_set[name] = score_documents(Path(gold), Path(docs), taxonomy).by_sieve
    print(f"{'set':8} {'P@>=0.8 (left out)':>20} {'units':>8}")
    right = units = 0
    for name, counts in per_set.items():
        table = calibrated(pooled(per_set, leave_out=name), prior)
        kept = [c for sieve, c in counts.items() if table.get(sieve, prior["unknown"]) >= FLOOR]
        tp, n = sum(c.tp for c in kept), sum(c.pred for c in kept)
        right, units = right + tp, units + n
        print(f"{name:8} {tp / n if n else float('nan'):20.3f} {tp:>4}/{n:<4}")
    print(f"{'pooled':8} {right / units if units else float('nan'):20.3f} {right:>4}/{units:<4}")
    all_counts = pooled(per_set)
    table = calibrated(all_counts, prior)
    for sieve in sorted(table, key=lambda s: -all_counts[s].pred):
        print(f"  {sieve:24} {table[sieve]:.3f}  ({all_counts[sieve].tp}/{all_counts[sieve].pred})")
    if args.write:
        write(table, all_counts)


if __name__ == "__main__":
    main()
