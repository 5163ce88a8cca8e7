"""Pure: a document's statements as a W3C Web Annotation page (JSON-LD).

Each statement is one Annotation whose target is the document text, selected both by position
(TextPositionSelector, code points) and by quote (TextQuoteSelector with some context), and whose
body identifies the expert and classifies the statement by its topics.
"""

from __future__ import annotations

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
LD_JSON = "application/ld+json"
MEDIA_TYPE = f'{LD_JSON}; profile="{CONTEXT}"'
CONTEXT_CHARS = 32


def annotation(base: str, document_text: str, statement: dict) -> dict:
    start, end = statement["start"], statement["end"]
    body = [
        {
            "type": "SpecificResource",
            "purpose": "identifying",
            "source": f"{base}/v1/experts/{statement['expert']['id']}",
            "label": statement["expert"]["name"],
        }
    ]
    body += [
        {"type": "SpecificResource", "purpose": "classifying", "source": f"{base}/v1/topics/{slug}", "label": slug}
        for slug in statement["topics"]
    ]
    body.append(
        {
            "type": "TextualBody",
            "purpose": "describing",
            "format": "text/plain",
            "value": f"{statement['kind']} statement" + (f", cue: {statement['cue']}" if statement["cue"] else ""),
        }
    )
    return {
        "id": f"{base}/v1/statements/{statement['id']}",
        "type": "Annotation",
        "motivation": "identifying",
        "body": body,
        "target": {
            "source": f"{base}/v1/documents/{statement['document_id']}",
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": end},
                {
                    "type": "TextQuoteSelector",
                    "exact": document_text[start:end],
                    "prefix": document_text[max(0, start - CONTEXT_CHARS) : start],
                    "suffix": document_text[end : end + CONTEXT_CHARS],
                },
            ],
        },
    }


def annotation_page(base: str, document: dict, statements: list[dict], *, page_id: str, next_page: str | None,
                    next_cursor: str | None) -> dict:
    """A page of the statements of one document as an AnnotationPage (`next` addresses the following one)."""
    page = {
        "@context": CONTEXT,
        "id": page_id,
        "type": "AnnotationPage",
        "items": [annotation(base, document["text"], s) for s in statements],
        "next_cursor": next_cursor,
    }
    if next_page:
        page["next"] = next_page
    return page
