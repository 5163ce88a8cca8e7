"""Pure: an analysis -> the JSON record `opinions extract` prints (the API's field names)."""

from __future__ import annotations

from dataclasses import asdict

from app.ingest.analyse import Analysis, content_hash
from app.types import Annotation, ExtractedExpert, ExtractedStatement, Extraction, RawDocument

EXPERT_FIELDS = ("name", "aliases", "nationality", "countries", "roles", "affiliations", "introduced_as", "paragraph")


def analysis_record(raw: RawDocument, analysis: Analysis) -> dict:
    """The document's metadata, experts and annotated statements as one JSON-ready dict."""
    return {
        "source": raw.source,
        "sha256": analysis.sha256,
        "title": raw.title,
        "outlet": raw.outlet,
        "url": raw.url,
        "published": raw.published,
        "text": raw.text,
        "experts": [{k: v for k, v in asdict(e).items() if k in EXPERT_FIELDS} for e in analysis.extraction.experts],
        "statements": [
            {
                "expert": {"name": s.speaker},
                "kind": s.kind,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "group": s.group,
                "cue": s.cue,
                "topics": sorted(a.topics),
                "topic_evidence": a.topics,
                "countries": a.countries,
                "sentiment": a.sentiment,
                "forward_looking": a.forward_looking,
                "sieve": s.sieve,
                "confidence": s.confidence,
            }
            for s, a in analysis.annotated()
        ],
    }


def analysis_from_record(text: str, record: dict) -> Analysis:
    """The analysis an `opinions extract` record carries; ValueError names what does not hold."""
    sha256 = content_hash(text)
    if record.get("sha256") not in (None, sha256):
        raise ValueError("'sha256' is not the hash of 'text'")
    try:
        experts = [ExtractedExpert(**{k: e[k] for k in EXPERT_FIELDS if k in e}) for e in record["experts"]]
        names = {e.name for e in experts}
        statements, annotations = [], []
        for s in record["statements"]:
            start, end, name = int(s["start"]), int(s["end"]), s["expert"]["name"]
            if text[start:end] != s["text"] or "\n" in s["text"] or name not in names:
                raise ValueError(f"statement at {start}-{end}: its text, line or expert does not match")
            statements.append(ExtractedStatement(
                name, s["kind"], start, end, s["text"], s.get("cue"), text.count("\n", 0, start), s.get("group"),
                s.get("sieve", ""), float(s.get("confidence", 1.0))))
            annotations.append(Annotation(s.get("topic_evidence") or {t: [] for t in s.get("topics", [])},
                                          s.get("countries", []), s.get("sentiment"), bool(s.get("forward_looking"))))
    except (KeyError, TypeError) as err:
        raise ValueError(f"missing or malformed field: {err}") from None
    return Analysis(sha256, Extraction(experts, statements), annotations)
