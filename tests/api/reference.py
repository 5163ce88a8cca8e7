"""What the statement filters, facets and sorts mean, in plain Python over the stored rows.

The API's answers are compared with these; they share no code with app/queries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from statistics import median_low
from types import SimpleNamespace
from typing import Any

from tests.corpus import Row, Stored

SHAPING = {"limit", "cursor", "sort", "facet", "facet_size", "total", "fields", "expand"}


def search_term(term: str) -> re.Pattern:
    """One term of `q` as a regex: a "phrase" or a word, a trailing * for a prefix (the test queries
    use words whose stemming adds no match)."""
    prefix = term.endswith("*")
    words = term.strip('"*').split()
    return re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + ("" if prefix else r"\b"), re.IGNORECASE)


def matches_q(q: str, text: str) -> bool:
    return all(search_term(term).search(text) for term in re.findall(r'"[^"]*"|\S+', q))


def topics_match(row: Row, slugs: list[str], params: dict) -> bool:
    wanted = all if params.get("topic_mode") == "all" else any
    return wanted(slug in row.topics for slug in slugs)


PREDICATES: dict[str, Callable[[Row, Any, dict], bool]] = {
    "expert": lambda row, v, _: row.expert_id == int(v),
    "document": lambda row, v, _: row.document_id == int(v),
    "topic": lambda row, v, params: topics_match(row, v if isinstance(v, list) else [v], params),
    "topic_mode": lambda row, v, params: True,  # read by "topic"
    "country": lambda row, v, _: v.upper() in row.expert_countries,
    "mentions": lambda row, v, _: v.upper() in row.mentions,
    "kind": lambda row, v, _: row.kind == v,
    "forward_looking": lambda row, v, _: row.forward_looking == (v == "true"),
    "sentiment_min": lambda row, v, _: row.sentiment is not None and row.sentiment >= float(v),
    "sentiment_max": lambda row, v, _: row.sentiment is not None and row.sentiment <= float(v),
    "confidence_min": lambda row, v, _: row.confidence >= float(v),
    "outlet": lambda row, v, _: row.outlet == v,
    "q": lambda row, v, _: matches_q(v, row.text),
    "updated_since": lambda row, v, _: row.updated_at >= datetime.fromisoformat(v),
    "status": lambda row, v, _: row.status in (v if isinstance(v, list) else [v]),
}


def keeps(params: dict) -> Callable[[Row], bool]:
    """The rows a statement query with these parameters must answer: without `status`, no rejected one."""
    narrowing = {k: v for k, v in params.items() if k not in SHAPING}
    by_default = "status" not in narrowing
    return lambda row: ((row.status != "rejected" or not by_default)
                        and all(PREDICATES[name](row, value, narrowing) for name, value in narrowing.items()))


def ranked(counts: Counter, size: int, labels: dict | None = None) -> list[dict]:
    """Facet values, most frequent first, ties by value; labels where the facet has them."""
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    return [{"value": value, "label": labels[value] if labels else None, "count": n} for value, n in top]


FACET_VALUES: dict[str, Callable[[Row], Iterable]] = {
    "topic": lambda row: row.topics,
    "expert": lambda row: [row.expert_id],
    "country": lambda row: row.expert_countries,
    "mentions": lambda row: row.mentions,
    "kind": lambda row: [row.kind],
    "outlet": lambda row: [row.outlet] if row.outlet is not None else [],
}


def facet(stored: Stored, rows: list[Row], name: str, size: int) -> list[dict]:
    counts = Counter(value for row in rows for value in FACET_VALUES[name](row))
    labels = {"topic": {slug: t["label"] for slug, t in stored.topics.items()},
              "expert": {i: e["name"] for i, e in stored.experts.items()}}.get(name)
    return ranked(counts, size, labels)


SORT_KEYS: dict[str, Callable[[Row], Any]] = {
    "id": lambda row: row.id,
    "published": lambda row: row.published,
    "expert": lambda row: row.expert_name,
    "sentiment": lambda row: row.sentiment,
    "document": lambda row: row.document_id,
}


def sort_rows(rows: list[Row], sort: str) -> list[Row]:
    """Rows in the order of `sort`: nulls last in both directions, ties by id unless id is a key."""
    ordered = sorted(rows, key=lambda row: row.id)
    for part in reversed(sort.split(",")):
        key = SORT_KEYS[part.lstrip("-+")]
        present = sorted((r for r in ordered if key(r) is not None), key=key, reverse=part.startswith("-"))
        ordered = present + [r for r in ordered if key(r) is None]  # both sorts are stable
    return ordered


def commonest(values: Iterable) -> list:
    """Values from most to least frequent, ties by value."""
    return [value for value, _ in sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))]


def picks(stored: Stored) -> SimpleNamespace:
    """Filter values taken from the corpus: frequent ones, so that each narrows without emptying."""
    rows = stored.rows
    topics = commonest(t for r in rows for t in r.topics)
    sentiments = sorted(r.sentiment for r in rows if r.sentiment is not None)
    expert = commonest(r.expert_id for r in rows)[0]
    return SimpleNamespace(
        expert=expert,
        document=commonest(r.document_id for r in rows)[0],
        experts_document=commonest(r.document_id for r in rows if r.expert_id == expert)[0],
        topic=topics[0], topic2=topics[1], topic3=topics[2],
        three_topics=sorted(next(r.topics for r in rows if len(r.topics) >= 3))[:3],
        trade_mentions=commonest(c for r in rows if matches_q("trade*", r.text) for c in r.mentions)[0],
        country=commonest(c for r in rows for c in r.expert_countries)[0],
        mentions=commonest(c for r in rows for c in r.mentions)[0],
        pair_mentions=commonest(c for r in rows if {topics[0], topics[1]} <= set(r.topics) for c in r.mentions)[0],
        outlet=commonest(r.outlet for r in rows if r.outlet)[0],
        sentiment_low=sentiments[len(sentiments) // 4],  # stored values: the bounds are inclusive
        sentiment_high=sentiments[3 * len(sentiments) // 4],
        confidence=median_low(r.confidence for r in rows),
        updated_since=median_low(r.updated_at for r in rows).isoformat(),  # rows stored one after the other
    )
