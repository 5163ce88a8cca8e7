"""Generate a synthetic corpus of expert-commentary news articles as JSONL shards.

    .venv/bin/python bench/synth.py --count 100000 --seed 1 --out /work/benchdata/corpus

Deterministic: article i depends only on (--seed, i), so shards can be regenerated one by one.
Each line is {"title", "text", "outlet", "url", "published"}; about 10 statements per article.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _article import body, title  # noqa: E402
from _claims import Scene  # noqa: E402
from _people import Person, make_pool  # noqa: E402

OUTLETS = ["The Meridian Post", "Caspian Herald", "Global Affairs Daily", "Nordic Ledger", "Atlas Review",
           "The Continental Observer", "Eastern Dispatch", "Harbour Times", "Pacific Chronicle",
           "Sahel Monitor", "Andes Journal", "Danube Weekly", "Gulf Business Report", "Steppe Courier",
           "The Policy Wire", "Lagos Evening Standard", "Baltic Review", "Indus Tribune"]
FIRST_DAY, DAYS = date(2015, 1, 1), 11 * 365
POOL_SIZE = 3000


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def pick_experts(rng: random.Random, pool: list[Person]) -> list[Person]:
    """Three or four distinct experts; one pick in five is log-uniform, which makes a few regulars."""
    chosen: dict[str, Person] = {}
    wanted = rng.choice((3, 3, 4))
    while len(chosen) < wanted:
        index = int(len(pool) ** rng.random()) - 1 if rng.random() < 0.2 else rng.randrange(len(pool))
        person = pool[(index * 7919) % len(pool)]  # spread the regulars over cultures
        chosen.setdefault(person.name, person)
    return list(chosen.values())


def make_article(seed: int, index: int, pool: list[Person]) -> dict:
    """Article number `index` of the corpus of `seed`."""
    rng = random.Random(f"{seed}:{index}")
    scene, outlet = Scene.draw(rng), rng.choice(OUTLETS)
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    headline = title(rng, scene, published.year)
    return {
        "title": headline,
        "text": f"{headline}\n{body(rng, scene, pick_experts(rng, pool), outlet)}",
        "outlet": outlet,
        "url": f"https://{slug(outlet)}.example/{published:%Y/%m}/{slug(headline)}-{index}",
        "published": published.isoformat(),
    }


def shards(count: int, size: int) -> Iterator[tuple[int, range]]:
    for number, start in enumerate(range(0, count, size)):
        yield number, range(start, min(start + size, count))


def write_corpus(out: Path, *, count: int, seed: int, shard_size: int) -> list[Path]:
    """Write `count` articles as out/shard-NNNN.jsonl; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    pool, written = make_pool(seed, POOL_SIZE), []
    for number, indexes in shards(count, shard_size):
        path = out / f"shard-{number:04d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for index in indexes:
                fh.write(json.dumps(make_article(seed, index, pool), ensure_ascii=False) + "\n")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="articles to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--shard-size", type=int, default=10_000, help="articles per JSONL file")
    args = parser.parse_args()
    files = write_corpus(args.out, count=args.count, seed=args.seed, shard_size=args.shard_size)
    print(f"wrote {args.count} articles in {len(files)} shard(s) to {args.out}")


if __name__ == "__main__":
    main()
