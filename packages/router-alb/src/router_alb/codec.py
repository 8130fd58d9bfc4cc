"""The ALB mapping, both ways.

A response answers in the request's mode: `multiValueHeaders` (lists; every cookie as its own
`Set-Cookie` value) when the request came with them, else `headers` (lists joined with `, `;
of several cookies only the last can go). It always carries `isBase64Encoded` and a body that
is never null, and no `statusDescription`, as Powertools answers: the load balancer writes the
reason phrase itself. ALB delivers at most 1 MB of response JSON.

Events are built as a target group builds them: single-value by default,
`ALBCodec(multi_value=True)` for a target group with `lambda.multi_value_headers.enabled`.
"""

from __future__ import annotations

import time
import uuid

from router_alb.event import ALBEvent
from router_core import log
from router_core.codec import (
    Codec,
    HTTPRequest,
    HTTPResponse,
    body_for_event,
    check_header,
    group_pairs,
    multi_value_headers,
    result_body,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.event import BaseEvent
    from router_core.response import Response

ONE_MB = 1024 * 1024
TARGET_GROUP_ARN = (
    "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/router-local/0123456789abcdef"
)

# What the load balancer itself answers when the function's result is malformed.
_BAD_GATEWAY = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"
)


def single_value_headers(response: Response) -> dict[str, str]:
    """The response's headers one value each (lists joined with `, `), CR/LF refused.

    `Set-Cookie` cannot be joined (a cookie's `Expires` holds a comma), so of several cookies
    only the last is sent, and a warning says how to send them all.
    """
    headers: dict[str, str] = {}
    cookies: list[tuple[str, str]] = []
    for name, value in response.headers.items():
        if value is None:
            continue  # a header set to None is left out, as Powertools does
        values = [str(value)] if not isinstance(value, list) else [str(v) for v in value]
        for item in values:
            check_header(name, item)
        if name.lower() == "set-cookie":
            cookies.extend((name, item) for item in values)
        elif values:
            headers[name] = ", ".join(values)
    if response.cookies:
        key = cookies[-1][0] if cookies else "Set-Cookie"
        cookies.extend((key, str(cookie)) for cookie in response.cookies)
    if cookies:
        name, value = cookies[-1]
        if len(cookies) > 1:
            log.warning(
                "router: %d cookies were set, but an ALB target group without "
                "lambda.multi_value_headers.enabled delivers one Set-Cookie header: only the "
                "last (%s) is sent; enable lambda.multi_value_headers.enabled to send them all",
                len(cookies),
                value.partition("=")[0],
            )
        headers[name] = value
    return headers


def _multi(event: BaseEvent | None) -> bool:
    return isinstance(event, ALBEvent) and event.multi_value


class ALBCodec(Codec):
    """ALB's mapping. `multi_value` picks the target group's mode for `to_event`/`to_http`;
    `encode` follows the mode of the request it answers.
    """

    max_response_bytes = ONE_MB
    source = "ALB (1 MB)"

    def __init__(self, multi_value: bool = False) -> None:
        self.multi_value = multi_value

    def encode(self, response: Response, event: BaseEvent) -> dict[str, Any]:
        status = response.status_code
        if _multi(event):
            return {
                "statusCode": status,
                "multiValueHeaders": multi_value_headers(response),
                "body": response.body or "",
                "isBase64Encoded": response.is_base64_encoded,
            }
        return {
            "statusCode": status,
            "headers": single_value_headers(response),
            "body": response.body or "",
            "isBase64Encoded": response.is_base64_encoded,
        }

    def encode_json(self, status_code: int, body: str, event: BaseEvent) -> dict[str, Any]:
        if _multi(event):
            return {
                "statusCode": status_code,
                "multiValueHeaders": {"Content-Type": ["application/json"]},
                "body": body,
                "isBase64Encoded": False,
            }
        return {
            "statusCode": status_code,
            "headers": {"Content-Type": "application/json"},
            "body": body,
            "isBase64Encoded": False,
        }

    def to_event(self, request: HTTPRequest, stage: str | None = None) -> dict[str, Any]:
        """An ALB event for `request`; `stage` is ignored (ALB has none)."""
        from urllib.parse import quote_plus

        headers = [(name.lower(), value) for name, value in request.headers]
        if request.header("host") is None:
            headers.append(("host", request.host))
        forwarded = request.header("x-forwarded-for")
        headers = [(k, v) for k, v in headers if k != "x-forwarded-for"]
        # ALB appends the client's address to what proxies before it reported.
        client = f"{forwarded}, {request.source_ip}" if forwarded else request.source_ip
        now = int(time.time())
        headers += [
            ("x-amzn-trace-id", f"Root=1-{now:08x}-{uuid.uuid4().hex[:24]}"),
            ("x-forwarded-for", client),
            ("x-forwarded-port", "443"),
            ("x-forwarded-proto", "https"),
        ]
        # ALB passes the query string on as the client sent it: encoded, `+` for spaces.
        safe = "/:@!$'()*,;"
        query = [(quote_plus(k, safe=safe), quote_plus(v, safe=safe)) for k, v in request.query]
        body, is_base64 = body_for_event(request.body)
        event: dict[str, Any] = {
            "requestContext": {"elb": {"targetGroupArn": TARGET_GROUP_ARN}},
            "httpMethod": request.method,
            "path": request.path,
        }
        if self.multi_value:
            event["multiValueQueryStringParameters"] = group_pairs(query)
            event["multiValueHeaders"] = group_pairs(headers)
        else:
            # Without multi-value headers, ALB keeps the last of repeated names.
            event["queryStringParameters"] = dict(query)
            event["headers"] = dict(headers)
        event["body"] = body or ""
        event["isBase64Encoded"] = is_base64
        return event

    def to_http(self, result: dict[str, Any]) -> HTTPResponse:
        """What the client receives; a malformed result gets ALB's own 502 page."""
        status = result.get("statusCode") if isinstance(result, dict) else None
        if type(status) is not int:
            return _bad_gateway()
        pairs: list[tuple[str, str]] = []
        if self.multi_value:
            multi = result.get("multiValueHeaders")
            if multi is None and result.get("headers") is not None:
                # A multi-value target group refuses a result in single-value shape.
                return _bad_gateway()
            for name, values in (multi or {}).items():
                pairs.extend((name, str(v)) for v in values)
        else:
            pairs.extend((name, str(v)) for name, v in (result.get("headers") or {}).items())
        data = result_body(result)
        if data is None:
            return _bad_gateway()
        return HTTPResponse(status, pairs, data)


def _bad_gateway() -> HTTPResponse:
    headers = [("Server", "awselb/2.0"), ("Content-Type", "text/html")]
    return HTTPResponse(502, headers, _BAD_GATEWAY)
