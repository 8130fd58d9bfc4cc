"""Per-call state: one module-level context variable holds the call in progress.

Every `resolve` sets it first and resets it last (also when the handler raised), so that:
- concurrent calls in threads or asyncio tasks never see each other's event or context;
- a `Router` included in several apps reads whichever call is running, through any of them;
- a nested `resolve` (an app calling another app) gives the outer call its state back.

The call is a short list indexed by the constants below rather than an object, because it
is created on every request's path and a list is the cheapest mutable record Python has.
"""

from __future__ import annotations

from contextvars import ContextVar

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.request import Request

#: Indexes into a call: the source's event object, Lambda's context object, the app that
#: resolves it, the call's context dict (created on first use), the routing `Match`, and the
#: call's `Request` (created on first use).
EVENT, LAMBDA_CONTEXT, APP, CONTEXT, MATCH, REQUEST = range(6)

CALL: ContextVar[list[Any] | None] = ContextVar("router_call", default=None)


def current() -> list[Any]:
    """The call in progress; RuntimeError outside of one."""
    call = CALL.get()
    if call is None:
        raise RuntimeError(
            "no event is being resolved: current_event, lambda_context and request are only "
            "available inside a handler, a middleware or an exception handler"
        )
    return call


def call_context(call: list[Any]) -> dict[str, Any]:
    """The call's context dict, created on first use."""
    context: dict[str, Any] | None = call[CONTEXT]
    if context is None:
        context = call[CONTEXT] = {}
    return context


def call_request(call: list[Any]) -> Request:
    """The call's `Request`, created on first use and shared by its middlewares, its
    dependencies and its handler."""
    request: Request | None = call[REQUEST]
    if request is None:
        from router_core.request import Request

        match = call[MATCH]
        route = None if match is None else match.route
        request = call[REQUEST] = Request(
            call[EVENT],
            None if route is None else route.rule.text,
            {} if match is None else match.params,
            call_context(call),
        )
    return request
