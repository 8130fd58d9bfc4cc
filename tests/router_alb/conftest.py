"""ALB events as the load balancer sends them to a Lambda target, per AWS's documented format.

A target group sends single-value `headers` / `queryStringParameters` by default, and
`multiValueHeaders` / `multiValueQueryStringParameters` with
`lambda.multi_value_headers.enabled`. Header names arrive lower-cased; the path and the query
string arrive as the client sent them (percent-encoded, `+` for a space in a form value).
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

TARGET_GROUP = (
    "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/shop/6d0ecf831eec9f09"
)

EventFactory = Callable[..., dict[str, Any]]


def _single(
    method: str = "GET",
    path: str = "/",
    query: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    body: str = "",
    base64: bool = False,
) -> dict[str, Any]:
    return {
        "requestContext": {"elb": {"targetGroupArn": TARGET_GROUP}},
        "httpMethod": method,
        "path": path,
        "queryStringParameters": query or {},
        "headers": {
            "host": "shop-1234567890.eu-west-1.elb.amazonaws.com",
            "user-agent": "curl/8.4.0",
            "x-amzn-trace-id": "Root=1-65f2a0c1-1a2b3c4d5e6f708192a3b4c5",
            "x-forwarded-for": "203.0.113.7",
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https",
            **(headers or {}),
        },
        "body": body,
        "isBase64Encoded": base64,
    }


def _multi(
    method: str = "GET",
    path: str = "/",
    query: dict[str, list[str]] | None = None,
    headers: dict[str, list[str]] | None = None,
    body: str = "",
    base64: bool = False,
) -> dict[str, Any]:
    return {
        "requestContext": {"elb": {"targetGroupArn": TARGET_GROUP}},
        "httpMethod": method,
        "path": path,
        "multiValueQueryStringParameters": query or {},
        "multiValueHeaders": {
            "host": ["shop-1234567890.eu-west-1.elb.amazonaws.com"],
            "user-agent": ["curl/8.4.0"],
            "x-amzn-trace-id": ["Root=1-65f2a0c1-1a2b3c4d5e6f708192a3b4c5"],
            "x-forwarded-for": ["203.0.113.7"],
            "x-forwarded-port": ["443"],
            "x-forwarded-proto": ["https"],
            **(headers or {}),
        },
        "body": body,
        "isBase64Encoded": base64,
    }


@pytest.fixture
def single_event() -> EventFactory:
    """Build a single-value ALB event: `single_event("POST", "/todos", body="{}")`."""
    return _single


@pytest.fixture
def multi_event() -> EventFactory:
    """Build a multi-value ALB event: `multi_event(query={"tag": ["x", "y"]})`."""
    return _multi
