"""The OpenAPI contract, fuzzed: schemathesis runs every phase (explicit examples, coverage, fuzzing,
stateful links) with every check over every operation of the app on the seed, as its CLI does.

Two rules no OpenAPI parameter can state are kept by the generator (`map_case`), as schemathesis
advises for rules the schema cannot express; everything else is generated from the schema alone:
- a cursor is opaque: a client only ever holds those the API gave it, so positive cases keep a
  cursor only if the API issued it (in a `Link: rel="next"`; the stateful phase follows the `next`
  links); hand-made and foreign cursors are refused in tests/api/test_contract.py;
- in `sort`, each field once, and `relevance` only with `q`.

The writes are exercised for real: every request carries a write key (schemathesis also sends some
without, and checks they are refused), on a database of its own, since DELETE removes seed documents.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events, from_schema
from schemathesis.engine.statistic import Statistic
from schemathesis.generation import GenerationMode

from app.api.auth import Gate
from app.db import get_engine
from app.ingest import pipeline
from app.main import create_app
from tests.conftest import SEEDS
from tests.writes.conftest import make_key

EXAMPLES = 25  # per operation and phase; deterministic, so every run draws the same cases


def readable_sort(sort: str, has_q: bool) -> str:
    """The sort with repeated fields, and relevance without a search, left out."""
    kept: dict[str, str] = {}
    for part in sort.split(","):
        name = part.lstrip("+-")
        if name not in kept and (has_q or name != "relevance"):
            kept[name] = part
    return ",".join(kept.values())


class IssuedCursors:
    """An ASGI wrapper that remembers every cursor the app announces in a Link header."""

    def __init__(self, app) -> None:
        self.app, self.cursors = app, set()

    async def __call__(self, scope, receive, send):
        async def remember(message):
            if message["type"] == "http.response.start":
                for name, value in message["headers"]:
                    if name == b"link":
                        url = value.decode().split(">")[0].lstrip("<")
                        self.cursors.update(parse_qs(urlsplit(url).query).get("cursor", []))
            await send(message)

        await self.app(scope, receive, remember)


def keep_the_rules(issued: set[str]):
    def map_case(context, case):
        meta = case.meta
        if meta is None or meta.generation.mode != GenerationMode.POSITIVE or not case.query:
            return case
        if case.query.get("cursor") not in issued:
            case.query.pop("cursor", None)
        if isinstance(case.query.get("sort"), str):
            case.query["sort"] = readable_sort(case.query["sort"], has_q=bool(case.query.get("q")))
            if not case.query["sort"]:
                del case.query["sort"]
        return case

    return map_case


# Curation bodies are checked against the stored data as well as the schema: an expert or topic that
# exists, a span inside one line of the document's text, a merge into another expert. A body the schema
# admits may so be a 422 naming the member (tests/writes pin each case); every other status stays checked.
ACCEPTED_WITH_DATA = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429"]
CHECKED_AGAINST_DATA = [
    {"include-path": path, "include-method": method,
     "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED_WITH_DATA}}}
    for method, path in [("POST", "/v1/statements"), ("PATCH", "/v1/statements/{statement_id}"),
                         ("PATCH", "/v1/experts/{expert_id}"), ("POST", "/v1/experts/{expert_id}/merge")]
]


def run(app, key: str) -> tuple[Statistic, list[str], set[str]]:
    """Run schemathesis on the app with a key: its statistic, the errors it met, the operations it tested."""
    issued = IssuedCursors(app)
    config = {"generation": {"max-examples": EXAMPLES, "deterministic": True},
              "headers": {"Authorization": f"Bearer {key}"}, "operations": CHECKED_AGAINST_DATA}
    schema = schemathesis.openapi.from_asgi("/openapi.json", issued, config=SchemathesisConfig.from_dict(config))
    schema.hook(keep_the_rules(issued.cursors))
    statistic, errors, tested = Statistic(), [], set()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished) and event.is_test_scenario:
            statistic.on_scenario_finished(event.recorder)
            tested.add(event.recorder.label)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            errors.append(repr(getattr(event, "value", None) or getattr(event, "exception", None)))
    return statistic, errors, tested


def describe(statistic: Statistic) -> list[str]:
    lines = []
    for label, groups in statistic.failures.items():
        for group in groups.values():
            status = group.response.status_code if group.response is not None else "-"
            titles = "; ".join(f.title for f in group.failures)
            lines.append(f"{label}: {titles} [{status}] {group.code_sample}")
    return lines


def test_every_operation_keeps_its_documented_contract(databases, taxonomy):
    url = databases.new()
    assert not pipeline.ingest([SEEDS], engine=get_engine(url), taxonomy=taxonomy, workers=1).failures
    app = create_app(url)
    app.state.gate = Gate("1000000/minute")  # the writes are fuzzed, not their limit (tests/writes/test_auth.py)
    try:
        statistic, errors, tested = run(app, make_key(url, "schemathesis", "write"))
    finally:
        app.state.version.close()
        get_engine(url).dispose()
    operations = {f"{method.upper()} {path}" for path, ops in app.openapi()["paths"].items() for method in ops}
    assert operations <= tested, operations - tested
    assert not errors, errors
    assert not statistic.unique_failures_map, "\n".join(describe(statistic))
