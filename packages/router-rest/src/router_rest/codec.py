"""The REST API (payload 1.0) mapping, both ways.

Responses use `multiValueHeaders` (a list per name) and carry cookies as `Set-Cookie`
values. Events are built as API Gateway builds them for a `/{proxy+}` resource with
`BinaryMediaTypes: */*` (bodies that are not UTF-8 arrive base64-encoded).
"""

from __future__ import annotations

import time
import uuid

from router_core.codec import (
    Codec,
    HTTPRequest,
    HTTPResponse,
    body_for_event,
    group_pairs,
    multi_value_headers,
    result_body,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.event import BaseEvent
    from router_core.response import Response


def http_from_multi(result: dict[str, Any]) -> HTTPResponse:
    """Decode a result with `headers` and/or `multiValueHeaders` (REST, ALB)."""
    status = result.get("statusCode")
    data = result_body(result)
    if not isinstance(status, int) or data is None:
        # What API Gateway answers for a malformed Lambda result.
        error = b'{"message": "Internal server error"}'
        return HTTPResponse(502, [("Content-Type", "application/json")], error)
    pairs: list[tuple[str, str]] = []
    multi = result.get("multiValueHeaders") or {}
    single = result.get("headers") or {}
    for name, values in multi.items():
        pairs.extend((name, str(v)) for v in values)
    seen = {name.lower() for name, _ in pairs}
    for name, value in single.items():
        if name.lower() not in seen:
            pairs.append((name, str(value)))
    return HTTPResponse(status, pairs, data)


class RestCodec(Codec):
    source = "API Gateway REST (Lambda 6 MB)"

    def encode(self, response: Response, event: BaseEvent) -> dict[str, Any]:
        return {
            "statusCode": response.status_code,
            "multiValueHeaders": multi_value_headers(response),
            "body": response.body or "",
            "isBase64Encoded": response.is_base64_encoded,
        }

    def encode_json(self, status_code: int, body: str, event: BaseEvent) -> dict[str, Any]:
        return {
            "statusCode": status_code,
            "multiValueHeaders": {"Content-Type": ["application/json"]},
            "body": body,
            "isBase64Encoded": False,
        }

    def to_event(self, request: HTTPRequest, stage: str | None = None) -> dict[str, Any]:
        stage = stage or "prod"
        headers = group_pairs(request.headers)
        query = group_pairs(request.query)
        body, is_base64 = body_for_event(request.body)
        now = time.time()
        host = request.header("host") or request.host
        if request.header("host") is None:
            headers["Host"] = [host]
        return {
            "resource": "/{proxy+}",
            "path": request.path,
            "httpMethod": request.method,
            "headers": {k: v[-1] for k, v in headers.items()} or None,
            "multiValueHeaders": headers or None,
            "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
            "multiValueQueryStringParameters": query or None,
            "pathParameters": {"proxy": request.path.lstrip("/")} if request.path != "/" else None,
            "stageVariables": None,
            "requestContext": {
                "accountId": "123456789012",
                "apiId": "1234567890",
                "domainName": host,
                "domainPrefix": host.split(".", 1)[0],
                "extendedRequestId": uuid.uuid4().hex[:16],
                "httpMethod": request.method,
                "identity": {
                    "sourceIp": request.source_ip,
                    "userAgent": request.header("user-agent"),
                    "accessKey": None,
                    "accountId": None,
                    "caller": None,
                    "user": None,
                    "userArn": None,
                    "cognitoIdentityId": None,
                    "cognitoIdentityPoolId": None,
                    "cognitoAuthenticationType": None,
                    "cognitoAuthenticationProvider": None,
                },
                "path": f"/{stage}{request.path}",
                "protocol": "HTTP/1.1",
                "requestId": str(uuid.uuid4()),
                "requestTime": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
                "requestTimeEpoch": int(now * 1000),
                "resourceId": "abcdef",
                "resourcePath": "/{proxy+}",
                "stage": stage,
            },
            "body": body,
            "isBase64Encoded": is_base64,
        }

    def to_http(self, result: dict[str, Any]) -> HTTPResponse:
        return http_from_multi(result)
