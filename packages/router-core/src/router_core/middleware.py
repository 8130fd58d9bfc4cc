"""Middlewares: `def mw(app, next_middleware) -> Response`, Powertools' signature.

A middleware may change the request's context, short-circuit with its own Response, or
call `next_middleware(app)` and change the Response it gets back. The app's middlewares
(`app.use`) wrap every route, routing's own 404/405 and the pre-flight answers; a Router's
wrap only its routes; a route's `middlewares=` wrap only that route.

Class-based middlewares subclass `BaseMiddlewareHandler` and implement `handler`:

    class AddRequestId(BaseMiddlewareHandler):
        def handler(self, app, next_middleware: NextMiddleware) -> Response:
            response = next_middleware(app)
            response.set_header("X-Request-Id", app.current_event.request_context["requestId"])
            return response

    app.use([AddRequestId()])
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Awaitable
    from typing import Any, Callable

    from router_core.response import Response

    NextMiddleware = Callable[[Any], Response]
    Middleware = Callable[[Any, NextMiddleware], Response]


class BaseMiddlewareHandler:
    """Base class of a class-based middleware: implement `handler(app, next_middleware)`."""

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response:
        """Call `next_middleware(app)` and return its Response, or return your own."""
        raise NotImplementedError(f"{type(self).__name__} must implement handler()")

    def __call__(self, app: Any, next_middleware: NextMiddleware) -> Response:
        return self.handler(app, next_middleware)


def run_chain(app: Any, middlewares: tuple[Middleware, ...], final: NextMiddleware) -> Response:
    """Call `middlewares` outermost first, ending in `final`."""
    call = final
    for middleware in reversed(middlewares):
        call = _bind(middleware, call)
    return call(app)


def _bind(middleware: Middleware, next_call: NextMiddleware) -> NextMiddleware:
    def call(app: Any) -> Response:
        result = middleware(app, next_call)
        if result is None:
            name = getattr(middleware, "__name__", type(middleware).__name__)
            raise TypeError(f"middleware {name} returned None; return next_middleware(app)")
        return result

    return call


async def run_chain_async(
    app: Any, middlewares: tuple[Middleware, ...], final: Callable[[Any], Awaitable[Response]]
) -> Response:
    """`run_chain` for an async route (or async middlewares): an `async def` middleware is
    awaited with an awaitable `next_middleware`; a sync one runs in a worker thread with a
    copy of the call's context, and its `next_middleware(app)` runs the rest of the chain on
    the event loop and waits for it, as Powertools does."""
    call: Callable[[Any], Awaitable[Response]] = final
    for middleware in reversed(middlewares):
        call = _bind_async(middleware, call)
    return await call(app)


def _bind_async(
    middleware: Middleware, next_call: Callable[[Any], Awaitable[Response]]
) -> Callable[[Any], Awaitable[Response]]:
    from router_core.route_calls import is_async

    name = getattr(middleware, "__name__", type(middleware).__name__)
    if is_async(middleware):

        async def awaited(app: Any) -> Response:
            result: Response | None = await middleware(app, next_call)  # type: ignore[misc,arg-type]
            if result is None:
                raise TypeError(f"middleware {name} returned None; return next_middleware(app)")
            return result

        return awaited

    async def in_thread(app: Any) -> Response:
        import asyncio
        import contextvars

        loop = asyncio.get_running_loop()

        async def rest(app: Any) -> Response:
            return await next_call(app)

        def next_middleware(app: Any) -> Response:
            return asyncio.run_coroutine_threadsafe(rest(app), loop).result()

        context = contextvars.copy_context()
        result: Response | None = await loop.run_in_executor(
            None, context.run, middleware, app, next_middleware
        )
        if result is None:
            raise TypeError(f"middleware {name} returned None; return next_middleware(app)")
        return result

    return in_thread


def __getattr__(name: str) -> Any:
    # The type aliases exist at run time too (Powertools code imports them), built on first
    # use so that resolving never imports `typing`.
    if name in ("NextMiddleware", "Middleware"):
        from typing import Any, Callable

        from router_core.response import Response

        next_middleware = Callable[[Any], Response]
        aliases = {
            "NextMiddleware": next_middleware,
            "Middleware": Callable[[Any, next_middleware], Response],
        }
        globals().update(aliases)
        return aliases[name]
    raise AttributeError(f"module 'router_core.middleware' has no attribute {name!r}")
