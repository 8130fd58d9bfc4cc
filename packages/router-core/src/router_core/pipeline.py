"""The pipeline: how one event becomes the source's response dict.

    event -> match -> before_route hooks -> middlewares -> handler -> after_route hooks
          -> HEAD body removal -> codec

A `Pipeline` is an app compiled for resolving: an immutable snapshot of its routes' calls,
extensions, middlewares and handlers, built at the first resolve (and again after the app
changes). Resolving reads the snapshot once, so a thread that loads an extra on demand never
changes what another thread's request is running. Sync and async resolving share every step
but the call of the route itself (`call_route`).
"""

from __future__ import annotations

from router_core import state
from router_core.exception_handlers import ExceptionHandlers
from router_core.extensions import ORDER_HEAD, overrides
from router_core.response import Response
from router_core.router import DOCUMENTATION_OPTIONS
from router_core.routing import normalize_path
from router_core.writer import JSON, ResponseWriter

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any, Callable, Union

    from router_core.codec import Codec
    from router_core.event import BaseEvent
    from router_core.extensions import Extension, RouteCall
    from router_core.middleware import Middleware
    from router_core.resolver import BaseResolver
    from router_core.router import Route
    from router_core.routing import Match, RouteTable

    Prefix = Union[str, re.Pattern[str]]


class Pipeline:
    """One app, compiled for resolving events."""

    __slots__ = (
        "after",
        "after_head",
        "app",
        "before",
        "codec",
        "debug",
        "event_class",
        "event_options",
        "extension_names",
        "extra_methods",
        "fast_body_limit",
        "handlers",
        "middlewares",
        "serializer",
        "strip_prefixes",
        "table",
        "writer",
    )

    def __init__(self, app: BaseResolver[Any], extensions: tuple[Extension, ...]) -> None:
        self.app = app
        self.event_class = app.event_class
        self.event_options: dict[str, Any] = app._event_options
        self.codec: Codec = app.codec
        self.table: RouteTable = app._table
        self.debug: bool = app._debug
        self.serializer = app._serializer
        self.writer = ResponseWriter(self.codec, self.serializer)
        self.strip_prefixes: tuple[Prefix, ...] = app._strip_prefixes
        self.handlers = ExceptionHandlers(app._exception_handlers)
        self.middlewares: tuple[Middleware, ...] = tuple(
            self._middleware(m) for m in app._middlewares
        )
        self.extension_names = frozenset(e.name for e in extensions)
        self.before = tuple(e for e in extensions if overrides(e, "before_route"))
        after = [e for e in extensions if overrides(e, "after_route")]
        self.after = tuple(e for e in after if e.order < ORDER_HEAD)
        self.after_head = tuple(e for e in after if e.order >= ORDER_HEAD)
        self.extra_methods = frozenset().union(*(e.adds_methods for e in extensions))
        # Below this, a JSON body cannot bring the encoded response near the source's limit.
        self.fast_body_limit = (self.codec.max_response_bytes - 65536) // 6
        compilers = tuple(e for e in extensions if overrides(e, "compile_route"))
        known = DOCUMENTATION_OPTIONS.union(*(e.route_options for e in extensions))
        for route in app._routes:
            unknown = set(route.options) - known
            if unknown:
                raise TypeError(
                    f"{route!r}: unknown route option(s) {sorted(unknown)}; an extension that "
                    "reads them must be added first (its `route_options`)"
                )
            self._compile(route, compilers)

    # -- compiling ---------------------------------------------------------------------------
    def _compile(self, route: Route, compilers: tuple[Extension, ...]) -> None:
        chain = self.middlewares + route.middlewares
        call, injects = self._route_call(route, chain)
        direct = call
        for extension in compilers:
            call = extension.compile_route(route, call)
        route.call = call
        route.plain = not (
            chain
            or injects
            or call is not direct
            or route.cache_control
            or route.compress
            or self.after
            or self.after_head
        )

    def _route_call(self, route: Route, chain: tuple[Middleware, ...]) -> tuple[RouteCall, bool]:
        """The route's call, and whether it injects `Request` or dependencies."""
        func = route.func
        writer = self.writer
        overrides = self.app.dependency_overrides
        invoker = None
        if route.may_inject:
            from router_core.dependencies import compile_handler

            invoker = compile_handler(func, route.rule.names)
        if not chain:
            if invoker is None:

                def call(params: dict[str, Any]) -> Any:
                    return func(**params)

                return call, False

            def call_injected(params: dict[str, Any]) -> Any:
                request = state.call_request(state.current())
                return invoker(params, request, overrides or None)

            return call_injected, True

        from router_core.middleware import run_chain

        chain = tuple(self._middleware(m) for m in chain)

        def call_with_middlewares(params: dict[str, Any]) -> Any:
            call = state.current()
            context = state.call_context(call)
            # Powertools keeps the route's arguments here: a middleware may read or change them.
            context["_route_args"] = dict(params)

            def handler(app: Any) -> Response:
                arguments = context.get("_route_args", params)
                if invoker is None:
                    result = func(**arguments)
                else:
                    result = invoker(arguments, state.call_request(call), overrides or None)
                return writer.to_response(result, route.status_code)

            return run_chain(self.app, chain, handler)

        return call_with_middlewares, invoker is not None

    def _middleware(self, middleware: Middleware) -> Middleware:
        """`middleware`, or a wrapper that injects the `Request` and `Depends` it declares."""
        from router_core.router import may_inject

        if not may_inject(middleware):
            return middleware
        from router_core.dependencies import compile_middleware

        invoker = compile_middleware(middleware)
        if invoker is None:
            return middleware
        overrides = self.app.dependency_overrides

        def injected(app: Any, next_middleware: Any) -> Any:
            request = state.call_request(state.current())
            return invoker(app, next_middleware, request, overrides or None)

        injected.__name__ = getattr(middleware, "__name__", "middleware")
        return injected

    # -- resolving ---------------------------------------------------------------------------
    def run(self, raw: dict[str, Any], lambda_context: Any) -> dict[str, Any]:
        """Resolve one event: the whole pipeline, with the common case kept lean."""
        # Validated by route_target(), the first thing asked of it.
        options = self.event_options
        event = self.event_class(raw, False, **options) if options else self.event_class(raw, False)
        if self.debug:
            from router_core.debug import print_event

            print_event(raw)
        app = self.app
        call = [event, lambda_context, app, app._context_before_call, None, None]
        if call[state.CONTEXT] is not None:
            app._context_before_call = None  # the first call takes it, as in Powertools
        token = state.CALL.set(call)
        try:
            method, path = event.route_target()
            if self.strip_prefixes:
                path = self._strip(path)
            if path[:1] != "/" or (path[-1:] == "/" and path != "/"):
                path = normalize_path(path)
            match = self.table.match(method, path, encoded=event.PATH_ENCODED)
            call[state.MATCH] = match
            for extension in self.before:
                answer = extension.before_route(event, match)
                if answer is not None:
                    return self.finish(event, method, match, self._through_middlewares(answer))
            route = match.route
            if route is None:
                return self.finish(event, method, match, self.unmatched(match))
            if route.plain:
                # Nothing but the handler runs for this route: call it directly.
                try:
                    result = route.func(**match.params)
                except Exception as error:
                    response = self.answer_error(error)
                else:
                    if type(result) is dict and method != "HEAD":
                        body = self.serializer(result)
                        if len(body) < self.fast_body_limit:
                            return self.codec.encode_json(route.status_code, body, event)
                        response = Response(route.status_code, JSON, body)
                    else:
                        response = self.writer.to_response(result, route.status_code)
            else:
                response = self.call_route(route, match.params)
            return self.finish(event, method, match, response)
        finally:
            state.CALL.reset(token)

    def _strip(self, path: str) -> str:
        for prefix in self.strip_prefixes:
            if isinstance(prefix, str):
                if path.startswith(prefix) and (
                    len(path) == len(prefix) or path[len(prefix)] == "/"
                ):
                    return path[len(prefix) :] or "/"
            else:
                found = prefix.match(path)
                if found is not None:
                    return path[found.end() :]
        return path

    def call_route(self, route: Route, params: dict[str, Any]) -> Response:
        """Run the route's compiled call (middlewares, handler, extension wrappers)."""
        call = route.call
        if call is None:  # compiled by another pipeline after this one was taken
            raise RuntimeError(f"{route!r} was not compiled")
        try:
            return self.writer.to_response(call(params), route.status_code)
        except Exception as error:
            return self.answer_error(error)

    def answer_error(self, error: Exception) -> Response:
        """The exception handlers' answer to `error`; re-raises it when nothing answers."""
        writer = self.writer
        return self.handlers.answer(error, writer.to_response, writer.error_response, self.debug)

    def unmatched(self, match: Match) -> Response:
        """Routing's own answer, through the app's middlewares: 405 with `Allow` when the
        path has other methods, else 404 (or what `not_found` returns)."""
        from router_core.exceptions import MethodNotAllowedError, NotFoundError, ServiceError

        allowed = match.methods
        if allowed and self.extra_methods:
            allowed = tuple(sorted({*allowed, *self.extra_methods}))
        error: ServiceError = MethodNotAllowedError() if allowed else NotFoundError()
        writer = self.writer

        def answer(app: Any) -> Response:
            handler = self.handlers.find(type(error), routing=True)
            if handler is not None:
                return self.handlers.answer(
                    error, writer.to_response, writer.error_response, self.debug
                )
            response = writer.error_response(error)
            if allowed:
                response.set_header("Allow", ", ".join(allowed))
            return response

        return self._through_middlewares(answer)

    def _through_middlewares(self, answer: Response | Callable[[Any], Response]) -> Response:
        """Routing's and extensions' own answers pass through the app's middlewares too."""
        final = answer if callable(answer) else (lambda app: answer)
        if not self.middlewares:
            try:
                return final(self.app)
            except Exception as error:
                return self.answer_error(error)
        from router_core.middleware import run_chain

        try:
            return self.writer.to_response(run_chain(self.app, self.middlewares, final))
        except Exception as error:
            return self.answer_error(error)

    def finish(
        self, event: BaseEvent, method: str, match: Match, response: Response
    ) -> dict[str, Any]:
        """Serialization, route options, the `after_route` hooks, HEAD body removal, then
        the codec."""
        body = response.body
        if body is not None and not isinstance(body, (str, bytes)):
            try:
                response.body = self.serializer(body)
            except Exception as error:
                response = self.answer_error(error)
                self.writer.serialize(response)
        route = match.route
        if route is not None:
            if route.cache_control:
                ok = response.status_code == 200
                response.set_header("Cache-Control", route.cache_control if ok else "no-cache")
            if response.compress is None and route.compress:
                response.compress = True
        pipeline = self
        names = self.extension_names
        if (response.compress and "compression" not in names) or (
            isinstance(response.body, bytes) and "binary" not in names
        ):
            from router_core.exceptions import MissingExtraError

            try:
                pipeline = self.app._load_extras_for(response)
            except MissingExtraError as error:
                from router_core import log

                log.error("router: %s", error)
                return self.writer.internal_error(event)
        for extension in pipeline.after:
            extension.after_route(event, match, response)
        if method == "HEAD":
            response.body = ""
        for extension in pipeline.after_head:
            extension.after_route(event, match, response)
        return self.writer.encode(event, response)
