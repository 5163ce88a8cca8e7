"""Pure: an analysis -> the JSON record `opinions extract` prints (the API's field names)."""

from __future__ import annotations

from dataclasses import asdict

from app.ingest.analyse import Analysis
from app.types import RawDocument

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
