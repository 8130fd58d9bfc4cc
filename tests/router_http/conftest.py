"""Payload 2.0 events for API Gateway HTTP API, written from AWS's documented format
("Working with AWS Lambda proxy integrations for HTTP APIs")."""

from __future__ import annotations

from typing import Any, Callable

import pytest

EXECUTE_API_HOST = "r3pmxmplak.execute-api.eu-west-1.amazonaws.com"

MakeEvent = Callable[..., dict[str, Any]]


def _http_event(
    method: str = "GET",
    raw_path: str = "/",
    *,
    raw_query_string: str = "",
    query_string_parameters: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    cookies: list[str] | None = None,
    body: str | None = None,
    is_base64_encoded: bool = False,
    stage: str = "$default",
    domain_name: str = EXECUTE_API_HOST,
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": raw_path,
        "rawQueryString": raw_query_string,
        "headers": {
            "accept": "application/json",
            "content-length": str(len(body or "")),
            "host": domain_name,
            "user-agent": "curl/8.4.0",
            "x-amzn-trace-id": "Root=1-65f1a2b3-0123456789abcdef01234567",
            "x-forwarded-for": "198.51.100.7",
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https",
            **(headers or {}),
        },
        "requestContext": {
            "accountId": "123456789012",
            "apiId": domain_name.split(".", 1)[0],
            "domainName": domain_name,
            "domainPrefix": domain_name.split(".", 1)[0],
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": "198.51.100.7",
                "userAgent": "curl/8.4.0",
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "$default",
            "stage": stage,
            "time": "13/Mar/2024:10:15:42 +0000",
            "timeEpoch": 1710324942123,
        },
        "isBase64Encoded": is_base64_encoded,
    }
    if cookies is not None:
        event["cookies"] = cookies
    if query_string_parameters is not None:
        event["queryStringParameters"] = query_string_parameters
    if body is not None:
        event["body"] = body
    return event


@pytest.fixture(scope="session")
def http_event() -> MakeEvent:
    """Build an HTTP API payload 2.0 event: `http_event("GET", "/todos", stage="prod")`."""
    return _http_event
