"""REST API (payload 1.0) events for tests, written from AWS's documented proxy integration
format: the REST adapter's tests and the side-by-side tests of the extras build theirs here."""

from __future__ import annotations

import base64
import copy
from typing import Any, Callable

# The documented "Input format of a Lambda function for proxy integration" (REST API).
DOCUMENTED_EVENT: dict[str, Any] = {
    "resource": "/{proxy+}",
    "path": "/my/path",
    "httpMethod": "GET",
    "headers": {"Host": "abc123.execute-api.us-east-1.amazonaws.com", "header2": "value2"},
    "multiValueHeaders": {
        "Host": ["abc123.execute-api.us-east-1.amazonaws.com"],
        "header2": ["value1", "value2"],
    },
    "queryStringParameters": None,
    "multiValueQueryStringParameters": None,
    "pathParameters": {"proxy": "my/path"},
    "stageVariables": None,
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "abc123",
        "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
        "domainPrefix": "abc123",
        "extendedRequestId": "LgLrnHjAIAMEbjQ=",
        "httpMethod": "GET",
        "identity": {"sourceIp": "192.0.2.1", "userAgent": "curl/8.4.0"},
        "path": "/prod/my/path",
        "protocol": "HTTP/1.1",
        "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        "requestTime": "09/Apr/2015:12:34:56 +0000",
        "requestTimeEpoch": 1428582896000,
        "resourceId": "123456",
        "resourcePath": "/{proxy+}",
        "stage": "prod",
    },
    "body": None,
    "isBase64Encoded": False,
}

EventFactory = Callable[..., dict[str, Any]]


def make_event(
    method: str = "GET",
    path: str = "/my/path",
    headers: dict[str, list[str]] | None = None,
    query: dict[str, list[str]] | None = None,
    body: str | bytes | None = None,
    base64_body: bool = False,
    stage: str = "prod",
) -> dict[str, Any]:
    """The documented event for `method` on `path`: `headers` and `query` add values (lists,
    as multi-value fields carry them), `body` is sent as it is, or base64-encoded when it is
    `bytes` or `base64_body` is set."""
    event = copy.deepcopy(DOCUMENTED_EVENT)
    event["httpMethod"] = method
    event["requestContext"]["httpMethod"] = method
    event["path"] = path
    event["requestContext"]["path"] = f"/{stage}{path}"
    event["requestContext"]["stage"] = stage
    event["pathParameters"] = {"proxy": path.lstrip("/")}
    if headers:
        event["multiValueHeaders"].update(headers)
        event["headers"].update({k: v[-1] for k, v in headers.items()})
    if query:
        event["multiValueQueryStringParameters"] = query
        event["queryStringParameters"] = {k: v[-1] for k, v in query.items()}
    if isinstance(body, bytes) or base64_body:
        raw = body.encode() if isinstance(body, str) else body or b""
        event["body"] = base64.b64encode(raw).decode() if isinstance(body, bytes) else body
        event["isBase64Encoded"] = True
    else:
        event["body"] = body
    return event
