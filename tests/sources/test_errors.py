"""Errors: ServiceError bodies, exception handlers, not_found, re-raise, debug mode."""

from __future__ import annotations

from typing import Any

import pytest

from router_core import Response
from router_core.exceptions import (
    BadRequestError,
    NotFoundError,
    ServiceError,
    UnauthorizedError,
)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (BadRequestError("bad id"), 400),
        (UnauthorizedError("who?"), 401),
        (ServiceError(502, "up"), 502),
    ],
)
def test_service_errors_answer_their_status_and_message(
    resolver_class: Any, error: ServiceError, status: int
) -> None:
    app = resolver_class()

    @app.get("/fail")
    def fail() -> None:
        raise error

    response = app.test_client().get("/fail")
    assert response.status_code == status
    assert response.json() == {"statusCode": status, "message": error.msg}


def test_exception_handler_follows_the_class_hierarchy(resolver_class: Any) -> None:
    app = resolver_class()

    class DomainError(Exception):
        pass

    class OutOfStockError(DomainError):
        pass

    @app.exception_handler(DomainError)
    def domain(error: DomainError) -> Response:
        return Response(409, "application/json", {"error": type(error).__name__})

    @app.exception_handler([KeyError, IndexError])
    def lookup(error: LookupError) -> tuple[dict[str, str], int]:
        return {"error": "lookup"}, 422

    @app.get("/stock")
    def stock() -> None:
        raise OutOfStockError()

    @app.get("/key")
    def key() -> None:
        raise KeyError("k")

    @app.get("/index")
    def index() -> None:
        raise IndexError(1)

    client = app.test_client()
    assert (client.get("/stock").status_code, client.get("/stock").json()) == (
        409,
        {"error": "OutOfStockError"},
    )
    assert client.get("/key").json() == {"error": "lookup"}
    assert client.get("/index").status_code == 422


def test_handler_for_exception_catches_service_errors_but_not_routing_404(
    resolver_class: Any,
) -> None:
    app = resolver_class()

    @app.exception_handler(Exception)
    def everything(error: Exception) -> tuple[dict[str, str], int]:
        return {"caught": type(error).__name__}, 500

    @app.get("/bad")
    def bad() -> None:
        raise BadRequestError("x")

    client = app.test_client()
    assert client.get("/bad").json() == {"caught": "BadRequestError"}
    assert client.get("/missing").json() == {"statusCode": 404, "message": "Not found"}


def test_not_found_handler(resolver_class: Any) -> None:
    app = resolver_class()

    @app.not_found
    def missing(error: NotFoundError) -> Response:
        return Response(404, "text/plain", f"no route for {app.current_event.path}")

    @app.get("/raise")
    def raise_not_found() -> None:
        raise NotFoundError("todo 9")

    client = app.test_client()
    response = client.get("/nope")
    assert (response.status_code, response.text) == (404, "no route for /nope")
    # A handler's own NotFoundError goes to the same handler.
    assert client.get("/raise").text == "no route for /raise"


def test_unhandled_exception_is_re_raised(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("kaput")

    with pytest.raises(RuntimeError, match="kaput"):
        app.test_client().get("/boom")


def test_exception_handler_that_raises_propagates(resolver_class: Any) -> None:
    app = resolver_class()

    @app.exception_handler(ValueError)
    def broken(error: ValueError) -> None:
        raise RuntimeError("handler failed")

    @app.get("/v")
    def v() -> None:
        raise ValueError()

    with pytest.raises(RuntimeError, match="handler failed"):
        app.test_client().get("/v")


def test_debug_mode_answers_500_with_traceback(resolver_class: Any) -> None:
    app = resolver_class(debug=True)

    @app.get("/boom")
    def boom() -> dict[str, str]:
        raise RuntimeError("kaput")

    @app.get("/ok")
    def ok() -> dict[str, int]:
        return {"a": 1}

    client = app.test_client()
    response = client.get("/boom")
    assert response.status_code == 500
    assert response.header("Content-Type") == "text/plain"
    assert "Traceback (most recent call last)" in response.text
    assert "RuntimeError: kaput" in response.text
    # JSON is pretty-printed in debug mode.
    assert client.get("/ok").text == '{\n  "a": 1\n}'


def test_debug_from_environment_and_explicit_argument_wins(
    resolver_class: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROUTER_DEBUG", "true")

    def build(**options: Any) -> Any:
        app = resolver_class(**options)

        @app.get("/boom")
        def boom() -> None:
            raise RuntimeError("kaput")

        return app

    assert build().test_client().get("/boom").status_code == 500
    with pytest.raises(RuntimeError):
        build(debug=False).test_client().get("/boom")


def test_debug_mode_prints_each_event(
    resolver_class: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    app = resolver_class(debug=True)

    @app.get("/ok")
    def ok() -> dict[str, int]:
        return {}

    app.test_client().get("/ok")
    assert '"/ok"' in capsys.readouterr().out
