"""Lambda Function URL events, written from AWS's documented request payload
("Invoking Lambda function URLs": payload format version 2.0)."""

from __future__ import annotations

from typing import Any, Callable

import pytest

URL_HOST = "xj2mplpozcwpu3ntpbq6yp7l4m0ckskz.lambda-url.eu-west-1.on.aws"

MakeEvent = Callable[..., dict[str, Any]]


def _function_url_event(
    method: str = "GET",
    raw_path: str = "/",
    *,
    raw_query_string: str = "",
    query_string_parameters: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    cookies: list[str] | None = None,
    body: str | None = None,
    is_base64_encoded: bool = False,
    iam: bool = False,
) -> dict[str, Any]:
    url_id = URL_HOST.split(".", 1)[0]
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": raw_path,
        "rawQueryString": raw_query_string,
        "headers": {
            "accept": "*/*",
            "host": URL_HOST,
            "user-agent": "python-requests/2.31.0",
            "x-amzn-trace-id": "Root=1-65f1a2b3-89abcdef0123456789abcdef",
            "x-forwarded-for": "203.0.113.24",
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https",
            **(headers or {}),
        },
        "requestContext": {
            "accountId": "anonymous",
            "apiId": url_id,
            "authentication": None,
            "domainName": URL_HOST,
            "domainPrefix": url_id,
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.24",
                "userAgent": "python-requests/2.31.0",
            },
            "requestId": "f0e1d2c3-b4a5-4697-8877-665544332211",
            "routeKey": "$default",
            "stage": "$default",
            "time": "13/Mar/2024:10:15:42 +0000",
            "timeEpoch": 1710324942123,
        },
        "pathParameters": None,
        "isBase64Encoded": is_base64_encoded,
        "stageVariables": None,
    }
    if iam:
        event["requestContext"]["accountId"] = "123456789012"
        event["requestContext"]["authorizer"] = {
            "iam": {
                "accessKey": "AKIAIOSFODNN7EXAMPLE",
                "accountId": "123456789012",
                "callerId": "AIDACKCEVSQ6C2EXAMPLE",
                "cognitoIdentity": None,
                "principalOrgId": None,
                "userArn": "arn:aws:iam::123456789012:user/deploy",
                "userId": "AIDACKCEVSQ6C2EXAMPLE",
            }
        }
    if cookies is not None:
        event["cookies"] = cookies
    if query_string_parameters is not None:
        event["queryStringParameters"] = query_string_parameters
    if body is not None:
        event["body"] = body
    return event


@pytest.fixture(scope="session")
def url_event() -> MakeEvent:
    """Build a Function URL event: `url_event("GET", "/files/a%2Fb")`."""
    return _function_url_event


@pytest.fixture
def http_api_event() -> dict[str, Any]:
    """An API Gateway HTTP API payload 2.0 event (same format, another service)."""
    domain = "r3pmxmplak.execute-api.eu-west-1.amazonaws.com"
    return {
        "version": "2.0",
        "routeKey": "ANY /{proxy+}",
        "rawPath": "/prod/files/report.pdf",
        "rawQueryString": "",
        "headers": {"host": domain},
        "pathParameters": {"proxy": "files/report.pdf"},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "r3pmxmplak",
            "domainName": domain,
            "domainPrefix": "r3pmxmplak",
            "http": {
                "method": "GET",
                "path": "/prod/files/report.pdf",
                "protocol": "HTTP/1.1",
                "sourceIp": "198.51.100.7",
                "userAgent": "curl/8.4.0",
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "ANY /{proxy+}",
            "stage": "prod",
            "time": "13/Mar/2024:10:15:42 +0000",
            "timeEpoch": 1710324942123,
        },
        "isBase64Encoded": False,
    }
