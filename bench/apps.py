"""The benchmark's apps and events: the same routes for every contender.

A "static" app holds `/r0` ... `/r{count-1}`; a "dynamic" app holds `/d0/<id>` ...
`/d{count-1}/<id>`. Every handler returns `{"route": n}`. The hand-written baseline is what
a careful author writes without a framework: a dict from path to function, stdlib `json`.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Protocol

    Event = dict[str, Any]
    Handler = Callable[[Event, Any], "dict[str, Any]"]
    Endpoint = Callable[..., "dict[str, int]"]

    class App(Protocol):
        """What the router's and Powertools' resolvers have in common."""

        def get(self, rule: str) -> Callable[[Endpoint], Endpoint]: ...
        def resolve(self, event: Event, context: Any) -> dict[str, Any]: ...


KINDS = ("static", "dynamic")
ITEM_ID = "7f3c2a"


def rule(kind: str, n: int) -> str:
    """The rule of route `n`, in the `<name>` syntax both libraries share."""
    return f"/r{n}" if kind == "static" else f"/d{n}/<id>"


def path(kind: str, n: int) -> str:
    """A request path that route `n` answers."""
    return f"/r{n}" if kind == "static" else f"/d{n}/{ITEM_ID}"


def endpoint(kind: str, n: int) -> Endpoint:
    """Route `n`'s handler."""
    if kind == "static":

        def static() -> dict[str, int]:
            return {"route": n}

        return static

    def dynamic(id: str) -> dict[str, int]:
        return {"route": n}

    return dynamic


def register(app: App, kind: str, count: int) -> App:
    """Add `count` routes of `kind` to `app`, in order."""
    for n in range(count):
        app.get(rule(kind, n))(endpoint(kind, n))
    return app


# -- events, written from AWS's documented payload formats ---------------------------------
_HEADERS = {
    "accept": "application/json",
    "accept-encoding": "gzip, deflate, br",
    "host": "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
    "user-agent": "curl/8.5.0",
    "x-amzn-trace-id": "Root=1-67891233-abcdef012345678912345678",
    "x-forwarded-for": "203.0.113.7",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
}


def rest_event(
    request_path: str, method: str = "GET", headers: dict[str, str] | None = None
) -> Event:
    """An API Gateway REST API (payload 1.0) event for a `/{proxy+}` resource.

    `headers` are added to the usual ones, with their names lower-cased as a browser sends them
    through API Gateway.
    """
    sent = {**_HEADERS, **{k.lower(): v for k, v in (headers or {}).items()}}
    return {
        "resource": "/{proxy+}",
        "path": request_path,
        "httpMethod": method,
        "headers": sent,
        "multiValueHeaders": {k: [v] for k, v in sent.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": {"proxy": request_path[1:]},
        "stageVariables": None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "a1b2c3d4e5",
            "domainName": _HEADERS["host"],
            "domainPrefix": "a1b2c3d4e5",
            "extendedRequestId": "Hq4Jc0dFliAFXyw=",
            "httpMethod": method,
            "identity": {"sourceIp": "203.0.113.7", "userAgent": "curl/8.5.0"},
            "path": "/prod" + request_path,
            "protocol": "HTTP/1.1",
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "requestTime": "09/Apr/2025:12:34:56 +0000",
            "requestTimeEpoch": 1744202096000,
            "resourceId": "abcdef",
            "resourcePath": "/{proxy+}",
            "stage": "prod",
        },
        "body": None,
        "isBase64Encoded": False,
    }


def http_event(request_path: str) -> Event:
    """An API Gateway HTTP API (payload 2.0) GET event on the `$default` stage."""
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": request_path,
        "rawQueryString": "",
        "headers": dict(_HEADERS),
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "a1b2c3d4e5",
            "domainName": _HEADERS["host"],
            "domainPrefix": "a1b2c3d4e5",
            "http": {
                "method": "GET",
                "path": request_path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.7",
                "userAgent": "curl/8.5.0",
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "$default",
            "stage": "$default",
            "time": "09/Apr/2025:12:34:56 +0000",
            "timeEpoch": 1744202096000,
        },
        "isBase64Encoded": False,
    }


EVENTS: dict[str, Callable[[str], Event]] = {"rest": rest_event, "http": http_event}


# -- the hand-written baseline --------------------------------------------------------------
def baseline(source: str, kind: str, count: int) -> Handler:
    """A handler with no framework: one dict lookup on the path, stdlib `json`."""
    if kind == "static":
        routes = {path(kind, n): endpoint(kind, n) for n in range(count)}
    else:
        # The first segment names the route; the second is the parameter.
        routes = {f"d{n}": endpoint(kind, n) for n in range(count)}
    rest = source == "rest"
    key = "path" if rest else "rawPath"
    dynamic = kind == "dynamic"

    def handler(event: Event, context: Any) -> dict[str, Any]:
        request_path: str = event[key]
        if dynamic:
            head, _, item = request_path[1:].partition("/")
            func = routes.get(head)
            result = None if func is None or not item or "/" in item else func(item)
        else:
            func = routes.get(request_path)
            result = None if func is None else func()
        status, body = (404, {"message": "Not found"}) if result is None else (200, result)
        if rest:
            return {
                "statusCode": status,
                "multiValueHeaders": {"Content-Type": ["application/json"]},
                "body": json.dumps(body),
                "isBase64Encoded": False,
            }
        return {
            "statusCode": status,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps(body),
            "isBase64Encoded": False,
        }

    return handler


def check(response: dict[str, Any], n: int) -> None:
    """Raise unless `response` is route `n`'s answer (a broken app must not look fast)."""
    body = response.get("body")
    if response.get("statusCode") != 200 or not isinstance(body, str):
        raise RuntimeError(f"expected route {n}'s 200 response, got {response!r}")
    if json.loads(body) != {"route": n}:
        raise RuntimeError(f"expected body {{'route': {n}}}, got {body!r}")
