"""Every REST sample event in ../shared/events through a catch-all app (when present)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from router_core.sources import PAYLOAD_V1, family_of
from router_rest import APIGatewayRestResolver

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "events"


def _rest_samples() -> list[Any]:
    if not SAMPLES.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason="no shared/events folder"))]
    found = []
    for path in sorted(SAMPLES.rglob("*.json")):
        text = path.read_text()
        if "{{" in text:
            continue  # SAM's templates hold mustache placeholders, not values
        try:
            event = json.loads(text)
        except ValueError:
            continue
        if family_of(event) == PAYLOAD_V1:
            found.append(pytest.param(event, id=str(path.relative_to(SAMPLES))))
    return found


def catch_all_app() -> APIGatewayRestResolver:
    app = APIGatewayRestResolver()
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    @app.route("/", method=methods)
    @app.route("/.+", method=methods)
    def echo() -> dict[str, Any]:
        event = app.current_event
        return {
            "method": event.http_method,
            "path": event.path,
            "query": event.query_string_parameters,
            "cookies": event.cookies,
        }

    return app


@pytest.mark.parametrize("event", _rest_samples())
def test_sample_gets_a_rest_shaped_answer(event: dict[str, Any]) -> None:
    result = catch_all_app().resolve(event, None)
    assert set(result) == {"statusCode", "multiValueHeaders", "body", "isBase64Encoded"}
    assert result["isBase64Encoded"] is False
    assert all(isinstance(v, list) for v in result["multiValueHeaders"].values())
    if event["httpMethod"] == "HEAD":
        assert result["body"] == ""
        return
    body = json.loads(result["body"])
    assert result["statusCode"] == 200
    assert body["method"] == event["httpMethod"]
    assert body["path"] == event["path"]


def test_there_are_rest_samples_when_the_folder_exists() -> None:
    if not SAMPLES.is_dir():
        pytest.skip("no shared/events folder")
    assert len(_rest_samples()) >= 5
