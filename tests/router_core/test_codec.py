"""`check_header`: what a response header may hold, and what an app answers when it breaks it."""

from __future__ import annotations

import importlib
import logging
from typing import Any

import pytest

from router_core import Response
from router_core.codec import check_header

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
