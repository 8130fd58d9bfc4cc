"""Middlewares as Powertools writes them: functions, `BaseMiddlewareHandler` classes, and
the `NextMiddleware` type importable at run time."""

from __future__ import annotations

from typing import Any

import pytest
from fake_source import FakeResolver, event

from router_core import Response
from router_core.middleware import BaseMiddlewareHandler, NextMiddleware


class AddHeader(BaseMiddlewareHandler):
    def __init__(self, name: str) -> None:
        self.name = name

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response:
        response = next_middleware(app)
        response.set_header(self.name, app.current_event.path)
        return response


class Forgetful(BaseMiddlewareHandler):
    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response:
        next_middleware(app)
        return None  # type: ignore[return-value]


def test_class_based_middlewares_wrap_routes_and_routing_answers() -> None:
    app = FakeResolver()
    app.use([AddHeader("X-App")])
    app.get("/a", middlewares=[AddHeader("X-Route")])(lambda: {"a": 1})

    ok = app.resolve(event("GET", "/a"), None)
    missing = app.resolve(event("GET", "/b"), None)

    assert ok["headers"]["X-App"] == ["/a"] and ok["headers"]["X-Route"] == ["/a"]
    assert missing["headers"]["X-App"] == ["/b"] and "X-Route" not in missing["headers"]


def test_a_middleware_returning_none_is_named_in_the_error() -> None:
    app = FakeResolver()
    app.get("/a", middlewares=[Forgetful()])(lambda: {"a": 1})

    with pytest.raises(TypeError, match="middleware Forgetful returned None"):
        app.resolve(event("GET", "/a"), None)


def test_a_base_middleware_handler_must_implement_handler() -> None:
    app = FakeResolver()
    app.get("/a", middlewares=[BaseMiddlewareHandler()])(lambda: {"a": 1})

    with pytest.raises(NotImplementedError, match="must implement handler"):
        app.resolve(event("GET", "/a"), None)


def test_a_middleware_may_answer_by_itself() -> None:
    app = FakeResolver()

    def deny(app: Any, next_middleware: NextMiddleware) -> Response:
        return Response(401, "application/json", {"message": "no"})

    app.get("/a", middlewares=[deny])(lambda: {"a": 1})

    result = app.resolve(event("GET", "/a"), None)

    assert (result["status"], result["body"]) == (401, '{"message":"no"}')


def test_next_middleware_is_a_callable_type_at_run_time() -> None:
    import typing

    from router_core import middleware

    assert typing.get_origin(middleware.NextMiddleware) is not None
    with pytest.raises(AttributeError):
        _ = middleware.Nope  # type: ignore[attr-defined]


def test_middlewares_see_the_handlers_value_before_it_is_serialized() -> None:
    app = FakeResolver()

    def add_count(app: Any, next_middleware: NextMiddleware) -> Response:
        response = next_middleware(app)
        assert isinstance(response.body, dict)  # as in Powertools: not yet JSON text
        response.body["count"] = len(response.body["items"])
        return response

    app.get("/items", middlewares=[add_count])(lambda: {"items": [1, 2]})

    result = app.resolve(event("GET", "/items"), None)

    assert result["body"] == '{"items":[1,2],"count":2}'


def test_a_body_that_cannot_be_serialized_reaches_the_exception_handlers() -> None:
    app = FakeResolver()

    @app.exception_handler(TypeError)
    def on_type_error(error: TypeError) -> Response:
        return Response(500, "text/plain", "cannot serialize")

    def passthrough(app: Any, next_middleware: NextMiddleware) -> Response:
        return next_middleware(app)

    app.get("/bad", middlewares=[passthrough])(lambda: {"value": object()})

    result = app.resolve(event("GET", "/bad"), None)

    assert (result["status"], result["body"]) == (500, "cannot serialize")
