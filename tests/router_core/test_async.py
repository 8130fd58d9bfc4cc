"""Async routes, middlewares, exception handlers and dependencies, through `resolve_async`
and through the sync entries (one event loop kept per thread)."""

from __future__ import annotations

import asyncio
import threading
from typing import Annotated, Any

import orjson
import pytest
from fake_source import FakeResolver, event

from router_core import Response
from router_core.dependencies import Depends
from router_core.exceptions import NotFoundError, UnauthorizedError
from router_core.request import Request


def _body(result: dict[str, Any]) -> Any:
    return orjson.loads(result["body"])


async def tenant(request: Request) -> str:
    await asyncio.sleep(0)
    value = request.headers.get("x-tenant")
    if value is None:
        raise UnauthorizedError("no tenant")
    return value


def build_app() -> FakeResolver:
    app = FakeResolver()

    @app.get("/items/<n:int>")
    async def item(n: int, who: Annotated[str, Depends(tenant)]) -> dict[str, Any]:
        await asyncio.sleep(0)
        return {"n": n, "who": who, "path": app.current_event.path}

    @app.get("/sync")
    def sync_route() -> dict[str, str]:
        return {"sync": "yes"}

    @app.exception_handler(ValueError)
    async def on_value_error(error: ValueError) -> Response:
        await asyncio.sleep(0)
        return Response(409, "text/plain", f"async handler: {error}")

    @app.get("/fails")
    async def fails() -> dict[str, Any]:
        raise ValueError("boom")

    @app.not_found
    async def missing(error: NotFoundError) -> Response:
        return Response(404, "text/plain", "async not found")

    return app


def test_resolve_async_awaits_routes_dependencies_and_handlers() -> None:
    app = build_app()

    async def main() -> list[dict[str, Any]]:
        return [
            await app.resolve_async(event("GET", "/items/3", **{"X-Tenant": "acme"}), None),
            await app.resolve_async(event("GET", "/items/3"), None),
            await app.resolve_async(event("GET", "/sync"), None),
            await app.resolve_async(event("GET", "/fails"), None),
            await app.resolve_async(event("GET", "/nowhere"), None),
        ]

    ok, unauthorized, sync, failed, missing = asyncio.run(main())

    assert _body(ok) == {"n": 3, "who": "acme", "path": "/items/3"}
    assert unauthorized["status"] == 401
    assert _body(sync) == {"sync": "yes"}
    assert (failed["status"], failed["body"]) == (409, "async handler: boom")
    assert (missing["status"], missing["body"]) == (404, "async not found")


def test_sync_entries_run_async_routes_on_a_loop_kept_for_the_thread() -> None:
    app = FakeResolver()
    loops: list[asyncio.AbstractEventLoop] = []
    lock: list[asyncio.Lock] = []

    @app.get("/loop")
    async def which_loop() -> dict[str, bool]:
        loops.append(asyncio.get_running_loop())
        if not lock:
            lock.append(asyncio.Lock())  # created on the first invocation's loop
        async with lock[0]:  # still usable on the next one: same loop
            pass
        return {"ok": True}

    for _ in range(3):
        assert app.resolve(event("GET", "/loop"), None)["status"] == 200
    assert app.test_client().get("/loop").status_code == 200

    assert len(loops) == 4 and len(set(map(id, loops))) == 1


def test_each_thread_uses_its_own_loop() -> None:
    app = FakeResolver()
    # The loops themselves are kept (not their ids): a finished thread's loop is closed and
    # freed, and a new object may reuse its id.
    seen: dict[str, list[asyncio.AbstractEventLoop]] = {}
    barrier = threading.Barrier(3)

    @app.get("/loop")
    async def which_loop() -> dict[str, bool]:
        seen.setdefault(threading.current_thread().name, []).append(asyncio.get_running_loop())
        return {"ok": True}

    def twice() -> None:
        barrier.wait(timeout=10)
        app.resolve(event("GET", "/loop"), None)
        app.resolve(event("GET", "/loop"), None)

    threads = [threading.Thread(target=twice, name=f"t{i}") for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(seen) == ["t0", "t1", "t2"]
    for loops in seen.values():
        assert len(loops) == 2 and loops[0] is loops[1]  # kept between calls
    firsts = [loops[0] for loops in seen.values()]
    assert firsts[0] is not firsts[1] and firsts[1] is not firsts[2] and firsts[0] is not firsts[2]


def test_a_sync_entry_inside_a_running_loop_names_resolve_async() -> None:
    app = build_app()

    async def main() -> None:
        app.resolve(event("GET", "/items/1", **{"X-Tenant": "a"}), None)

    with pytest.raises(RuntimeError, match="resolve_async"):
        asyncio.run(main())


def test_a_sync_app_resolves_inside_a_running_loop() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})

    async def main() -> dict[str, Any]:
        return app.resolve(event("GET", "/a"), None)

    assert asyncio.run(main())["status"] == 200


def test_sync_middleware_around_an_async_route_runs_in_a_worker_thread() -> None:
    app = FakeResolver()
    threads: dict[str, str] = {}

    def sync_middleware(app: Any, next_middleware: Any) -> Response:
        threads["middleware"] = threading.current_thread().name
        app.append_context(from_middleware="yes")
        response: Response = next_middleware(app)
        response.set_header("X-Sync", app.current_event.path)
        return response

    async def async_middleware(app: Any, next_middleware: Any) -> Response:
        response: Response = await next_middleware(app)
        response.set_header("X-Async", "1")
        return response

    app.use([async_middleware, sync_middleware])

    @app.get("/mixed")
    async def mixed() -> dict[str, Any]:
        threads["route"] = threading.current_thread().name
        return {"context": dict(app.context)}

    async def main() -> dict[str, Any]:
        return await app.resolve_async(event("GET", "/mixed"), None)

    result = asyncio.run(main())

    assert _body(result) == {"context": {"from_middleware": "yes", "_route_args": {}}}
    assert result["headers"]["X-Sync"] == ["/mixed"] and result["headers"]["X-Async"] == ["1"]
    assert threads["middleware"] != threads["route"]
    # The same app through a sync entry: the same chain, on the thread's loop.
    again = app.resolve(event("GET", "/mixed"), None)
    assert again["headers"]["X-Sync"] == ["/mixed"]


def test_concurrent_tasks_never_see_each_others_call() -> None:
    app = FakeResolver()

    @app.get("/task/<n>")
    async def task(n: str) -> dict[str, Any]:
        app.append_context(n=n)
        await asyncio.sleep(0.001)
        return {"n": n, "path": app.current_event.path, "ctx": app.context["n"]}

    async def main() -> list[dict[str, Any]]:
        return await asyncio.gather(
            *(app.resolve_async(event("GET", f"/task/{i}"), None) for i in range(200))
        )

    results = asyncio.run(main())

    assert [_body(r) for r in results] == [
        {"n": str(i), "path": f"/task/{i}", "ctx": str(i)} for i in range(200)
    ]


def test_the_context_is_cleared_after_an_async_call_that_raised() -> None:
    app = FakeResolver()

    @app.get("/raise")
    async def raises() -> dict[str, Any]:
        app.append_context(user="u1")
        raise RuntimeError("boom")

    @app.get("/read")
    async def read() -> dict[str, Any]:
        return dict(app.context)

    async def main() -> dict[str, Any]:
        with pytest.raises(RuntimeError):
            await app.resolve_async(event("GET", "/raise"), None)
        return await app.resolve_async(event("GET", "/read"), None)

    assert asyncio.run(main())["body"] == "{}"


def test_an_async_middleware_answering_routing_404s() -> None:
    app = FakeResolver()

    async def tag(app: Any, next_middleware: Any) -> Response:
        response: Response = await next_middleware(app)
        response.set_header("X-Tag", "1")
        return response

    app.use([tag])
    app.get("/a")(lambda: {"a": 1})

    missing = app.resolve(event("GET", "/b"), None)
    found = app.resolve(event("GET", "/a"), None)

    assert missing["status"] == 404 and missing["headers"]["X-Tag"] == ["1"]
    assert found["status"] == 200 and found["headers"]["X-Tag"] == ["1"]


def test_an_async_middleware_returning_none_is_named() -> None:
    app = FakeResolver()

    async def forgetful(app: Any, next_middleware: Any) -> Response:
        await next_middleware(app)
        return None  # type: ignore[return-value]

    app.get("/a", middlewares=[forgetful])(lambda: {"a": 1})

    with pytest.raises(TypeError, match="middleware forgetful returned None"):
        app.resolve(event("GET", "/a"), None)


def test_sync_and_async_entries_answer_alike() -> None:
    from router_core.extensions import Extension

    class Stamp(Extension):
        name = "stamp"

        def after_route(self, event: Any, match: Any, response: Response) -> None:
            response.set_header("X-Stamp", match.path)

    app = FakeResolver(strip_prefixes=["/api"])
    app.add_extension(Stamp())
    app.get("/a/<x>")(lambda x: {"x": x})
    app.post("/a/<x>", status_code=201)(lambda x: {"created": x})
    app.get("/r")(lambda: Response(200, "text/plain", "r", cookies=[]))
    app.append_context(first="call")
    requests = [
        ("GET", "/api/a/1"),
        ("POST", "/api/a/2/"),
        ("HEAD", "/api/a/3"),
        ("DELETE", "/api/a/4"),
        ("GET", "/api/nowhere"),
        ("GET", "r"),
        ("GET", "/api/r"),
    ]

    sync = [app.resolve(event(method, path), None) for method, path in requests]

    async def main() -> list[dict[str, Any]]:
        return [await app.resolve_async(event(m, p), None) for m, p in requests]

    assert asyncio.run(main()) == sync
