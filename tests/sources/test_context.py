"""Per-invocation state: current_event, lambda_context, context, isolated and cleared."""

from __future__ import annotations

import threading
from typing import Any

import pytest


def test_context_appended_before_resolve_is_seen_and_then_cleared(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/whoami")
    def whoami() -> dict[str, Any]:
        return dict(app.context)

    client = app.test_client()
    app.append_context(user="ada", admin=True)
    assert client.get("/whoami").json() == {"user": "ada", "admin": True}
    assert client.get("/whoami").json() == {}


def test_context_is_cleared_after_an_exception(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/boom")
    def boom() -> None:
        app.append_context(leak=True)
        raise RuntimeError("x")

    @app.get("/ctx")
    def ctx() -> dict[str, Any]:
        return dict(app.context)

    client = app.test_client()
    with pytest.raises(RuntimeError):
        client.get("/boom")
    assert client.get("/ctx").json() == {}


def test_clear_context(resolver_class: Any) -> None:
    app = resolver_class()
    app.append_context(a=1)
    app.clear_context()
    assert app.context == {}


def test_current_event_and_lambda_context(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/info")
    def info() -> dict[str, Any]:
        return {
            "path": app.current_event.path,
            "method": app.current_event.http_method,
            "request_id": app.lambda_context.aws_request_id,
        }

    body = app.test_client().get("/info").json()
    assert body["path"] == "/info"
    assert body["method"] == "GET"
    assert len(body["request_id"]) == 36


def test_current_event_outside_an_invocation_is_a_clear_error(resolver_class: Any) -> None:
    app = resolver_class()
    with pytest.raises(RuntimeError, match="no event is being resolved"):
        _ = app.current_event


def test_concurrent_invocations_never_see_each_other(resolver_class: Any) -> None:
    app = resolver_class()
    barrier = threading.Barrier(8)

    @app.get("/echo/<value>")
    def echo(value: str) -> dict[str, Any]:
        app.append_context(value=value)
        barrier.wait(timeout=10)  # every thread is inside its handler at once
        return {
            "param": value,
            "path": app.current_event.path,
            "context": app.context["value"],
        }

    results: dict[int, Any] = {}

    def call(n: int) -> None:
        results[n] = app.test_client().get(f"/echo/{n}").json()

    threads = [threading.Thread(target=call, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert results == {
        n: {"param": str(n), "path": f"/echo/{n}", "context": str(n)} for n in range(8)
    }
