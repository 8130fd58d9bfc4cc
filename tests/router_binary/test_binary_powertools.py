"""Bodies side by side with Powertools: which are base64-encoded, and how."""

from __future__ import annotations

from typing import Any

import pytest
from rest_events import make_event

from router_core import Response

APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver
powertools = pytest.importorskip("aws_lambda_powertools.event_handler")

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><title>é</title></svg>'

CASES = [
    ("image/png", PNG),
    ("image/svg+xml", SVG),
    ("image/png", "text in an image type"),
    ("application/octet-stream", b""),
    ("application/pdf", "%PDF-1.7 as text"),
    ("text/plain", b"bytes of text"),
    ("application/json", '{"a":1}'),
]


def _answer(resolver: Any, response_class: Any, content_type: str, body: Any) -> dict[str, Any]:
    app = resolver()

    @app.get("/body")
    def handler() -> Any:
        return response_class(status_code=200, content_type=content_type, body=body)

    result: dict[str, Any] = app.resolve(make_event("GET", "/body"), None)
    return result


@pytest.mark.parametrize(("content_type", "body"), CASES)
def test_body_and_flag_match_powertools(content_type: str, body: Any) -> None:
    theirs = _answer(powertools.APIGatewayRestResolver, powertools.Response, content_type, body)
    ours = _answer(APIGatewayRestResolver, Response, content_type, body)

    assert ours["isBase64Encoded"] is theirs["isBase64Encoded"]
    assert ours["body"] == theirs["body"]
    assert ours["multiValueHeaders"]["Content-Type"] == [content_type]
