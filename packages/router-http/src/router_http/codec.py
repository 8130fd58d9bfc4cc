"""The payload 2.0 mapping, both ways, for API Gateway HTTP API.

Responses carry single-value `headers` (a list joined with `, `) and a `cookies` list, into
which any `Set-Cookie` header moves. Events are built as HTTP API builds them for its
`$default` route: `rawPath` percent-decoded (with `/{stage}` in front on a named stage of the
execute-api host), headers lower-cased with repeated ones comma-joined, the `Cookie` header
turned into the `cookies` list.
"""

from __future__ import annotations

import time
import uuid

from router_core.codec import (
    SIX_MB,
    Codec,
    HTTPRequest,
    HTTPResponse,
    body_for_event,
    check_header,
    result_body,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.event import BaseEvent
    from router_core.response import Response

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
API_ID = "a1b2c3d4e5"
DEFAULT_STAGE = "$default"
_JSON_HEADERS = [("content-type", "application/json")]
_SERVER_ERROR = b'{"message":"Internal Server Error"}'


def v2_headers(response: Response) -> tuple[dict[str, str], list[str]]:
    """The response's headers joined to single values, and its cookies as `Set-Cookie` texts.

    A `Set-Cookie` header (in any case, a string or a list) joins `response.cookies` in the
    cookie list: payload 2.0 has no other way to send several. CR or LF raises ValueError.
    """
    headers: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in response.headers.items():
        values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        for text in values:
            check_header(name, text)
        if name.lower() == "set-cookie":
            cookies.extend(values)
        elif values:
            headers[name] = ", ".join(values)
    cookies.extend(str(cookie) for cookie in response.cookies)
    return headers, cookies


def v2_request_headers(request: HTTPRequest) -> tuple[dict[str, str], list[str]]:
    """A request's headers as payload 2.0 carries them, and its cookies as `name=value` items."""
    headers: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in request.headers:
        key = name.lower()
        if key == "cookie":
            cookies.extend(item.strip() for item in value.split(";") if item.strip())
        elif key in headers:
            headers[key] += "," + value
        else:
            headers[key] = value
    return headers, cookies


def v2_event(
    request: HTTPRequest, raw_path: str, domain: str, api_id: str, stage: str
) -> dict[str, Any]:
    """A payload 2.0 event for `request`, as both HTTP API and Function URL shape it."""
    from urllib.parse import urlencode

    headers, cookies = v2_request_headers(request)
    headers.setdefault("host", domain)
    body, is_base64 = body_for_event(request.body)
    if request.body:
        headers.setdefault("content-length", str(len(request.body)))
    headers.setdefault("x-forwarded-for", request.source_ip)
    headers.setdefault("x-forwarded-port", "443")
    headers.setdefault("x-forwarded-proto", "https")
    now = time.time()
    trace = f"Root=1-{int(now):08x}-{uuid.uuid4().hex[:24]}"
    headers.setdefault("x-amzn-trace-id", trace)
    query: dict[str, str] = {}
    for name, value in request.query:
        query[name] = f"{query[name]},{value}" if name in query else value
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": raw_path,
        "rawQueryString": urlencode(request.query),
    }
    if cookies:
        event["cookies"] = cookies
    event["headers"] = headers
    if query:
        event["queryStringParameters"] = query
    event["requestContext"] = {
        "accountId": ACCOUNT_ID,
        "apiId": api_id,
        "domainName": domain,
        "domainPrefix": domain.split(".", 1)[0],
        "http": {
            "method": request.method,
            "path": raw_path,
            "protocol": "HTTP/1.1",
            "sourceIp": request.source_ip,
            "userAgent": headers.get("user-agent", ""),
        },
        "requestId": str(uuid.uuid4()),
        "routeKey": "$default",
        "stage": stage,
        "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
        "timeEpoch": int(now * 1000),
    }
    if body is not None:
        event["body"] = body
    event["isBase64Encoded"] = is_base64
    return event


def v2_to_http(result: Any) -> HTTPResponse:
    """What the client receives for a payload 2.0 result.

    A result without `statusCode` is, by payload 2.0's format rule, a 200 JSON response whose
    body is that result (a string as is, anything else as JSON).
    """
    if not isinstance(result, dict) or "statusCode" not in result:
        if isinstance(result, str):
            return HTTPResponse(200, list(_JSON_HEADERS), result.encode("utf-8", "replace"))
        import orjson

        try:
            data = orjson.dumps(result)
        except TypeError:
            return HTTPResponse(500, list(_JSON_HEADERS), _SERVER_ERROR)
        return HTTPResponse(200, list(_JSON_HEADERS), data)
    status = result["statusCode"]
    headers = result.get("headers")
    cookies = result.get("cookies")
    if type(status) is not int:
        return HTTPResponse(500, list(_JSON_HEADERS), _SERVER_ERROR)
    pairs = [(str(k), str(v)) for k, v in headers.items()] if isinstance(headers, dict) else []
    if isinstance(cookies, list):
        pairs.extend(("Set-Cookie", str(cookie)) for cookie in cookies)
    body = result_body(result)
    if body is None:
        return HTTPResponse(500, list(_JSON_HEADERS), _SERVER_ERROR)
    return HTTPResponse(status, pairs, body)


class HttpCodec(Codec):
    """API Gateway HTTP API, payload format 2.0."""

    max_response_bytes = SIX_MB
    source = "API Gateway HTTP API (Lambda 6 MB)"

    def encode(self, response: Response, event: BaseEvent) -> dict[str, Any]:
        headers, cookies = v2_headers(response)
        return {
            "statusCode": response.status_code,
            "headers": headers,
            "cookies": cookies,
            "body": response.body or "",
            "isBase64Encoded": response.is_base64_encoded,
        }

    def encode_json(self, status_code: int, body: str, event: BaseEvent) -> dict[str, Any]:
        return {
            "statusCode": status_code,
            "headers": {"Content-Type": "application/json"},
            "cookies": [],
            "body": body,
            "isBase64Encoded": False,
        }

    def to_event(self, request: HTTPRequest, stage: str | None = None) -> dict[str, Any]:
        """An HTTP API event; with a named `stage`, as reached through the execute-api host."""
        from urllib.parse import unquote

        # HTTP API hands the function a decoded path.
        path = unquote(request.path)
        if stage and stage != DEFAULT_STAGE:
            domain = f"{API_ID}.execute-api.{REGION}.amazonaws.com"
            return v2_event(request, f"/{stage}{path}", domain, API_ID, stage)
        domain = request.header("host") or request.host
        return v2_event(request, path, domain, API_ID, DEFAULT_STAGE)

    def to_http(self, result: Any) -> HTTPResponse:
        return v2_to_http(result)
