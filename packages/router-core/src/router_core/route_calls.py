"""How a route's call is built when the app compiles: its handler (with `Request` and
`Depends` injected), wrapped in its middlewares.

A route's call takes the route's parameters and returns what the handler chain returns. It
is a plain function for a sync route; for a route where anything is `async def` (the handler,
a middleware, a dependency) it returns an awaitable, which `resolve_async` awaits and a sync
entry runs on the thread's event loop (`router_core.loops`).
"""

from __future__ import annotations

from router_core import state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from router_core.extensions import RouteCall
    from router_core.middleware import Middleware
    from router_core.response import Response
    from router_core.router import Route
    from router_core.writer import ResponseWriter

# The code flag of an `async def` function (inspect.CO_COROUTINE), read without `inspect`.
_CO_COROUTINE = 0x80


def is_async(func: Any) -> bool:
    """Whether calling `func` returns a coroutine; cheap for plain functions."""
    code = getattr(func, "__code__", None)
    if code is not None:
        return bool(code.co_flags & _CO_COROUTINE)
    from router_core.signature import call_flags  # a partial, an instance's __call__

    return call_flags(func)[0]


def middleware_call(middleware: Middleware, overrides: dict[Any, Any]) -> Middleware:
    """`middleware`, or a wrapper that injects the `Request` and `Depends` it declares (an
    `async def` wrapper when the middleware or a dependency is async)."""
    from router_core.router import may_inject

    if not may_inject(middleware):
        return middleware
    from router_core.dependencies import compile_middleware

    invoker = compile_middleware(middleware)
    if invoker is None:
        return middleware
    name = getattr(middleware, "__name__", "middleware")
    if invoker.plan.is_async or invoker.plan.is_coroutine:

        async def injected_async(app: Any, next_middleware: Any) -> Any:
            request = state.call_request(state.current())
            return await invoker(app, next_middleware, request, overrides or None)

        injected_async.__name__ = name
        return injected_async  # type: ignore[return-value]

    def injected(app: Any, next_middleware: Any) -> Any:
        request = state.call_request(state.current())
        return invoker(app, next_middleware, request, overrides or None)

    injected.__name__ = name
    return injected


def route_call(
    app: Any, route: Route, chain: tuple[Middleware, ...], writer: ResponseWriter
) -> tuple[RouteCall, bool, bool]:
    """The route's call, whether it injects `Request` or dependencies, and whether it is
    async (returns an awaitable)."""
    func = route.func
    overrides = app.dependency_overrides
    invoker = None
    if route.may_inject:
        from router_core.dependencies import compile_handler

        invoker = compile_handler(func, route.rule.names)
    injects = invoker is not None
    handler_async = (
        invoker.plan.is_async or invoker.plan.is_coroutine
        if invoker is not None
        else is_async(func)
    )
    if not chain:
        if invoker is None:

            def call(params: dict[str, Any]) -> Any:
                return func(**params)

            return call, False, handler_async

        def call_injected(params: dict[str, Any]) -> Any:
            request = state.call_request(state.current())
            return invoker(params, request, overrides or None)

        return call_injected, True, handler_async

    def handler_result(call: list[Any], context: dict[str, Any], params: dict[str, Any]) -> Any:
        # Powertools hands the handler the route's arguments as a middleware left them.
        arguments = context.get("_route_args", params)
        if invoker is None:
            return func(**arguments)
        return invoker(arguments, state.call_request(call), overrides or None)

    if not (handler_async or any(is_async(m) for m in chain)):
        from router_core.middleware import run_chain

        def call_with_middlewares(params: dict[str, Any]) -> Any:
            call = state.current()
            context = state.call_context(call)
            context["_route_args"] = dict(params)

            def handler(app: Any) -> Response:
                result = handler_result(call, context, params)
                if hasattr(result, "__await__"):  # an async dependency override
                    from router_core.loops import run

                    result = run(result)
                return writer.to_response(result, route.status_code)

            return run_chain(app, chain, handler)

        return call_with_middlewares, injects, False

    from router_core.middleware import run_chain_async

    async def call_with_middlewares_async(params: dict[str, Any]) -> Any:
        call = state.current()
        context = state.call_context(call)
        context["_route_args"] = dict(params)

        async def handler(app: Any) -> Response:
            result = handler_result(call, context, params)
            if hasattr(result, "__await__"):
                result = await result
            return writer.to_response(result, route.status_code)

        return await run_chain_async(app, chain, handler)

    return call_with_middlewares_async, injects, True


def settled(value: Any) -> Any:
    """`value`, or what it resolves to when it is awaitable (run on the thread's loop)."""
    if hasattr(value, "__await__"):
        from router_core.loops import run

        return run(value)
    return value


def callable_answer(answer: Response | Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A `before_route` answer (a Response) or routing's answer (a function) as the final
    step of a middleware chain."""
    if callable(answer):
        return answer
    return lambda app: answer
