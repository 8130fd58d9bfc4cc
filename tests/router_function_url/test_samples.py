"""Every Function URL sample in ../shared/events through a catch-all app (when present)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from router_function_url import LambdaFunctionUrlResolver

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "events"
PATTERNS = ["aws-lambda-go/lambda-urls-request.json", "powertools/lambdaFunctionUrl*.json"]


def _samples() -> list[Any]:
    if not SAMPLES.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason="no shared/events folder"))]
    found = []
    for pattern in PATTERNS:
        for path in sorted(SAMPLES.glob(pattern)):
            event = json.loads(path.read_text())
            found.append(pytest.param(event, id=f"{path.parent.name}/{path.name}"))
    return found


def catch_all_app() -> LambdaFunctionUrlResolver:
    app = LambdaFunctionUrlResolver()
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    @app.route("/", method=methods)
    @app.route("/.+", method=methods)
    def echo() -> dict[str, Any]:
        event = app.current_event
        return {
            "method": event.http_method,
            "path": event.path,
            "query": event.query_string_parameters,
            "multi_query": event.multi_value_query_string_parameters,
            "cookies": event.cookies,
            "body": event.decoded_body,
        }

    return app


@pytest.mark.parametrize("event", _samples())
def test_sample_gets_a_payload_2_0_answer(event: dict[str, Any]) -> None:
    result = catch_all_app().resolve(event, None)

    assert result == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": result["body"],
        "isBase64Encoded": False,
    }
    body = json.loads(result["body"])
    assert body["method"] == event["requestContext"]["http"]["method"]
    assert body["path"] == event["rawPath"]
    assert body["query"] == event.get("queryStringParameters", {})
    for name, joined in body["query"].items():
        assert ",".join(body["multi_query"][name]) == joined
    assert body["cookies"] == {}
    assert body["body"] == event.get("body")


def test_there_are_samples_when_the_folder_exists() -> None:
    if not SAMPLES.is_dir():
        pytest.skip("no shared/events folder")
    assert len(_samples()) >= 4
