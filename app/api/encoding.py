"""JSON bodies written straight to bytes with orjson.

Hot list routes return their page this way instead of through the response model: the query layer
already shapes every item as the model documents it (tests/api hold each page to the model), and
re-validating fifty items costs more than reading them from the database.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import Response


def json_response(body: Any) -> Response:
    return Response(orjson.dumps(body), media_type="application/json")
