"""`ResponseWriter`: what handlers return becomes a `Response`, and a response the source
could not deliver (bytes left unencoded, a refused header, over the size limit) becomes a
logged 500 instead of the service's opaque 502."""

from __future__ import annotations

import logging
import sys
from typing import Any

import orjson
import pytest
from fake_source import FakeCodec, FakeEvent, FakeResolver, event, hide_modules

from router_core import Response
from router_core.serializer import dumps
from router_core.writer import ResponseWriter

INTERNAL = {"statusCode": 500, "message": "Internal Server Error"}


def _result(app: FakeResolver, method: str = "GET", path: str = "/a") -> tuple[int, Any]:
    result = app.resolve(event(method, path), None)
    body = result["body"]
    return result["status"], orjson.loads(body) if body else body


@pytest.mark.parametrize(
    ("returned", "status", "content_type", "body"),
    [
        ({"a": 1}, 200, "application/json", '{"a":1}'),
        ([1, 2], 200, "application/json", "[1,2]"),
        (None, 200, "application/json", "null"),
        ("plain", 200, "application/json", "plain"),
        (({"made": True}, 201), 201, "application/json", '{"made":true}'),
        ((None, 202), 202, "application/json", "null"),
        ((Response(200, "text/plain", "moved"), 302), 302, "text/plain", "moved"),
        (Response(204, "text/plain", None), 204, "text/plain", ""),
    ],
)
def test_what_a_handler_returns_becomes_the_response(
    returned: Any, status: int, content_type: str, body: str
) -> None:
    app = FakeResolver()
    app.get("/a")(lambda: returned)

    result = app.resolve(event("GET", "/a"), None)

    assert result["status"] == status
    assert result["headers"]["Content-Type"] == [content_type]
    assert result["body"] == body


@pytest.mark.parametrize("returned", [(1, 2, 3), ({"a": 1},)])
def test_a_tuple_that_is_not_body_and_status_is_a_clear_type_error(returned: Any) -> None:
    app = FakeResolver()
    app.get("/a")(lambda: returned)
    # Behind a middleware the same value goes through the route's compiled call.
    app.get("/b", middlewares=[lambda app, next_middleware: next_middleware(app)])(lambda: returned)

    for path in ("/a", "/b"):
        with pytest.raises(TypeError, match=r"tuple must be \(body, status_code\)"):
            app.resolve(event("GET", path), None)


def test_a_bytes_body_without_router_binary_answers_500_naming_the_package(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    hide_modules(monkeypatch, "router_binary")
    app = FakeResolver()
    app.get("/a")(lambda: b"\x89PNG")

    with caplog.at_level(logging.ERROR, logger="router"):
        assert _result(app) == (500, INTERNAL)

    assert "pip install router-binary" in caplog.text


def test_compress_without_router_compression_answers_500_naming_the_package(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    hide_modules(monkeypatch, "router_compression")
    app = FakeResolver()
    app.get("/a")(lambda: Response(200, "text/plain", "x" * 100, compress=True))

    with caplog.at_level(logging.ERROR, logger="router"):
        assert _result(app) == (500, INTERNAL)

    assert "Response(compress=True) needs router-compression" in caplog.text


def test_a_bytes_body_reaching_the_codec_is_refused() -> None:
    writer = ResponseWriter(FakeCodec(), dumps)
    fake = FakeEvent(event("GET", "/a"))

    result = writer.encode(fake, Response(200, "image/png", b"\x89PNG"))

    assert (result["status"], orjson.loads(result["body"])) == (500, INTERNAL)


@pytest.mark.parametrize(
    ("headers", "logged"),
    [
        ({"X-Split": "a\r\nSet-Cookie: admin=1"}, "value contains CR or LF"),
        ({"X-Bell": "ring\x07"}, "the control character '\\x07'"),
        ({"X-List": ["ok", "bad\n"]}, "value contains CR or LF"),
        ({"Bad Name": "x"}, "is not an HTTP token"),
        ({"X-Name\n": "x"}, "name 'X-Name\\n' contains CR or LF"),
        ({"": "x"}, "is not an HTTP token"),
    ],
)
def test_a_header_with_control_characters_answers_500_and_is_logged(
    headers: dict[str, Any], logged: str, caplog: pytest.LogCaptureFixture
) -> None:
    app = FakeResolver()
    app.get("/a")(lambda: Response(200, "text/plain", "ok", headers=headers))

    with caplog.at_level(logging.ERROR, logger="router"):
        assert _result(app) == (500, INTERNAL)

    assert "router: response refused" in caplog.text
    assert logged in caplog.text


def test_header_values_tab_numbers_lists_and_none() -> None:
    app = FakeResolver()
    headers = {"X-Tab": "a\tb", "X-Count": 3, "X-List": ["1", 2], "X-None": None}
    app.get("/a")(lambda: Response(200, "text/plain", "ok", headers=headers))

    result = app.resolve(event("GET", "/a"), None)

    assert result["status"] == 200
    assert result["headers"] == {
        "Content-Type": ["text/plain"],
        "X-Tab": ["a\tb"],
        "X-Count": ["3"],
        "X-List": ["1", "2"],
    }


class SmallCodec(FakeCodec):
    """A source with a small limit, so that the size check is cheap to reach."""

    max_response_bytes = 10_000
    source = "small source"


class SmallResolver(FakeResolver):
    codec = SmallCodec()


def test_a_response_over_the_limit_answers_500_naming_the_limit(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = SmallResolver()
    app.get("/a")(lambda: {"data": "x" * 20_000})
    app.get("/fits")(lambda: {"data": "x" * 9_000})

    with caplog.at_level(logging.ERROR, logger="router"):
        assert _result(app) == (500, INTERNAL)
        assert _result(app, path="/fits")[0] == 200

    assert "over the small source limit of 10000 bytes" in caplog.text


def test_escaping_counts_toward_the_limit() -> None:
    app = SmallResolver()
    # 4,000 newlines are 8,000 bytes once escaped by the runtime's JSON, quotes 2 each.
    app.get("/a")(lambda: Response(200, "text/plain", "\n" * 4_000 + '"' * 1_000))
    app.get("/b")(lambda: Response(200, "text/plain", "\n" * 4_000))

    assert _result(app, path="/a") == (500, INTERNAL)
    assert app.resolve(event("GET", "/b"), None)["status"] == 200


@pytest.mark.parametrize(
    ("execution_env", "status"),
    [
        ("AWS_Lambda_python3.11", 500),  # é is `\u00e9`: 6 bytes each, 12,000 in all
        ("AWS_Lambda_python3.9", 500),
        ("AWS_Lambda_python3.12", 200),  # sent as UTF-8: 2 bytes each
        ("AWS_Lambda_python3.13", 200),
        ("", 500 if sys.version_info < (3, 12) else 200),  # the running interpreter's choice
        ("AWS_Lambda_nodejs20.x", 500 if sys.version_info < (3, 12) else 200),
    ],
)
def test_non_ascii_counts_as_the_runtime_sends_it(
    monkeypatch: pytest.MonkeyPatch, execution_env: str, status: int
) -> None:
    monkeypatch.setenv("AWS_EXECUTION_ENV", execution_env)
    app = SmallResolver()
    app.get("/a")(lambda: Response(200, "text/plain", "é" * 2_000))

    assert app.resolve(event("GET", "/a"), None)["status"] == status
