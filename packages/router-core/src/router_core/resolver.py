"""`BaseResolver`: turns a source's event into a call of the matching route, and the
route's result into the source's response dict.

Data flows one way: event -> source event class -> match -> middlewares -> handler ->
Response -> extensions -> HEAD body removal -> codec -> dict. Per-invocation state lives in
context variables, so concurrent `resolve` calls in threads never see each other's data.
"""

from __future__ import annotations

import os
from contextvars import ContextVar

from router_core.response import Response
from router_core.results import JSON, Results, binary_content_type
from router_core.router import Route, Router
from router_core.routing.rules import normalize_path, parse_rule
from router_core.serializer import dumps, dumps_pretty

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any, Callable, ClassVar, Union

    from router_core.codec import Codec
    from router_core.event import BaseEvent
    from router_core.extensions import Extension
    from router_core.testing import TestClient

    Prefix = Union[str, re.Pattern[str]]

_TRUE = frozenset({"1", "true", "yes", "on"})


class BaseResolver(Results, Router):
    """Routes events of one source. Adapters set `event_class` and `codec`."""

    event_class: ClassVar[type[BaseEvent]]
    codec: ClassVar[Codec]

    def __init__(
        self,
        cors: Any = None,
        debug: bool | None = None,
        serializer: Callable[[Any], str] | None = None,
        strip_prefixes: list[Prefix] | None = None,
        enable_validation: bool = False,
    ) -> None:
        if enable_validation:
            # Accepted as False for code written for Powertools; validation is not provided.
            raise NotImplementedError(
                "enable_validation=True: request and response validation is not provided yet"
            )
        super().__init__()
        self._owner = self
        if debug is None:
            debug = os.environ.get("ROUTER_DEBUG", "").strip().lower() in _TRUE
        self._debug = debug
        self._serializer = serializer or (dumps_pretty if self._debug else dumps)
        self._strip_prefixes = tuple(_check_prefix(p) for p in strip_prefixes or ())
        self._extensions: tuple[Extension, ...] = ()
        self._extension_names: set[str] = set()
        self._before: tuple[Extension, ...] = ()
        self._after: tuple[Extension, ...] = ()
        self._extra_methods: frozenset[str] = frozenset()
        self._ready = False
        self._fast_body_limit = 0
        self._static_routes: dict[str, dict[str, Any]] = {}
        self._current: ContextVar[tuple[BaseEvent, Any] | None] = ContextVar(
            "router_current", default=None
        )
        self._context: ContextVar[dict[str, Any] | None] = ContextVar(
            "router_context", default=None
        )
        if cors:
            self._add_extension("cors", "cors= on the resolver", cors, True)

    # -- registration ------------------------------------------------------------------------
    def _add_route(self, route: Route) -> None:
        super()._add_route(route)
        self._ready = False
        if route.cors and "cors" not in self._extension_names:
            self._add_extension("cors", f"cors=True on route {route.rule.text!r}", True, False)

    def use(self, middlewares: list[Any]) -> None:
        super().use(middlewares)
        self._ready = False

    def include_router(self, router: Router, prefix: str | None = None) -> None:
        """Copy `router`'s routes into this app, under `prefix` (e.g. `"/todos"`)."""
        if prefix is not None and (not prefix.startswith("/") or prefix.rstrip("/") == ""):
            raise ValueError(
                f"include_router prefix {prefix!r} must start with '/' and name a path"
            )
        base = prefix.rstrip("/") if prefix else ""
        for rule, methods, route in router._table.routes():
            text = base + rule.text if rule.text != "/" else (base or "/")
            self._add_route(
                Route(
                    parse_rule(text),
                    methods,
                    route.func,
                    route.cors,
                    route.compress,
                    route.cache_control,
                    tuple(router._middlewares) + route.middlewares,
                )
            )
        self._exception_handlers.update(router._exception_handlers)
        router._owner = self

    @property
    def not_found(self) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator for the handler of unmatched paths: `@app.not_found`, gets NotFoundError."""
        from router_core.exceptions import NotFoundError

        return self.exception_handler(NotFoundError)

    def _add_extension(self, name: str, feature: str, option: Any, app_wide: bool) -> None:
        from router_core.extensions import create_extension

        extension = create_extension(name, feature, option, app_wide)
        self._extension_names.add(name)
        for required in extension.requires:
            if required not in self._extension_names:
                self._add_extension(required, feature, None, True)
        extensions = sorted((*self._extensions, extension), key=lambda e: e.order)
        self._extensions = tuple(extensions)
        self._before = tuple(e for e in extensions if _overrides(e, "before_route"))
        self._after = tuple(e for e in extensions if _overrides(e, "after_route"))
        self._extra_methods = frozenset().union(*(e.adds_methods for e in extensions))
        self._ready = False  # routes are no longer plain once an extension runs after them

    def _prepare(self) -> None:
        app_middlewares = tuple(self._middlewares)
        for _rule, _methods, route in self._table.routes():
            route.middlewares_chain = app_middlewares + route.middlewares
            route.plain = not (
                route.middlewares_chain or route.cache_control or route.compress or self._after
            )
        # Below this, a JSON body cannot bring the encoded response near the source's limit.
        self._fast_body_limit = (self.codec.max_response_bytes - 65536) // 6
        self._static_routes = self._table.static_routes()  # compiled now, not mid-request
        self._ready = True

    # -- per-invocation state ----------------------------------------------------------------
    @property
    def current_event(self) -> BaseEvent:
        current = self._current.get()
        if current is None:
            raise RuntimeError("current_event is only available while an event is resolved")
        return current[0]

    @property
    def lambda_context(self) -> Any:
        current = self._current.get()
        return None if current is None else current[1]

    @property
    def context(self) -> dict[str, Any]:
        """Values shared by middlewares and handlers for this invocation, then cleared."""
        context = self._context.get()
        if context is None:
            context = {}
            self._context.set(context)
        return context

    def append_context(self, **values: Any) -> None:
        self.context.update(values)

    def clear_context(self) -> None:
        self._context.set(None)

    # -- resolving ---------------------------------------------------------------------------
    def resolve(self, event: dict[str, Any], context: Any = None) -> dict[str, Any]:
        """Route `event` and return the source's response dict."""
        if not self._ready:
            self._prepare()
        # Validated by route_target() below, the first thing resolving asks of it.
        request = self.event_class(event, False)
        if self._debug:
            from router_core.debug import print_event

            print_event(event)
        token = self._current.set((request, context))
        # Routing and the handler's call are inlined here: this is the per-request hot path.
        try:
            method, path = request.route_target()
            if self._strip_prefixes:
                path = self._strip(path)
            if path[:1] != "/" or (path[-1:] == "/" and path != "/"):
                path = normalize_path(path)
            if self._before:
                from router_core.extensions import Match

                match = Match(None, path, self._table, request.PATH_ENCODED, self._extra_methods)
                for extension in self._before:
                    answer = extension.before_route(request, match)
                    if answer is not None:
                        return self._finish(request, method, match, answer)
            # A static path is one dict lookup, tried here before the table's general match.
            entries = self._static_routes.get(path)
            entry = entries.get(method) if entries is not None else None
            params: dict[str, Any]
            if entry is not None and not (request.PATH_ENCODED and "%" in path):
                route, params = entry.route, {}
            else:
                found = self._table.match_dynamic(method, path, request.PATH_ENCODED)
                if found is None:
                    return self._unmatched(request, method, path)
                route, params = found
            if route.plain:
                # The common case, kept lean: no middlewares, no extensions, no route options.
                try:
                    result = route.func(**params)
                except Exception as error:
                    handled = self._handle_error(error)
                    if handled is None:
                        raise
                    result = handled
                if type(result) is dict and method != "HEAD":
                    body = self._serializer(result)
                    if len(body) < self._fast_body_limit:
                        return self.codec.encode_json(200, body, request)
                    result = Response(200, JSON, body)
                response = self._to_response(result)
            else:
                response = self._call(route, params)
            return self._respond(request, method, path, route, response)
        finally:
            self._current.reset(token)
            if self._context.get() is not None:
                self._context.set(None)

    __call__ = resolve

    def _strip(self, path: str) -> str:
        for prefix in self._strip_prefixes:
            if isinstance(prefix, str):
                if path.startswith(prefix) and (
                    len(path) == len(prefix) or path[len(prefix)] == "/"
                ):
                    path = path[len(prefix) :] or "/"
                    break
            else:
                found = prefix.match(path)
                if found is not None:
                    path = path[found.end() :]
                    break
        return path

    def _call(self, route: Route, params: dict[str, Any]) -> Response:
        """Call a route that has middlewares or options, handling what it raises."""
        if route.middlewares_chain:
            return self._call_with_middlewares(route, params)
        try:
            return self._to_response(route.func(**params))
        except Exception as error:
            handled = self._handle_error(error)
            if handled is None:
                raise
            return handled

    def _respond(
        self, request: BaseEvent, method: str, path: str, route: Route, response: Response
    ) -> dict[str, Any]:
        """Run what the response needs (route options, extensions, HEAD), then encode it."""
        if (
            self._after
            or route.cache_control
            or route.compress
            or response.compress
            or method == "HEAD"
            or isinstance(response.body, bytes)
            or ("binary" not in self._extension_names and binary_content_type(response))
        ):
            from router_core.extensions import Match

            match = Match(route, path, self._table, request.PATH_ENCODED, self._extra_methods)
            return self._finish(request, method, match, response)
        return self._encode(request, response)

    def _call_with_middlewares(self, route: Route, params: dict[str, Any]) -> Response:
        def call_handler(app: Any) -> Response:
            return self._to_response(route.func(**params))

        # Powertools keeps the route's arguments here, for middlewares that read them.
        self.context["_route_args"] = params
        try:
            # A middleware may answer by itself with a Response whose body is still a dict.
            from router_core.middleware import run_chain

            return self._to_response(run_chain(self, route.middlewares_chain, call_handler))
        except Exception as error:
            handled = self._handle_error(error)
            if handled is None:
                raise
            return handled

    def _unmatched(self, request: BaseEvent, method: str, path: str) -> dict[str, Any]:
        from router_core.exceptions import MethodNotAllowedError, NotFoundError, ServiceError
        from router_core.extensions import Match
        from router_core.middleware import run_chain

        match = Match(None, path, self._table, request.PATH_ENCODED, self._extra_methods)
        allowed = match.methods
        error: ServiceError = MethodNotAllowedError() if allowed else NotFoundError()

        def answer(app: Any) -> Response:
            handler = self._find_handler(type(error), routing=True)
            if handler is not None:
                return self._to_response(handler(error))
            response = self._error_response(error)
            if allowed:
                response.set_header("Allow", ", ".join(allowed))
            return response

        try:
            response = self._to_response(run_chain(self, tuple(self._middlewares), answer))
        except Exception as raised:
            handled = self._handle_error(raised)
            if handled is None:
                raise
            response = handled
        return self._finish(request, method, match, response)

    # -- tools -------------------------------------------------------------------------------
    def test_client(self) -> TestClient:
        """A client that sends realistic events of this source: `app.test_client().get("/")`."""
        from router_core.testing import TestClient

        return TestClient(self)


def _overrides(extension: Extension, hook: str) -> bool:
    from router_core.extensions import Extension

    return getattr(type(extension), hook) is not getattr(Extension, hook)


def _check_prefix(prefix: Any) -> Any:
    if isinstance(prefix, str):
        stripped = prefix.rstrip("/")
        if not stripped.startswith("/"):
            raise ValueError(f"strip_prefixes entry {prefix!r} must start with '/' and name a path")
        return stripped
    if hasattr(prefix, "match"):
        return prefix
    raise TypeError(f"strip_prefixes takes strings or compiled regexes, got {prefix!r}")
