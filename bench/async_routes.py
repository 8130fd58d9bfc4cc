"""Async routes, router and Powertools alike, on API Gateway REST events.

Two app shapes per library, built from its public API only: a sync app (GET `/r0`, `/r1`
return `{"route": n}` from plain functions) and an async app (GET `/a0`, `/a1` return
`{"route": n}` from `async def` handlers that await nothing; GET `/sleep` returns
`{"route": 2}` after `await asyncio.sleep(0)`, which hands the loop one turn as real I/O
would). Rows:

- sync route, `resolve`: GET `/r1` on the sync app (the reference);
- async route, `resolve_async`: GET `/a1`, awaited (the gated row: at most 1.5x the reference);
- async route awaiting `asyncio.sleep(0)`, `resolve_async`: GET `/sleep`, awaited;
- sync route, `resolve_async`: GET `/r1` on the sync app, awaited;
- async route, sync `resolve`: GET `/a1` through `app.resolve`, which runs it on the event loop
  router keeps for the thread (reported, not gated). Powertools 3.37 has no such entry: its
  `resolve` hands the route's coroutine to the serializer and raises.

Awaited rows are timed by `timing.AsyncTimer`: one coroutine per sample awaits the call many
times, inside ONE event loop shared by both libraries. Each answer is checked first.
"""

from __future__ import annotations

import asyncio
import json

from apps import rest_event
from report import table, us
from timing import AsyncTimer, Ratio, Timer, median

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence
    from typing import Any, Callable, NamedTuple

    from timing import Contest
else:
    from typing import NamedTuple

LIBRARIES = ("router", "powertools")
ASYNC_TARGET = 1.5


def resolver(library: str) -> Callable[[], Any]:
    if library == "router":
        from router_rest import APIGatewayRestResolver
    else:
        from aws_lambda_powertools.event_handler import APIGatewayRestResolver
    return APIGatewayRestResolver


def sync_app(library: str) -> Any:
    """`/r0` and `/r1`, plain functions."""
    app = resolver(library)()

    @app.get("/r0")
    def r0() -> dict[str, int]:
        return {"route": 0}

    @app.get("/r1")
    def r1() -> dict[str, int]:
        return {"route": 1}

    return app


def async_app(library: str) -> Any:
    """`/a0` and `/a1`, `async def` awaiting nothing; `/sleep` awaiting `asyncio.sleep(0)`."""
    app = resolver(library)()

    @app.get("/a0")
    async def a0() -> dict[str, int]:
        return {"route": 0}

    @app.get("/a1")
    async def a1() -> dict[str, int]:
        return {"route": 1}

    @app.get("/sleep")
    async def sleep() -> dict[str, int]:
        await asyncio.sleep(0)
        return {"route": 2}

    return app


_BUILDERS = {"sync": sync_app, "async": async_app}


class Row(NamedTuple):
    """One request: which app, which path, through which entry, and the route that answers."""

    name: str
    title: str
    app: str  # "sync" or "async"
    path: str
    awaited: bool  # through `await resolve_async` (else the sync `resolve`)
    route: int
    libraries: tuple[str, ...] = LIBRARIES


ROWS = (
    Row("sync", "sync route, `resolve`", "sync", "/r1", False, 1),
    Row("async", "async route, `await resolve_async`", "async", "/a1", True, 1),
    Row(
        "async-sleep",
        "async route awaiting `asyncio.sleep(0)`, `await resolve_async`",
        "async",
        "/sleep",
        True,
        2,
    ),
    Row("sync-awaited", "sync route, `await resolve_async`", "sync", "/r1", True, 1),
    Row(
        "async-sync-entry",
        "async route, sync `resolve` (router's kept loop)",
        "async",
        "/a1",
        False,
        1,
        ("router",),
    ),
)


def _key(row: str, library: str) -> Hashable:
    return ("async", row, library)


def check(row: Row, library: str, response: dict[str, Any]) -> None:
    """Raise unless `response` is route `row.route`'s 200 JSON answer."""
    body = response.get("body")
    if response.get("statusCode") != 200 or not isinstance(body, str):
        raise RuntimeError(f"{row.name} ({library}): expected a 200 answer, got {response!r}")
    if json.loads(body) != {"route": row.route}:
        raise RuntimeError(f"{row.name} ({library}): unexpected body {body!r}")


def add_timers(contest: Contest, budget: float) -> asyncio.AbstractEventLoop:
    """Check every row's answer for each library, then add its timer. Returns the event loop
    the awaited rows run on (the caller closes it when the runs are done)."""
    loop = asyncio.new_event_loop()
    apps = {(lib, kind): build(lib) for lib in LIBRARIES for kind, build in _BUILDERS.items()}
    for row in ROWS:
        event = rest_event(row.path)
        for library in row.libraries:
            app = apps[library, row.app]
            if row.awaited:
                check(row, library, loop.run_until_complete(app.resolve_async(event, None)))
                timer: Any = AsyncTimer(app.resolve_async, event, None, loop=loop, budget=budget)
            else:
                check(row, library, app.resolve(event, None))
                timer = Timer(app.resolve, event, None, budget=budget)
            contest.add(_key(row.name, library), timer)
    return loop


def report(runs: Sequence[dict[Hashable, float]]) -> list[bool | None]:
    """Print the async table and router's own ratios; return each target's outcome."""

    def figure(row: str, library: str) -> str:
        return us(median([run[_key(row, library)] for run in runs]))

    lines = []
    for row in ROWS:
        if "powertools" in row.libraries:
            ratio = Ratio(runs, _key(row.name, "powertools"), _key(row.name, "router"))
            cells = [figure(row.name, "powertools"), ratio.figure()]
        else:
            cells = ["—", "— (Powertools' `resolve` raises on an async route)"]
        lines.append([row.title, figure(row.name, "router"), *cells])
    print("\n" + table(["request", "router µs", "powertools µs", "powertools / router"], lines))

    reference = _key("sync", "router")
    own = [
        ("async route, `await resolve_async`", "async", ASYNC_TARGET),
        ("async route awaiting `asyncio.sleep(0)`", "async-sleep", None),
        ("sync route, `await resolve_async`", "sync-awaited", None),
        ("async route, sync `resolve` (kept loop)", "async-sync-entry", None),
    ]
    outcomes: list[bool | None] = []
    lines = []
    for title, name, target in own:
        ratio = Ratio(runs, _key(name, "router"), reference, target)
        outcomes.append(ratio.passed)
        cells = [figure(name, "router"), figure("sync", "router"), ratio.figure()]
        lines.append([f"{title} / sync route, `resolve`", *cells, ratio.verdict()])
    print("\nRouter against its sync route through `resolve`:\n")
    print(table(["ratio", "router µs", "reference µs", "ratio", "target"], lines))
    return outcomes
