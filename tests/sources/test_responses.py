"""What a handler may return, and how it reaches the client on every source."""

from __future__ import annotations

import dataclasses
import logging
import sys
from decimal import Decimal
from typing import Any

import pytest

from router_core import Cookie, Response
from router_core.codec import HTTPRequest


@dataclasses.dataclass
class Todo:
    id: int
    title: str


def test_dict_list_dataclass_are_json(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/dict")
    def as_dict() -> dict[str, Any]:
        return {"price": Decimal("10.50")}

    @app.get("/list")
    def as_list() -> list[int]:
        return [1, 2]

    @app.get("/dataclass")
    def as_dataclass() -> Todo:
        return Todo(1, "write tests")

    client = app.test_client()
    response = client.get("/dict")
    assert (response.status_code, response.header("Content-Type")) == (200, "application/json")
    assert response.text == '{"price":10.50}'
    assert client.get("/list").text == "[1,2]"
    assert client.get("/dataclass").json() == {"id": 1, "title": "write tests"}


def test_tuple_sets_status(resolver_class: Any) -> None:
    app = resolver_class()

    @app.post("/todos")
    def create() -> tuple[dict[str, int], int]:
        return {"id": 1}, 201

    response = app.test_client().post("/todos")
    assert (response.status_code, response.json()) == (201, {"id": 1})


def test_str_is_sent_as_is(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/raw")
    def raw() -> str:
        return '{"already":"json"}'

    response = app.test_client().get("/raw")
    assert (response.text, response.header("Content-Type")) == (
        '{"already":"json"}',
        "application/json",
    )


def test_response_with_headers_lists_and_cookies(resolver_class: Any, full_client: Any) -> None:
    app = resolver_class()

    @app.get("/full")
    def full() -> Response:
        return Response(
            status_code=202,
            content_type="text/plain",
            body="accepted",
            headers={"X-Request": "1", "X-Multi": ["a", "b"]},
            cookies=[Cookie("session", "abc", http_only=True), Cookie("theme", "dark")],
        )

    response = full_client(app).get("/full")
    assert response.status_code == 202
    assert response.text == "accepted"
    assert response.header("Content-Type") == "text/plain"
    assert response.header("X-Request") == "1"
    assert ", ".join(response.header_values("X-Multi")) == "a, b"
    assert response.cookies["session"] == "abc"
    assert "session=abc; HttpOnly; Secure" in response.header_values("Set-Cookie")


def test_custom_serializer(resolver_class: Any) -> None:
    import json

    app = resolver_class(serializer=lambda value: json.dumps(value, sort_keys=True, indent=1))

    @app.get("/s")
    def s() -> dict[str, int]:
        return {"b": 1, "a": 2}

    assert app.test_client().get("/s").text == '{\n "a": 2,\n "b": 1\n}'


def test_cache_control_on_success_and_no_cache_otherwise(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/cached/<ok>", cache_control="max-age=60")
    def cached(ok: str) -> tuple[dict[str, str], int]:
        return {}, 200 if ok == "yes" else 500

    client = app.test_client()
    assert client.get("/cached/yes").header("Cache-Control") == "max-age=60"
    assert client.get("/cached/no").header("Cache-Control") == "no-cache"


def test_header_with_cr_lf_is_refused(
    resolver_class: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = resolver_class()

    @app.get("/inject")
    def inject() -> Response:
        return Response(200, "text/plain", "x", headers={"X-Evil": "a\r\nSet-Cookie: pwned=1"})

    with caplog.at_level(logging.ERROR, logger="router"):
        response = app.test_client().get("/inject")
    assert response.status_code == 500
    assert "pwned" not in str(response.headers)
    assert "CR or LF" in caplog.text


def test_response_over_the_source_limit_answers_500_naming_it(
    resolver_class: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = resolver_class()
    limit = app.codec.max_response_bytes

    @app.get("/huge")
    def huge() -> dict[str, str]:
        return {"data": "x" * limit}

    @app.get("/fits")
    def fits() -> dict[str, str]:
        return {"data": "x" * (limit // 2)}

    client = app.test_client()
    with caplog.at_level(logging.ERROR, logger="router"):
        response = client.get("/huge")
    assert response.status_code == 500
    assert response.json() == {"statusCode": 500, "message": "Internal Server Error"}
    assert f"limit of {limit} bytes" in caplog.text
    assert client.get("/fits").status_code == 200


def test_bytes_body_without_router_binary_answers_500_naming_it(
    resolver_class: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "router_binary", None)  # as if not installed
    app = resolver_class()

    @app.get("/image")
    def image() -> Response:
        return Response(200, "image/png", b"\x89PNG")

    with caplog.at_level(logging.ERROR, logger="router"):
        response = app.test_client().get("/image")
    assert response.status_code == 500
    assert "pip install router-binary" in caplog.text


def test_compress_response_without_router_compression_answers_500_naming_it(
    resolver_class: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "router_compression", None)
    app = resolver_class()

    @app.get("/big")
    def big() -> Response:
        return Response(200, "application/json", {"a": 1}, compress=True)

    with caplog.at_level(logging.ERROR, logger="router"):
        response = app.test_client().get("/big", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 500
    assert "pip install router-compression" in caplog.text


def test_cors_on_resolver_without_router_cors_fails_at_construction(
    resolver_class: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from router_core import MissingExtraError

    monkeypatch.setitem(sys.modules, "router_cors", None)
    with pytest.raises(MissingExtraError, match="pip install router-cors"):
        resolver_class(cors=True)


def test_resolver_is_callable_as_the_lambda_handler(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/")
    def root() -> dict[str, str]:
        return {"hello": "world"}

    client = app.test_client()
    event = app.codec.to_event(HTTPRequest("GET", "/"))
    assert app(event, None) == app.resolve(event, None) == client.get("/").raw
