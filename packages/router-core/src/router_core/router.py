"""`Router`: route decorators, middlewares and exception handlers, for an app or a part of it.

A `Router` holds routes until `app.include_router(router, prefix=...)` copies them into the
app. Its `current_event`, `context` and `request` read the call in progress, whichever app
runs it, so one `Router` may be included in several apps.
"""

from __future__ import annotations

from router_core import state
from router_core.codec import TOKEN_CHARS
from router_core.routing import RouteTable, parse_rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar, Union

    from router_core.event import BaseEvent
    from router_core.extensions import RouteCall
    from router_core.middleware import Middleware
    from router_core.request import Request
    from router_core.routing import Rule

    F = TypeVar("F", bound=Callable[..., Any])
    ExceptionTypes = Union[type[BaseException], list[type[BaseException]]]

#: Route keywords core stores for router-openapi and router-validation, importing nothing.
DOCUMENTATION_OPTIONS = frozenset(
    {
        "summary",
        "description",
        "responses",
        "response_description",
        "tags",
        "operation_id",
        "include_in_schema",
        "security",
        "openapi_extensions",
        "deprecated",
        "enable_validation",
        "custom_response_validation_http_code",
    }
)


class Route:
    """A registered handler and its options.

    `call` and `plain` are set when the app compiles its routes (first resolve): `call` runs
    the route's middlewares and handler (wrapped by extensions' `compile_route`), and `plain`
    says that nothing but the handler runs, the resolver's fast path.
    """

    __slots__ = (
        "bare",
        "cache_control",
        "call",
        "compress",
        "cors",
        "direct",
        "func",
        "is_async",
        "may_inject",
        "methods",
        "middlewares",
        "options",
        "plain",
        "rule",
        "status_code",
    )

    def __init__(
        self,
        rule: Rule,
        methods: tuple[str, ...],
        func: Callable[..., Any],
        cors: bool | None = None,
        compress: bool = False,
        cache_control: str | None = None,
        middlewares: tuple[Middleware, ...] = (),
        status_code: int = 200,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.rule = rule
        self.methods = methods
        self.func = func
        self.cors = cors
        self.compress = compress
        self.cache_control = cache_control
        self.middlewares = middlewares
        self.status_code = status_code
        #: Other route keywords: documentation, validation, and those extensions declare.
        self.options: dict[str, Any] = options or {}
        self.call: RouteCall | None = None
        self.plain = False
        #: True when `call` is the handler alone (only options or extensions run around it).
        self.direct = False
        #: True when nothing but the handler runs, sync or async (`plain` is bare and sync).
        self.bare = False
        #: Whether `call` returns an awaitable (something `async def` in it), set at compile.
        self.is_async = False
        #: Whether the handler may declare `Request` or `Depends` (a cheap look at its
        #: annotations): only such routes are analysed when the app compiles.
        self.may_inject = may_inject(func)

    def copy(self, rule: Rule, middlewares: tuple[Middleware, ...]) -> Route:
        """This route under another rule, with `middlewares` around its own."""
        return Route(
            rule,
            self.methods,
            self.func,
            self.cors,
            self.compress,
            self.cache_control,
            middlewares + self.middlewares,
            self.status_code,
            self.options,
        )

    def __repr__(self) -> str:
        return f"Route({'|'.join(self.methods)} {self.rule.text!r} -> {self.func.__name__})"


def may_inject(func: Any) -> bool:
    """Whether `func` may declare `Request` or `Depends` parameters, from one look at its
    annotations: a route whose annotations are plain classes never loads the dependency
    machinery. Objects that are not plain functions are left to that machinery to decide."""
    if not hasattr(func, "__code__"):
        from router_core.middleware import BaseMiddlewareHandler

        return not isinstance(func, BaseMiddlewareHandler)
    annotations = func.__annotations__
    for name, value in annotations.items():
        if name == "return":
            continue
        if type(value) is str:
            if "Depends" in value or "Request" in value:
                return True
        elif type(value) is not type or value.__name__ == "Request":
            return True
    return False


def check_injection(func: Any) -> None:
    """Refuse at registration what can never be injected (a generator dependency)."""
    if may_inject(func):
        from router_core.dependencies import check_registration

        check_registration(func)


def _methods(method: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    methods = tuple(method) if isinstance(method, (list, tuple)) else (method,)
    if not methods:
        raise ValueError("a route needs at least one method")
    normalized = []
    for m in methods:
        # A method is a token (RFC 9110 section 9.1), so that extension methods such as
        # PURGE can be routed.
        if not isinstance(m, str) or not m or not TOKEN_CHARS.issuperset(m):
            raise ValueError(f"HTTP method {m!r} is not a method name (an RFC 9110 token)")
        normalized.append(m.upper())
    return tuple(normalized)


class Router:
    """Route decorators and handlers; `include_router` merges them into an app."""

    #: A Router's rule may omit the leading '/': it joins the prefix it is included under.
    _relative_rules = True

    def __init__(self) -> None:
        self._table = RouteTable()
        self._routes: list[Route] = []
        self._middlewares: list[Middleware] = []
        self._exception_handlers: dict[type[BaseException], Callable[..., Any]] = {}
        # `append_context` outside of a call: merged into the app by include_router.
        self._context_before_call: dict[str, Any] | None = None

    # -- registration ------------------------------------------------------------------------
    def route(
        self,
        rule: str,
        method: str | list[str] | tuple[str, ...] = "GET",
        cors: bool | None = None,
        compress: bool = False,
        cache_control: str | None = None,
        middlewares: list[Middleware] | None = None,
        status_code: int = 200,
        **options: Any,
    ) -> Callable[[F], F]:
        """Register the decorated function for `rule` and `method` (one or a list).

        `status_code` is the status of a successful answer that is not a `Response` or a
        `(body, status)` tuple. Other keywords are stored in `route.options` for the packages
        that read them (router-openapi's `summary`, `tags`, ...; an extension's own).
        """
        if self._relative_rules and isinstance(rule, str) and rule[:1] not in ("/", "."):
            rule = "/" + rule
        parsed = parse_rule(rule)
        methods = _methods(method)
        if isinstance(status_code, bool) or not isinstance(status_code, int):
            raise TypeError(f"route {rule!r}: status_code must be an int, got {status_code!r}")
        self._check_options(rule, cors, compress)

        for middleware in middlewares or ():
            check_injection(middleware)

        def register(func: F) -> F:
            if not callable(func):
                raise TypeError(f"route {rule!r}: the decorated object is not callable")
            check_injection(func)
            route = Route(
                parsed,
                methods,
                func,
                cors,
                compress,
                cache_control,
                tuple(middlewares or ()),
                status_code,
                options,
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
        self._routes.append(route)

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
        for middleware in middlewares:
            check_injection(middleware)
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

    def not_found(self, func: F | None = None) -> Any:
        """Register the handler of unmatched paths: `@app.not_found` or `@app.not_found()`.

        It receives the `NotFoundError` and may return what a route may.
        """
        from router_core.exceptions import NotFoundError

        register = self.exception_handler(NotFoundError)
        return register if func is None else register(func)

    # -- per-invocation state: the call in progress, whichever app runs it -------------------
    @property
    def current_event(self) -> BaseEvent:
        event: BaseEvent = state.current()[state.EVENT]
        return event

    @property
    def request(self) -> Request:
        """The call's `Request` (Powertools' name): the matched route's template, its path
        parameters, and the event's method, headers, query and body."""
        return state.call_request(state.current())

    @property
    def lambda_context(self) -> Any:
        call = state.CALL.get()
        return None if call is None else call[state.LAMBDA_CONTEXT]

    @property
    def context(self) -> dict[str, Any]:
        """Values shared by middlewares and handlers for this invocation, then cleared.

        Outside of a call (at import time) it holds what the first call starts with, as in
        Powertools; a Router's is merged into the app by `include_router`.
        """
        call = state.CALL.get()
        if call is None:
            if self._context_before_call is None:
                self._context_before_call = {}
            return self._context_before_call
        return state.call_context(call)

    def append_context(self, **values: Any) -> None:
        self.context.update(values)

    def clear_context(self) -> None:
        call = state.CALL.get()
        if call is None:
            self._context_before_call = None
        else:
            call[state.CONTEXT] = None
