"""A minimal source, so that router-core's own session exercises the whole resolver without
any adapter installed.

Its events are `{"method", "path", "headers", "multiValueHeaders", "query", "body",
"isBase64Encoded"}` (plus the optional parts every source may carry: `queryStringParameters`,
`pathParameters`, `requestContext`, `stageVariables`) and its responses `{"status",
"headers", "cookies", "body", "isBase64Encoded"}`: small, but with every part a real source
has (a percent-encoded path, multi-value answers, base64 bodies).
"""

from __future__ import annotations

import base64
import sys
from collections.abc import Mapping
from typing import Any

import pytest

from router_core.codec import (
    Codec,
    HTTPRequest,
    HTTPResponse,
    body_for_event,
    group_pairs,
    multi_value_headers,
)
from router_core.event import BaseEvent, string_list_dict
from router_core.resolver import BaseResolver
from router_core.response import Response


class FakeEvent(BaseEvent):
    """A fake source's event: the path arrives percent-encoded, like REST's."""

    __slots__ = ()
    RESOLVER_NAME = "FakeResolver"
    FAMILY = "payload 1.0"

    @property
    def path(self) -> str:
        path: str = self._raw["path"]
        return path

    @property
    def http_method(self) -> str:
        method: str = self._raw["method"]
        return method.upper()

    def route_target(self) -> tuple[str, str]:
        raw = self._raw
        if not isinstance(raw, dict):
            raise self._wrong_source(raw)
        method, path = raw.get("method"), raw.get("path")
        if type(method) is not str or type(path) is not str:
            raise self._wrong_source(raw)
        return method.upper(), path

    def _raw_multi_headers(self) -> object:
        return self._raw.get("multiValueHeaders")

    def _raw_multi_query(self) -> dict[str, list[str]]:
        return string_list_dict(self._raw.get("query"))


class FakeCodec(Codec):
    source = "fake source (Lambda 6 MB)"

    def encode(self, response: Response, event: BaseEvent) -> dict[str, Any]:
        headers = multi_value_headers(response)
        cookies = headers.pop("Set-Cookie", [])
        return {
            "status": response.status_code,
            "headers": headers,
            "cookies": cookies,
            "body": response.body or "",
            "isBase64Encoded": response.is_base64_encoded,
        }

    def encode_json(self, status_code: int, body: str, event: BaseEvent) -> dict[str, Any]:
        return {
            "status": status_code,
            "headers": {"Content-Type": ["application/json"]},
            "cookies": [],
            "body": body,
            "isBase64Encoded": False,
        }

    def encode_json_with(
        self, status_code: int, body: str, event: BaseEvent, headers: Mapping[str, str]
    ) -> dict[str, Any]:
        # This source's headers are lists, where the base method adds single values.
        result = super().encode_json_with(status_code, body, event, headers)
        result["headers"] = {
            name: value if isinstance(value, list) else [value]
            for name, value in result["headers"].items()
        }
        return result

    def to_event(self, request: HTTPRequest, stage: str | None = None) -> dict[str, Any]:
        query = group_pairs(request.query)
        body, is_base64 = body_for_event(request.body)
        return {
            "method": request.method,
            "path": request.path,
            "headers": dict(request.headers),
            "multiValueHeaders": group_pairs(request.headers),
            "queryStringParameters": {k: v[-1] for k, v in query.items()},
            "query": query,
            "body": body,
            "isBase64Encoded": is_base64,
        }

    def to_http(self, result: dict[str, Any]) -> HTTPResponse:
        pairs = [(k, v) for k, values in result["headers"].items() for v in values]
        pairs += [("Set-Cookie", c) for c in result["cookies"]]
        body = result["body"]
        data = base64.b64decode(body) if result["isBase64Encoded"] else body.encode("utf-8")
        return HTTPResponse(result["status"], pairs, data)


class FakeResolver(BaseResolver[FakeEvent]):
    event_class = FakeEvent
    codec = FakeCodec()


def event(method: str = "GET", path: str = "/", **headers: str) -> dict[str, Any]:
    """A fake event for `method` and `path` with `headers`."""
    return {"method": method, "path": path, "headers": dict(headers), "body": None}


def hide_modules(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make `names` unimportable for one test, as if their packages were not installed, so a
    test of a missing extra or adapter behaves the same in every session; router-core's
    memory of missing extras is reset too (and restored after the test)."""
    from router_core import extensions

    for name in names:
        monkeypatch.setitem(sys.modules, name, None)  # type: ignore[arg-type]
    monkeypatch.setattr(extensions, "_missing", {})
