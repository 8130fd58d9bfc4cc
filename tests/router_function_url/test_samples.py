"""Every Function URL sample in ../shared/events through a catch-all app (when present)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from samples import SAMPLES, catch_all, sample_params

from router_function_url import LambdaFunctionUrlResolver

PATTERNS = ["aws-lambda-go/lambda-urls-request.json", "powertools/lambdaFunctionUrl*.json"]


@pytest.mark.parametrize("event", sample_params(PATTERNS))
def test_sample_gets_a_payload_2_0_answer(event: dict[str, Any]) -> None:
    result = catch_all(LambdaFunctionUrlResolver(), read_body=True).resolve(event, None)

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
    assert len(sample_params(PATTERNS)) >= 4
