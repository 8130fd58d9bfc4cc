"""Telling event families apart: an event sent to the wrong resolver is a clear ValueError
naming the resolver that fits (the fake source stands for a payload 1.0 resolver)."""

from __future__ import annotations

from typing import Any

import pytest
from fake_source import FakeResolver

from router_core.sources import ALB, PAYLOAD_V1, PAYLOAD_V2, family_of, wrong_source

REST_EVENT = {"resource": "/", "path": "/", "httpMethod": "GET", "requestContext": {}}
HTTP_V1_EVENT = {"version": "1.0", "path": "/", "httpMethod": "GET", "requestContext": {}}
HTTP_EVENT = {
    "version": "2.0",
    "rawPath": "/",
    "requestContext": {"http": {"method": "GET", "path": "/"}},
}
FUNCTION_URL_EVENT = {"rawPath": "/", "requestContext": {"http": {"method": "GET"}}}
ALB_EVENT = {
    "httpMethod": "GET",
    "path": "/",
    "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:..."}},
}


@pytest.mark.parametrize(
    ("raw", "family"),
    [
        (REST_EVENT, PAYLOAD_V1),
        (HTTP_V1_EVENT, PAYLOAD_V1),
        (HTTP_EVENT, PAYLOAD_V2),
        (FUNCTION_URL_EVENT, PAYLOAD_V2),
        (ALB_EVENT, ALB),
        ({"path": "/"}, None),
        ({"rawPath": "/", "requestContext": "x"}, None),
        ([], None),
        (None, None),
    ],
)
def test_family_of(raw: Any, family: str | None) -> None:
    assert family_of(raw) == family


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            HTTP_EVENT,
            "but got a payload 2.0 event (HTTP API or Lambda Function URL): use "
            "APIGatewayHttpResolver (router-http) or LambdaFunctionUrlResolver",
        ),
        (ALB_EVENT, "but got an Application Load Balancer event: use ALBResolver (router-alb)"),
        (REST_EVENT, "but got a dict that is not one (required fields missing or malformed)"),
        ({"method": "GET"}, "but got a dict that is not one"),
        ({"method": "GET", "path": ["/"]}, "but got a dict that is not one"),
        (["GET", "/"], "but got a list that is not one"),
    ],
)
def test_an_event_of_another_family_names_the_resolver_that_fits(raw: Any, message: str) -> None:
    app = FakeResolver()
    app.get("/")(lambda: {"ok": True})

    with pytest.raises(ValueError) as raised:
        app.resolve(raw, None)

    text = str(raised.value)
    assert text.startswith("FakeResolver expects an API Gateway payload 1.0 event")
    assert message in text


def test_wrong_source_for_each_expected_family() -> None:
    assert str(wrong_source("ALBResolver", ALB, REST_EVENT)) == (
        "ALBResolver expects an Application Load Balancer event, but got an API Gateway "
        "payload 1.0 event (REST API, or HTTP API with version 1.0): use "
        "APIGatewayRestResolver (router-rest)"
    )
    assert str(wrong_source("APIGatewayHttpResolver", PAYLOAD_V2, "text")).endswith(
        "but got a str that is not one (required fields missing or malformed)"
    )
