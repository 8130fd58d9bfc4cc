"""Every REST sample event in ../shared/events through a catch-all app (when present)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from samples import SAMPLES, catch_all, family_params

from router_core.sources import PAYLOAD_V1
from router_rest import APIGatewayRestResolver


@pytest.mark.parametrize("event", family_params(PAYLOAD_V1))
def test_sample_gets_a_rest_shaped_answer(event: dict[str, Any]) -> None:
    result = catch_all(APIGatewayRestResolver()).resolve(event, None)
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
    assert len(family_params(PAYLOAD_V1)) >= 5
