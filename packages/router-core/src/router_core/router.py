"""`Router`: route decorators, middlewares and exception handlers, for an app or a part of it.

A `Router` holds routes until `app.include_router(router, prefix=...)` copies them into the
app; its `current_event` and `context` are then the app's.
"""

from __future__ import annotations

from router_core.routing import RouteTable, parse_rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar, Union

    from router_core.event import BaseEvent
    from router_core.middleware import Middleware
    from router_core.resolver import BaseResolver
    from router_core.routing import Rule

    F = TypeVar("F", bound=Callable[..., Any])
    ExceptionTypes = Union[type[BaseException], list[type[BaseException]]]

_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})


class Route:
    """A registered handler and its options."""

    __slots__ = (
        "cache_control",
        "compress",
        "cors",
        "func",
        "methods",
        "middlewares",
        "middlewares_chain",
        "plain",
        "rule",
    )

    def __init__(
        self,
        rule: Rule,
        methods: tuple[str, ...],
        func: Callable[..., Any],
        cors: bool | None,
        compress: bool,
        cache_control: str | None,
        middlewares: tuple[Middleware, ...],
    ) -> None:
        self.rule = rule
        self.methods = methods
        self.func = func
        self.cors = cors
        self.compress = compress
        self.cache_control = cache_control
        self.middlewares = middlewares
        # The app's middlewares plus these, set when the app prepares to resolve.
        self.middlewares_chain: tuple[Middleware, ...] = middlewares
        # True when nothing but the handler runs for this route (the resolver's fast path).
        self.plain = False

    def __repr__(self) -> str:
        return f"Route({'|'.join(self.methods)} {self.rule.text!r} -> {self.func.__name__})"


def _methods(method: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    methods = (method,) if isinstance(method, str) else tuple(method)
    normalized = tuple(m.upper() for m in methods)
    for m in normalized:
        if m not in _METHODS:
            raise ValueError(f"unsupported HTTP method {m!r}; use one of {sorted(_METHODS)}")
    if not normalized:
        raise ValueError("a route needs at least one method")
    return normalized


class Router:
    """Route decorators and handlers; `include_router` merges them into an app."""

    def __init__(self) -> None:
        self._table = RouteTable()
        self._middlewares: list[Middleware] = []
        self._exception_handlers: dict[type[BaseException], Callable[..., Any]] = {}
        self._owner: BaseResolver | None = None

    # -- registration ------------------------------------------------------------------------
    def route(
        self,
        rule: str,
        method: str | list[str] | tuple[str, ...] = "GET",
        cors: bool | None = None,
        compress: bool = False,
        cache_control: str | None = None,
        middlewares: list[Middleware] | None = None,
    ) -> Callable[[F], F]:
        """Register the decorated function for `rule` and `method` (one or a list)."""
        parsed = parse_rule(rule)
        methods = _methods(method)
        self._check_options(rule, cors, compress)

        def register(func: F) -> F:
            route = Route(
                parsed, methods, func, cors, compress, cache_control, tuple(middlewares or ())
            )
            self._add_route(route)
            return func

        return register

    def _check_options(self, rule: str, cors: bool | None, compress: bool) -> None:
        # Fail at cold start, not at the first request, when an extra is missing.
        if compress or cors:
            from router_core.extensions import load_extra

            if compress:
                load_extra("compression", f"compress=True on route {rule!r}")
            if cors:
                load_extra("cors", f"cors=True on route {rule!r}")

    def _add_route(self, route: Route) -> None:
        self._table.add(route.rule, route.methods, route)

    def get(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "GET", **options)

    def post(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "POST", **options)

    def put(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "PUT", **options)

    def patch(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "PATCH", **options)

    def delete(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "DELETE", **options)

    def head(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "HEAD", **options)

    def options(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "OPTIONS", **options)

    def use(self, middlewares: list[Middleware]) -> None:
        """Wrap this router's routes (the whole app's, on a resolver) in `middlewares`."""
        self._middlewares.extend(middlewares)

    def exception_handler(self, exc_class: ExceptionTypes) -> Callable[[F], F]:
        """Handle exceptions of `exc_class` (or of a list of classes) and their subclasses."""
        classes = exc_class if isinstance(exc_class, (list, tuple)) else [exc_class]
        for cls in classes:
            if not (isinstance(cls, type) and issubclass(cls, BaseException)):
                raise TypeError(f"exception_handler takes exception classes, got {cls!r}")

        def register(func: F) -> F:
            for cls in classes:
                self._exception_handlers[cls] = func
            return func

        return register

    # -- per-invocation state, the owning app's ----------------------------------------------
    def _app(self) -> BaseResolver:
        if self._owner is None:
            raise RuntimeError("this Router is not included in an app: call include_router")
        return self._owner

    @property
    def current_event(self) -> BaseEvent:
        return self._app().current_event

    @property
    def lambda_context(self) -> Any:
        return self._app().lambda_context

    @property
    def context(self) -> dict[str, Any]:
        return self._app().context

    def append_context(self, **values: Any) -> None:
        self._app().append_context(**values)
