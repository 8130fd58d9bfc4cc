"""`check_header`: what a response header may hold, and what an app answers when it breaks it."""

from __future__ import annotations

import importlib
import logging
from typing import Any

import pytest

from router_core import Response
from router_core.codec import (
    Codec,
    HTTPRequest,
    body_for_event,
    check_header,
    group_pairs,
    multi_value_headers,
    result_body,
)

ADAPTERS = [
    ("router_rest", "APIGatewayRestResolver"),
    ("router_http", "APIGatewayHttpResolver"),
    ("router_alb", "ALBResolver"),
    ("router_function_url", "LambdaFunctionUrlResolver"),
]


@pytest.mark.parametrize(
    "name", ["Content-Type", "X-Request-Id", "x_custom", "A1!#$%&'*+.^_`|~-", "etag"]
)
def test_token_names_pass(name: str) -> None:
    check_header(name, "value")


@pytest.mark.parametrize("value", ["", "plain", "a\tb", "\t", "é ü", 'quote " and ;,'])
def test_printable_values_and_htab_pass(value: str) -> None:
    check_header("X-Value", value)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "not an HTTP token"),
        ("X Name", "not an HTTP token"),
        ("X-Name:", "not an HTTP token"),
        ("Naïve", "not an HTTP token"),
        ("(comment)", "not an HTTP token"),
        ("X-A\r\nSet-Cookie", "CR or LF"),
        ("X-A\x00", "control character '\\\\x00'"),
        ("X-A\t", "not an HTTP token"),
    ],
)
def test_malformed_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_header(name, "value")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("a\r\nSet-Cookie: pwned=1", "CR or LF"),
        ("a\rb", "CR or LF"),
        ("a\nb", "CR or LF"),
        ("a\x00b", "control character '\\\\x00'"),
        ("\x1b[31mred", "control character '\\\\x1b'"),
        ("del\x7f", "control character '\\\\x7f'"),
        ("\x0b", "control character '\\\\x0b'"),
    ],
)
def test_control_characters_in_values_are_refused(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_header("X-Value", value)


def test_a_refused_name_is_refused_every_time() -> None:
    for _ in range(3):
        with pytest.raises(ValueError):
            check_header("Bad Name", "v")


def _resolvers() -> list[Any]:
    found = []
    for module_name, class_name in ADAPTERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        found.append(pytest.param(getattr(module, class_name), id=class_name))
    return found


@pytest.mark.parametrize("resolver_class", _resolvers())
@pytest.mark.parametrize(
    ("headers", "logged"),
    [
        ({"X-Evil": "a\x00b"}, "control character"),
        ({"X Evil": "a"}, "not an HTTP token"),
        ({"": "a"}, "not an HTTP token"),
        ({"X-List": ["ok", "bad\x1f"]}, "control character"),
    ],
)
def test_an_app_answers_a_logged_500(
    resolver_class: Any,
    headers: dict[str, Any],
    logged: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = resolver_class()

    @app.get("/bad")
    def bad() -> Response:
        return Response(200, "text/plain", "x", headers=headers)

    client = app.test_client(multi_value=True) if class_name(app) == "ALBResolver" else None
    with caplog.at_level(logging.ERROR, logger="router"):
        response = (client or app.test_client()).get("/bad")

    assert response.status_code == 500
    assert response.json() == {"statusCode": 500, "message": "Internal Server Error"}
    assert logged in caplog.text


@pytest.mark.parametrize("resolver_class", _resolvers())
def test_an_app_sends_a_tab_in_a_value(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/tab")
    def tab() -> Response:
        return Response(200, "text/plain", "x", headers={"X-Tab": "a\tb"})

    assert app.test_client().get("/tab").header("X-Tab") == "a\tb"


def class_name(app: Any) -> str:
    return type(app).__name__


# -- the codec interface and its helpers, through the fake source ----------------------------
def test_the_default_encode_json_goes_through_encode() -> None:
    from fake_source import FakeCodec, FakeResolver, event

    class PlainCodec(FakeCodec):
        encode_json = Codec.encode_json  # what a source that does not override it gets

    class PlainResolver(FakeResolver):
        codec = PlainCodec()

    app = PlainResolver()
    app.get("/a")(lambda: {"a": 1})

    result = app.resolve(event("GET", "/a"), None)

    assert result == {
        "status": 200,
        "headers": {"Content-Type": ["application/json"]},
        "cookies": [],
        "body": '{"a":1}',
        "isBase64Encoded": False,
    }


def test_the_base_codec_asks_each_direction_of_its_source() -> None:
    from fake_source import FakeEvent, event

    codec = Codec()
    request = HTTPRequest("get", "/a")

    with pytest.raises(NotImplementedError):
        codec.encode(Response(200, "text/plain", "x"), FakeEvent(event("GET", "/a")))
    with pytest.raises(NotImplementedError):
        codec.to_event(request)
    with pytest.raises(NotImplementedError):
        codec.to_http({"statusCode": 200})


def test_an_http_request_finds_its_last_header_of_a_name() -> None:
    request = HTTPRequest("post", "/a", headers=[("Accept", "a"), ("accept", "b")])

    assert request.method == "POST"
    assert request.header("ACCEPT") == "b"
    assert request.header("Missing") is None
    assert (request.query, request.body, request.host) == ([], b"", "localhost")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", (None, False)),
        (b'{"a": 1}', ('{"a": 1}', False)),
        ("día".encode(), ("día", False)),
        (b"\xff\x00", ("/wA=", True)),
    ],
)
def test_body_for_event(data: bytes, expected: tuple[str | None, bool]) -> None:
    assert body_for_event(data) == expected


def test_group_pairs_keeps_order() -> None:
    assert group_pairs([("a", "1"), ("b", "2"), ("a", "3")]) == {"a": ["1", "3"], "b": ["2"]}


@pytest.mark.parametrize(
    ("result", "body"),
    [
        ({"body": "héllo"}, "héllo".encode()),
        ({"body": "lone \ud800"}, b"lone ?"),
        ({"body": None}, b""),
        ({}, b""),
        ({"body": "aGk=", "isBase64Encoded": True}, b"hi"),
        ({"body": "not base64!", "isBase64Encoded": True}, None),
        ({"body": "aGk", "isBase64Encoded": True}, None),
    ],
)
def test_result_body_as_the_client_receives_it(result: dict[str, Any], body: bytes | None) -> None:
    assert result_body(result) == body


def test_set_cookie_headers_and_cookies_share_one_name() -> None:
    from router_core import Cookie

    response = Response(
        200, "text/plain", "x", headers={"set-cookie": "a=1"}, cookies=[Cookie("b", "2")]
    )

    assert multi_value_headers(response) == {
        "set-cookie": ["a=1", "b=2; Secure"],
        "Content-Type": ["text/plain"],
    }
