"""Score the extraction (and, when available, the annotation) against hand-made gold files.

Gold files follow /work/shared/gold/README.md: experts by name and aliases, statements keyed by
0-based line.  Experts match by last name; attribution units are (line, speaker); the annotation
rows (topics, countries mentioned, forward-looking) are computed over the gold lines that the
prediction also attributes.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from app.annotate.taxonomy import Taxonomy, load_taxonomy
from app.config import get_settings
from app.ingest.analyse import analyse
from app.ingest.sources import BadDocument, describe, read_text_file
from app.types import Annotation, Extraction

CONFIDENCE_FLOORS = (0.0, 0.6, 0.7, 0.8, 0.9)  # "confidence >= floor" rows of the table
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "the"})


class EvaluationError(ValueError):
    """Nothing to score, or a gold file that cannot be read; the message says which."""


@dataclass(slots=True)
class Counts:
    """True positives, predictions and gold items of one measure."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else float(not self.gold)
        r = self.tp / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits, self.total = self.hits + int(hit), self.total + 1

    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(slots=True)
class Scores:
    experts: Counts = field(default_factory=Counts)
    attribution: Counts = field(default_factory=Counts)
    topics: Counts = field(default_factory=Counts)
    countries: Counts = field(default_factory=Counts)
    kind: Ratio = field(default_factory=Ratio)
    expert_countries: Ratio = field(default_factory=Ratio)
    roles: Ratio = field(default_factory=Ratio)
    forward: Ratio = field(default_factory=Ratio)
    by_confidence: dict[float, Counts] = field(default_factory=lambda: {t: Counts() for t in CONFIDENCE_FLOORS})
    by_sieve: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0


def name_tokens(name: str) -> list[str]:
    """Lower-case word tokens of a name without titles ("Dr. Jane Roe" -> ["jane", "roe"])."""
    words = re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", name).lower())
    return [w for w in words if w not in _TITLES and len(w) > 1]


def same_person(pred: str, gold: dict) -> bool:
    """Last-name match: the predicted last word is a word of the gold name or one of its aliases."""
    tokens = name_tokens(pred)
    forms = [gold["name"], *gold.get("aliases", [])]
    return bool(tokens) and any(tokens[-1] in name_tokens(f) for f in forms)


def _match_experts(extraction: Extraction, gold: list[dict]) -> dict[str, dict]:
    """Predicted expert name -> the gold expert it matches (one-to-one, in order)."""
    matched: dict[str, dict] = {}
    used: set[int] = set()
    for expert in extraction.experts:
        for k, g in enumerate(gold):
            if k not in used and same_person(expert.name, g):
                matched[expert.name] = g
                used.add(k)
                break
    return matched


def _score_experts(scores: Scores, extraction: Extraction, gold: dict, matched: dict[str, dict]) -> None:
    scores.experts.add(len(matched), len(extraction.experts), len(gold["experts"]))
    for expert in extraction.experts:
        g = matched.get(expert.name)
        if g is None:
            continue
        scores.expert_countries.add(sorted(expert.countries) == sorted(g.get("countries", [])))
        gold_roles = {w for r in g.get("roles", []) for w in r.lower().split()}
        scores.roles.add(bool(gold_roles & {w for r in expert.roles for w in r.lower().split()}))


def _score_statements(scores: Scores, extraction: Extraction, annotations: list[Annotation] | None,
                      gold: dict, matched: dict[str, dict]) -> None:
    """Attribution by (line, speaker), kinds, and the annotation of the matched gold lines."""
    gold_units = {(s["paragraph"], s["speaker"]): s for s in gold["statements"]}
    pred_units: dict[tuple[int, str], list[int]] = defaultdict(list)
    for k, st in enumerate(extraction.statements):
        speaker = matched[st.speaker]["name"] if st.speaker in matched else st.speaker
        pred_units[(st.paragraph, speaker)].append(k)
    hits = [u for u in pred_units if u in gold_units]
    scores.attribution.add(len(hits), len(pred_units), len(gold_units))
    _score_confidence(scores, extraction, pred_units, gold_units)
    for unit in hits:
        g, ks = gold_units[unit], pred_units[unit]
        scores.kind.add(any(extraction.statements[k].kind == g["kind"] for k in ks))
        if annotations is None or "topics" not in g:
            continue
        topics = {t for k in ks for t in annotations[k].topics}
        countries = {c for k in ks for c in annotations[k].countries}
        scores.topics.add(len(topics & set(g["topics"])), len(topics), len(g["topics"]))
        gold_countries = set(g.get("countries_mentioned", []))
        scores.countries.add(len(countries & gold_countries), len(countries), len(gold_countries))
        scores.forward.add(any(annotations[k].forward_looking for k in ks) == g.get("forward_looking", False))


def _score_confidence(scores: Scores, extraction: Extraction, pred_units: dict[tuple[int, str], list[int]],
                      gold_units: dict) -> None:
    """Precision and recall of the units at or above each confidence floor, and precision per sieve.
    A unit's confidence and sieve are those of its most confident statement."""
    statements = extraction.statements
    best = {u: max((statements[k] for k in ks), key=lambda st: st.confidence) for u, ks in pred_units.items()}
    for floor, counts in scores.by_confidence.items():
        kept = [u for u, st in best.items() if st.confidence >= floor]
        counts.add(sum(u in gold_units for u in kept), len(kept), len(gold_units))
    for unit, st in best.items():
        scores.by_sieve.setdefault(st.sieve, Counts()).add(int(unit in gold_units), 1, 0)


def score_documents(gold_dir: Path, docs_dir: Path, taxonomy: Taxonomy,
                    on_skip: Callable[[Path, str], None] = lambda gold, reason: None) -> Scores:
    """Run the extraction and annotation on every gold file's document and add up the scores.
    A gold file whose document is missing or unreadable is told to `on_skip`; a bad gold file raises."""
    scores = Scores()
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = read_gold(gold_path)
        doc = docs_dir / gold.get("document", gold_path.stem + ".txt")
        if not doc.is_file():
            on_skip(gold_path, f"no document {doc}")
            continue
        try:
            raw = read_text_file(doc)
        except (OSError, BadDocument) as error:
            on_skip(gold_path, f"document {doc}: {describe(error)}")
            continue
        analysis = analyse(raw.text, taxonomy, published=raw.published or gold.get("published"))
        matched = _match_experts(analysis.extraction, gold["experts"])
        _score_experts(scores, analysis.extraction, gold, matched)
        _score_statements(scores, analysis.extraction, analysis.annotations, gold, matched)
        scores.documents += 1
    return scores


def read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read the gold file: {error}") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("experts"), list) or not isinstance(
            gold.get("statements"), list):
        raise EvaluationError(f"{path}: a gold file is an object with 'experts' and 'statements' lists")
    return gold


def _table(scores: Scores) -> Table:
    table = Table(title=f"Extraction against gold ({scores.documents} documents)")
    for column in ("measure", "precision", "recall", "F1 / accuracy", "n"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    rows = (("experts (by last name)", scores.experts), ("attribution (line, speaker)", scores.attribution),
            ("topics (micro)", scores.topics), ("countries mentioned", scores.countries))
    for label, counts in rows:
        if label.startswith(("topics", "countries")) and not counts.gold and not counts.pred:
            continue
        p, r, f = counts.prf()
        table.add_row(label, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", f"{counts.tp}/{counts.pred}/{counts.gold}")
    for label, ratio in (("kind accuracy", scores.kind), ("expert country accuracy", scores.expert_countries),
                         ("expert role recall", scores.roles), ("forward-looking accuracy", scores.forward)):
        value = ratio.value()
        if value is not None:
            table.add_row(label, "", "", f"{value:.3f}", f"{ratio.hits}/{ratio.total}")
    return table


def _confidence_table(scores: Scores) -> Table:
    table = Table(title="Attribution by confidence (units whose statement confidence is at least the floor)")
    for column in ("confidence >=", "precision", "recall", "units"):
        table.add_column(column, justify="right")
    for floor, counts in scores.by_confidence.items():
        p, r, _ = counts.prf()
        table.add_row(f"{floor:.1f}", f"{p:.3f}", f"{r:.3f}", f"{counts.tp}/{counts.pred}")
    return table


def _sieve_table(scores: Scores) -> Table:
    table = Table(title="Attribution precision by the sieve that decided the speaker")
    for column in ("sieve", "precision", "right/all"):
        table.add_column(column, justify="left" if column == "sieve" else "right")
    for sieve, counts in sorted(scores.by_sieve.items(), key=lambda kv: -kv[1].pred):
        table.add_row(sieve, f"{counts.tp / counts.pred:.3f}", f"{counts.tp}/{counts.pred}")
    return table


def default_docs_dir(gold_dir: Path) -> Path:
    """The `seeds` folder next to GOLD_DIR (the layout of /work/shared: gold/ and seeds/ side by side)."""
    return gold_dir.parent / "seeds"


def evaluate_command(gold_dir: Path, docs_dir: Path | None = None, *, taxonomy: Taxonomy | None = None,
                     on_skip: Callable[[Path, str], None] = lambda gold, reason: None) -> Scores:
    """Score the extraction against GOLD_DIR (documents from DOCS_DIR, by default `default_docs_dir`)
    and print the tables; EvaluationError when there is nothing to score."""
    docs_dir = docs_dir or default_docs_dir(gold_dir)
    if not any(gold_dir.glob("*.json")):
        raise EvaluationError(f"no gold files (*.json) in {gold_dir}")
    scores = score_documents(gold_dir, docs_dir, taxonomy or load_taxonomy(get_settings().taxonomy()), on_skip)
    if not scores.documents:
        raise EvaluationError(f"none of the gold files' documents is in {docs_dir}")
    console = Console()
    for table in (_table(scores), _confidence_table(scores), _sieve_table(scores)):
        console.print(table)
    return scores
