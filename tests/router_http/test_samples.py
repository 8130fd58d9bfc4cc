"""Every HTTP API payload 2.0 sample in ../shared/events through a catch-all app (when present)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from samples import SAMPLES, catch_all, sample_params

from router_http import APIGatewayHttpResolver

PATTERNS = ["aws-lambda-go/apigw-v2-*.json", "powertools/apiGatewayProxyV2*.json"]


def _render_sam_template(path: Path) -> dict[str, Any] | None:
    """SAM's HttpApi template with the defaults `sam local generate-event` would fill in."""
    mapping = json.loads((SAMPLES / "sam" / "event-mapping.json").read_text())
    tags = mapping["apigateway"]["http-api-proxy"]["tags"]
    text = path.read_text()
    for name, tag in tags.items():
        value = tag["default"]
        if tag.get("encoding") == "base64":
            value = base64.b64encode(value.encode()).decode()
        placeholder = "{{{" + name.replace("-", "_") + "}}}"
        text = text.replace(placeholder, json.dumps(value)[1:-1])
    try:
        event: dict[str, Any] = json.loads(text)
    except ValueError:
        return None
    return event


def _samples() -> list[Any]:
    found = sample_params(PATTERNS)
    sam = SAMPLES / "sam" / "HttpApi.json"
    if sam.is_file():
        event = _render_sam_template(sam)
        if event is not None:
            found.append(pytest.param(event, id="sam/HttpApi.json"))
    return found


@pytest.mark.parametrize("event", _samples())
def test_sample_gets_a_payload_2_0_answer(event: dict[str, Any]) -> None:
    result = catch_all(APIGatewayHttpResolver()).resolve(event, None)

    assert result == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": result["body"],
        "isBase64Encoded": False,
    }
    body = json.loads(result["body"])
    assert body["method"] == event["requestContext"]["http"]["method"]
    # Every sample is on the `$default` stage: the path is `rawPath` untouched.
    assert event["requestContext"]["stage"] == "$default"
    assert body["path"] == event["rawPath"]
    assert body["query"] == event.get("queryStringParameters", {})
    # AWS comma-joins repeated keys; `rawQueryString` keeps them apart.
    for name, joined in body["query"].items():
        assert ",".join(body["multi_query"][name]) == joined
    # The samples' cookies are bare names (`cookie1`), which name no value.
    assert body["cookies"] == {}


def test_sam_template_renders_to_the_documented_defaults() -> None:
    sam = SAMPLES / "sam" / "HttpApi.json"
    if not sam.is_file():
        pytest.skip("no shared/events/sam folder")
    event = _render_sam_template(sam)
    if event is None:
        pytest.skip("SAM's HttpApi.json does not render to JSON")
    app = APIGatewayHttpResolver()

    @app.post("/path/to/resource")
    def resource() -> dict[str, Any]:
        return {"body": app.current_event.json_body}

    result = app.resolve(event, None)
    assert json.loads(result["body"]) == {"body": {"test": "body"}}


def test_there_are_samples_when_the_folder_exists() -> None:
    if not SAMPLES.is_dir():
        pytest.skip("no shared/events folder")
    assert len(_samples()) >= 10
