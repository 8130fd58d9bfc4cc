"""Awaiting from sync code: the event loop each thread keeps for sync entries into an app
with async routes.

`app.resolve(...)` (and `lambda_handler = app`, the test client, `router serve`) may meet an
`async def` route, middleware, exception handler or dependency. It runs it on an event loop
kept for the life of the calling thread (on Lambda: one loop for the process), never a new
loop per invocation, so that clients, pools and locks created on it survive warm invocations.
Each thread has its own loop, closed when the thread ends. Imported only by apps that have
something async (`router_core.route_calls.is_async` tells).
"""

from __future__ import annotations

import threading

TYPE_CHECKING = False
if TYPE_CHECKING:
    import asyncio
    from collections.abc import Awaitable, Generator
    from typing import Any, TypeVar

    T = TypeVar("T")

_local = threading.local()


class _ThreadLoop:
    """A thread's loop; closed when the thread ends and its thread-local data goes."""

    __slots__ = ("loop",)

    def __init__(self) -> None:
        import asyncio

        self.loop: asyncio.AbstractEventLoop = asyncio.new_event_loop()

    def __del__(self) -> None:
        loop = self.loop
        if not loop.is_closed() and not loop.is_running():
            loop.close()


def thread_loop() -> asyncio.AbstractEventLoop:
    """This thread's event loop for sync entries, created on first use and kept."""
    holder: _ThreadLoop | None = getattr(_local, "holder", None)
    if holder is None:
        holder = _local.holder = _ThreadLoop()
    return holder.loop


def run(awaitable: Awaitable[T]) -> T:
    """Run `awaitable` to completion on this thread's loop; a clear error inside a running
    loop, where only `await app.resolve_async(event, context)` can run it."""
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        close = getattr(awaitable, "close", None)
        if close is not None:
            close()  # never awaited: no "coroutine was never awaited" warning
        raise RuntimeError(
            "this app has an async route, middleware, exception handler or dependency, and "
            "it was called with a sync entry (app.resolve, app(...), the test client) from "
            "inside a running event loop: use `await app.resolve_async(event, context)`"
        )
    return thread_loop().run_until_complete(_as_coroutine(awaitable))


async def _as_coroutine(awaitable: Awaitable[T]) -> T:
    return await awaitable


def drive(steps: Generator[Any, Any, T], first: Any = None) -> T:
    """Run a generator that yields awaitables to the sync side: each is run on the thread's
    loop and its result sent back (its exception thrown back in). `first` is the awaitable
    it already yielded, when the caller took it to see whether there is any."""
    try:
        awaitable = next(steps) if first is None else first
        while True:
            try:
                value = run(awaitable)
            except Exception as error:
                awaitable = steps.throw(error)
                continue
            awaitable = steps.send(value)
    except StopIteration as done:
        result: T = done.value
        return result


async def drive_async(steps: Generator[Any, Any, T]) -> T:
    """`drive` for the async side: each awaitable the generator yields is awaited."""
    try:
        awaitable = next(steps)
        while True:
            try:
                value = await awaitable
            except Exception as error:
                awaitable = steps.throw(error)
                continue
            awaitable = steps.send(value)
    except StopIteration as done:
        result: T = done.value
        return result
