"""Events of each source as AWS sends them, written from the documented payload formats:
API Gateway REST proxy integration (1.0), HTTP API payload 2.0, ALB Lambda targets (single
and multi-value headers) and Lambda Function URLs. Each builder takes the request as a
browser or curl would send it: a method, a path with its query string, headers and a body.
"""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

API_ID = "r4nd0m1d42"
ACCOUNT = "123456789012"
TIME = "12/Mar/2024:19:03:58 +0000"
EPOCH = 1710270238000
SOURCE_IP = "198.51.100.7"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/124.0"


def _split(target: str) -> tuple[str, list[tuple[str, str]], str]:
    parts = urlsplit(target)
    return parts.path, parse_qsl(parts.query, keep_blank_values=True), parts.query


def _body(body: str | bytes | None) -> tuple[str | None, bool]:
    if isinstance(body, bytes):
        return base64.b64encode(body).decode(), True
    return body, False


def _header_pairs(headers: dict[str, str | list[str]] | None) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in (headers or {}).items():
        for one in [value] if isinstance(value, str) else value:
            pairs.append((name, one))
    return pairs


def rest(
    method: str,
    target: str,
    headers: dict[str, str | list[str]] | None = None,
    body: str | bytes | None = None,
    resource: str = "/{proxy+}",
    authorizer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A REST API proxy integration event (payload 1.0) on the `prod` stage."""
    path, query, _raw = _split(target)
    pairs = [("Host", f"{API_ID}.execute-api.eu-west-1.amazonaws.com"), ("User-Agent", USER_AGENT)]
    pairs += [("X-Forwarded-For", SOURCE_IP), ("X-Forwarded-Proto", "https")]
    pairs += _header_pairs(headers)
    single: dict[str, str] = {}
    multi: dict[str, list[str]] = {}
    for name, value in pairs:
        single[name] = value  # the last value, as API Gateway reports it
        multi.setdefault(name, []).append(value)
    query_single = dict(query) or None
    query_multi: dict[str, list[str]] = {}
    for key, value in query:
        query_multi.setdefault(key, []).append(value)
    text, encoded = _body(body)
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": single,
        "multiValueHeaders": multi,
        "queryStringParameters": query_single,
        "multiValueQueryStringParameters": query_multi or None,
        "pathParameters": {"proxy": path.lstrip("/")} if "{proxy+}" in resource else None,
        "stageVariables": {"table": "shop-prod"},
        "requestContext": {
            "accountId": ACCOUNT,
            "apiId": API_ID,
            "authorizer": authorizer
            or {"claims": {"sub": "5e1d-42", "email": "ana@example.com"}, "scopes": None},
            "domainName": f"{API_ID}.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": API_ID,
            "extendedRequestId": "UmB1kFSxDoEFzZQ=",
            "httpMethod": method,
            "identity": {
                "accessKey": None,
                "accountId": None,
                "caller": None,
                "cognitoAuthenticationProvider": None,
                "cognitoAuthenticationType": None,
                "cognitoIdentityId": None,
                "cognitoIdentityPoolId": None,
                "principalOrgId": None,
                "sourceIp": SOURCE_IP,
                "user": None,
                "userAgent": USER_AGENT,
                "userArn": None,
            },
            "path": f"/prod{path}",
            "protocol": "HTTP/1.1",
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "requestTime": TIME,
            "requestTimeEpoch": EPOCH,
            "resourceId": "roq9wj",
            "resourcePath": resource,
            "stage": "prod",
        },
        "body": text,
        "isBase64Encoded": encoded,
    }


def _v2(
    method: str,
    target: str,
    headers: dict[str, str | list[str]] | None,
    body: str | bytes | None,
    domain: str,
    raw_path: str,
    authorizer: dict[str, Any] | None,
) -> dict[str, Any]:
    path, query, raw_query = _split(target)
    route_key = "$default"
    joined: dict[str, str] = {}
    cookies: list[str] = []
    pairs = [("host", domain), ("user-agent", USER_AGENT), ("x-forwarded-for", SOURCE_IP)]
    for name, value in pairs + _header_pairs(headers):
        if name.lower() == "cookie":
            cookies += [c.strip() for c in value.split(";")]
            continue
        key = name.lower()  # payload 2.0 lower-cases names and comma-joins repeats
        joined[key] = f"{joined[key]},{value}" if key in joined else value
    query_joined: dict[str, str] = {}
    for key, value in query:
        query_joined[key] = f"{query_joined[key]},{value}" if key in query_joined else value
    text, encoded = _body(body)
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": raw_path,
        "rawQueryString": raw_query,
        "headers": joined,
        "requestContext": {
            "accountId": ACCOUNT,
            "apiId": domain.split(".")[0],
            "domainName": domain,
            "domainPrefix": domain.split(".")[0],
            "http": {
                "method": method,
                "path": unquote(path),
                "protocol": "HTTP/1.1",
                "sourceIp": SOURCE_IP,
                "userAgent": USER_AGENT,
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": route_key,
            "stage": "$default",
            "time": TIME,
            "timeEpoch": EPOCH,
        },
        "isBase64Encoded": encoded,
    }
    if authorizer is not None:
        event["requestContext"]["authorizer"] = authorizer
    if cookies:
        event["cookies"] = cookies
    if query_joined:
        event["queryStringParameters"] = query_joined
    if text is not None:
        event["body"] = text
    return event


def http(
    method: str,
    target: str,
    headers: dict[str, str | list[str]] | None = None,
    body: str | bytes | None = None,
    authorizer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An HTTP API payload 2.0 event on the `$default` stage, through a `$default` route."""
    domain = f"{API_ID}.execute-api.eu-west-1.amazonaws.com"
    # HTTP API sends the path percent-decoded.
    path = unquote(urlsplit(target).path)
    return _v2(method, target, headers, body, domain, path, authorizer)


def function_url(
    method: str,
    target: str,
    headers: dict[str, str | list[str]] | None = None,
    body: str | bytes | None = None,
) -> dict[str, Any]:
    """A Function URL event (payload 2.0 without stages, IAM authorizer absent: auth NONE)."""
    domain = "a3x9k2l4mpl5qrs6.lambda-url.eu-west-1.on.aws"
    # A Function URL sends the path as the client wrote it.
    return _v2(method, target, headers, body, domain, urlsplit(target).path, None)


def alb(
    method: str,
    target: str,
    headers: dict[str, str | list[str]] | None = None,
    body: str | bytes | None = None,
    multi_value: bool = False,
) -> dict[str, Any]:
    """An ALB Lambda target event; with `multi_value`, a target group with
    `lambda.multi_value_headers.enabled`. ALB passes query strings on as the client sent them."""
    path, _query, raw_query = _split(target)
    raw_pairs = [tuple(p.split("=", 1)) if "=" in p else (p, "") for p in raw_query.split("&") if p]
    pairs = [("host", "shop-alb-1234567890.eu-west-1.elb.amazonaws.com")]
    pairs += [("user-agent", USER_AGENT), ("x-forwarded-for", SOURCE_IP)]
    pairs += [(name.lower(), value) for name, value in _header_pairs(headers)]
    text, encoded = _body(body)
    event: dict[str, Any] = {
        "requestContext": {
            "elb": {
                "targetGroupArn": (
                    f"arn:aws:elasticloadbalancing:eu-west-1:{ACCOUNT}:targetgroup/shop/0123abcd"
                )
            }
        },
        "httpMethod": method,
        "path": path,
        "body": text or "",
        "isBase64Encoded": encoded,
    }
    if multi_value:
        multi_headers: dict[str, list[str]] = {}
        for name, value in pairs:
            multi_headers.setdefault(name, []).append(value)
        multi_query: dict[str, list[str]] = {}
        for key, value in raw_pairs:
            multi_query.setdefault(key, []).append(value)
        event["multiValueHeaders"] = multi_headers
        event["multiValueQueryStringParameters"] = multi_query
    else:
        event["headers"] = dict(pairs)
        event["queryStringParameters"] = dict(raw_pairs)
    return event
