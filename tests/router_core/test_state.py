"""Per-call state: isolated per call and per thread, readable through any app or Router."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fake_source import FakeResolver, event

from router_core import Router


def test_a_router_included_in_two_apps_reads_the_call_in_progress() -> None:
    router = Router()

    @router.get("/who")
    def who() -> dict[str, Any]:
        return {"path": router.current_event.path, "ctx": router.context.get("app")}

    first, second = FakeResolver(), FakeResolver()
    for name, app in (("first", first), ("second", second)):
        app.include_router(router)

        def tag(app: Any, next_middleware: Any, name: str = name) -> Any:
            app.append_context(app=name)
            return next_middleware(app)

        app.use([tag])

    import orjson

    assert orjson.loads(first.resolve(event("GET", "/who"), None)["body"])["ctx"] == "first"
    assert orjson.loads(second.resolve(event("GET", "/who"), None)["body"])["ctx"] == "second"


def test_a_nested_resolve_gives_the_outer_call_its_state_back() -> None:
    inner, outer = FakeResolver(), FakeResolver()
    inner.get("/inner")(lambda: {"inner": inner.current_event.path})

    @outer.get("/outer")
    def call_inner() -> dict[str, Any]:
        outer.append_context(before="kept")
        nested = inner.resolve(event("GET", "/inner"), "inner-context")
        return {
            "nested": nested["status"],
            "path": outer.current_event.path,
            "lambda_context": outer.lambda_context,
            "context": outer.context,
        }

    import orjson

    body = orjson.loads(outer.resolve(event("GET", "/outer"), "outer-context")["body"])

    assert body == {
        "nested": 200,
        "path": "/outer",
        "lambda_context": "outer-context",
        "context": {"before": "kept"},
    }


def test_the_context_is_cleared_after_every_call_also_when_the_handler_raised() -> None:
    app = FakeResolver()

    @app.get("/fails")
    def fails() -> dict[str, Any]:
        app.append_context(user="u1")
        raise RuntimeError("boom")

    @app.get("/reads")
    def reads() -> dict[str, Any]:
        return dict(app.context)

    with pytest.raises(RuntimeError):
        app.resolve(event("GET", "/fails"), None)

    assert app.resolve(event("GET", "/reads"), None)["body"] == "{}"


def test_context_appended_before_the_first_call_reaches_it_then_is_cleared() -> None:
    router = Router()
    router.append_context(source="router")
    app = FakeResolver()
    app.append_context(source_app="app")
    app.include_router(router)
    app.get("/ctx")(lambda: dict(app.context))

    import orjson

    first = orjson.loads(app.resolve(event("GET", "/ctx"), None)["body"])
    second = orjson.loads(app.resolve(event("GET", "/ctx"), None)["body"])

    assert first == {"source_app": "app", "source": "router"}
    assert second == {}


def test_concurrent_calls_in_threads_never_see_each_other() -> None:
    app = FakeResolver()
    barrier = threading.Barrier(8)

    @app.get("/item/<n>")
    def item(n: str) -> dict[str, Any]:
        app.append_context(n=n)
        barrier.wait(timeout=10)
        return {"n": n, "path": app.current_event.path, "ctx": app.context["n"]}

    results: dict[int, Any] = {}

    def call(i: int) -> None:
        import orjson

        results[i] = orjson.loads(app.resolve(event("GET", f"/item/{i}"), None)["body"])

    threads = [threading.Thread(target=call, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results == {i: {"n": str(i), "path": f"/item/{i}", "ctx": str(i)} for i in range(8)}


def test_state_outside_of_a_call_is_a_clear_error() -> None:
    app = FakeResolver()

    with pytest.raises(RuntimeError, match="no event is being resolved"):
        _ = app.current_event
    assert app.lambda_context is None
