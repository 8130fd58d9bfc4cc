"""Middlewares: `def mw(app, next_middleware) -> Response`, Powertools' signature.

A middleware may change the request's context, short-circuit with its own Response, or
call `next_middleware(app)` and change the Response it gets back. The app's middlewares
(`app.use`) wrap every route and routing's own 404/405; a Router's wrap only its routes;
a route's `middlewares=` wrap only that route.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from router_core.response import Response

    NextMiddleware = Callable[[Any], Response]
    Middleware = Callable[[Any, NextMiddleware], Response]


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
            name = getattr(middleware, "__name__", repr(middleware))
            raise TypeError(f"middleware {name} returned None; return next_middleware(app)")
        return result

    call.__name__ = getattr(middleware, "__name__", "middleware")
    return call
