"""Reading a Lambda result in a test: its status and its body as the client would parse it."""

from __future__ import annotations

import base64
import json
from typing import Any


def status_and_body(result: dict[str, Any]) -> tuple[int, Any]:
    """`(statusCode, body)`: the body base64-decoded when it is so, then parsed as JSON when it
    is JSON, else the text as it is (side-by-side tests compare both libraries' results so)."""
    body = result.get("body")
    if result.get("isBase64Encoded"):
        body = base64.b64decode(body).decode()
    try:
        return result["statusCode"], json.loads(body)
    except (TypeError, ValueError):
        return result["statusCode"], body
