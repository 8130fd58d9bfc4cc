"""The pipeline: how one event becomes the source's response dict.

    event -> match -> before_route hooks -> middlewares -> handler -> after_route hooks
          -> HEAD body removal -> codec

A `Pipeline` is an app compiled for resolving: an immutable snapshot of its routes' calls,
extensions, middlewares and handlers, built at the first resolve (and again after the app
changes). Resolving reads the snapshot once, so a thread that loads an extra on demand never
changes what another thread's request is running. Sync and async resolving share every step
but the call of the route itself: this module holds the sync entry (`Pipeline.run`) and the
shared steps, `pipeline_async` the async entry.
"""

from __future__ import annotations

from router_core import state
from router_core.response import Response
from router_core.route_calls import callable_answer, is_async, middleware_call, route_call, settled
from router_core.router import DOCUMENTATION_OPTIONS
from router_core.routing import normalize_path
from router_core.state import CONTEXT, MATCH
from router_core.writer import JSON, ResponseWriter

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Awaitable
    from typing import Any, Callable, Union

    from router_core.codec import Codec
    from router_core.event import BaseEvent
    from router_core.exception_handlers import ExceptionHandlers
    from router_core.exceptions import ServiceError
    from router_core.extensions import Extension
    from router_core.middleware import Middleware
    from router_core.resolver import BaseResolver
    from router_core.router import Route
    from router_core.routing import Match, RouteTable

    Prefix = Union[str, re.Pattern[str]]


class Pipeline:
    """One app, compiled for resolving events."""

    __slots__ = (
        "_handlers",
        "after",
        "after_head",
        "after_plain",
        "app",
        "async_middlewares",
        "before",
        "codec",
        "debug",
        "encoded",
        "event_class",
        "event_options",
        "extension_names",
        "extra_methods",
        "fast_body_limit",
        "match",
        "middlewares",
        "run",
        "run_async",
        "serializer",
        "strip_prefixes",
        "table",
        "writer",
    )

    before: tuple[Extension, ...]
    after: tuple[Extension, ...]
    after_head: tuple[Extension, ...]
    #: What each after_route hook adds to a plain JSON answer, when every hook says so.
    after_plain: tuple[Callable[[BaseEvent, Match], Any], ...] | None

    def __init__(self, app: BaseResolver[Any], extensions: tuple[Extension, ...]) -> None:
        self.app = app
        self.event_class = app.event_class
        self.event_options: dict[str, Any] = app._event_options
        self.codec: Codec = app.codec
        self.table: RouteTable = app._table
        self.match = self.table.match
        #: Whether the source's paths arrive percent-encoded (decoded once, per segment).
        self.encoded: bool = app.event_class.PATH_ENCODED
        self.debug: bool = app._debug
        self.serializer = app._serializer
        self.writer = ResponseWriter(self.codec, self.serializer)
        self.strip_prefixes: tuple[Prefix, ...] = app._strip_prefixes
        self._handlers: ExceptionHandlers | dict[Any, Any] = dict(app._exception_handlers)
        self.middlewares: tuple[Middleware, ...] = tuple(
            middleware_call(m, app.dependency_overrides) for m in app._middlewares
        )
        self.async_middlewares = any(is_async(m) for m in self.middlewares)
        self.extension_names = frozenset(e.name for e in extensions)
        # With no extension (a lean app), router_core.extensions is not even loaded.
        hooks = _hooks(extensions) if extensions else ((), (), (), None, ())
        self.before, self.after, self.after_head, self.after_plain, compilers = hooks
        self.extra_methods = frozenset().union(*(e.adds_methods for e in extensions))
        # Below this, no body can bring the encoded response near the source's limit (a
        # character is at most 12 bytes once escaped); a longer one is checked when encoded.
        self.fast_body_limit = (self.codec.max_response_bytes - 65536) // 12
        known = DOCUMENTATION_OPTIONS.union(*(e.route_options for e in extensions))
        for route in app._routes:
            unknown = set(route.options) - known
            if unknown:
                raise TypeError(
                    f"{route!r}: unknown route option(s) {sorted(unknown)}; an extension that "
                    "reads them must be added first (its `route_options`)"
                )
            self._compile(route, compilers)
        #: Resolve one event (`app.resolve` is this function): the whole pipeline.
        self.run = sync_entry(self)
        #: Its async twin (`app.resolve_async`), built by `async_run()` on first use.
        self.run_async: Callable[[dict[str, Any], Any], Awaitable[dict[str, Any]]] | None = None

    def async_run(self) -> Callable[[dict[str, Any], Any], Awaitable[dict[str, Any]]]:
        """`run_async`, built now if this is the first async call (see `pipeline_async`)."""
        run = self.run_async
        if run is None:
            from router_core.pipeline_async import async_entry

            run = self.run_async = async_entry(self)
        return run

    @property
    def handlers(self) -> ExceptionHandlers:
        """The app's exception handlers, set up on the first error (or routing answer)."""
        handlers = self._handlers
        if isinstance(handlers, dict):
            from router_core.exception_handlers import ExceptionHandlers

            handlers = self._handlers = ExceptionHandlers(handlers)
        return handlers

    # -- compiling ---------------------------------------------------------------------------
    def _compile(self, route: Route, compilers: tuple[Extension, ...]) -> None:
        chain = self.middlewares + tuple(
            middleware_call(m, self.app.dependency_overrides) for m in route.middlewares
        )
        call, injects, is_async_call = route_call(self.app, route, chain, self.writer)
        route.is_async = is_async_call
        direct = call
        for extension in compilers:
            call = extension.compile_route(route, call)
        route.call = call
        # `bare`: nothing but the handler runs (sync or async); `direct`: its call is the
        # handler, around which only options or extensions run; `plain`: bare and sync.
        route.direct = not (chain or injects or call is not direct)
        route.bare = route.direct and not (
            route.cache_control
            or route.compress
            or self.after_head
            or (self.after and self.after_plain is None)
        )
        route.plain = route.bare and not is_async_call

    # -- resolving, sync -----------------------------------------------------------------------
    def _plain_with_headers(
        self,
        plain: tuple[Callable[[BaseEvent, Match], Any], ...],
        event: BaseEvent,
        match: Match,
        status_code: int,
        body: str,
    ) -> dict[str, Any]:
        """A plain route's JSON answer with the headers the extensions add to it (CORS)."""
        if len(plain) == 1:  # one extension (CORS): its headers as they are
            added = plain[0](event, match)
            if not added:
                return self.codec.encode_json(status_code, body, event)
            try:
                return self.codec.encode_json_with(status_code, body, event, added)
            except ValueError as error:
                from router_core import log

                log.error("router: response refused: %s", error)
                return self.writer.internal_error(event)
        headers: dict[str, str] = {}
        for plain_headers in plain:
            added = plain_headers(event, match)
            if added:
                vary = headers.get("Vary")
                headers.update(added)
                if vary is not None and "Vary" in added:
                    headers["Vary"] = f"{vary}, {added['Vary']}"
        if not headers:
            return self.codec.encode_json(status_code, body, event)
        try:
            return self.codec.encode_json_with(status_code, body, event, headers)
        except ValueError as error:  # a header the source cannot carry
            from router_core import log

            log.error("router: response refused: %s", error)
            return self.writer.internal_error(event)

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
        """Run the route's compiled call (middlewares, handler, extension wrappers); an
        async one runs on the thread's event loop."""
        call = route.call
        if call is None:  # compiled by another pipeline after this one was taken
            raise RuntimeError(f"{route!r} was not compiled")
        try:
            return self.writer.to_response(settled(call(params)), route.status_code)
        except Exception as error:
            return self.answer_error(error)

    def answer_error(self, error: Exception) -> Response:
        """The exception handlers' answer to `error`; re-raises it when nothing answers."""
        writer = self.writer
        return self.handlers.answer(error, writer.to_response, writer.error_response, self.debug)

    def unmatched(self, match: Match) -> Response:
        """Routing's own answer, through the app's middlewares: 405 with `Allow` when the
        path has other methods, else 404 (or what `not_found` returns)."""
        if self.async_middlewares:
            from router_core.loops import run
            from router_core.pipeline_async import unmatched

            return run(unmatched(self, match))
        error, allowed = self._routing_error(match)
        writer = self.writer

        def answer(app: Any) -> Response:
            if self.handlers.find(type(error), routing=True) is not None:
                return self.handlers.answer(
                    error, writer.to_response, writer.error_response, self.debug
                )
            return self._routing_response(error, allowed)

        return self._through_middlewares(answer)

    def _through_middlewares(self, answer: Response | Callable[[Any], Any]) -> Response:
        """Routing's and extensions' own answers pass through the app's middlewares too."""
        if self.async_middlewares:
            from router_core.loops import run
            from router_core.pipeline_async import through_middlewares

            return run(through_middlewares(self, answer))
        final = callable_answer(answer)
        try:
            if not self.middlewares:
                return self.writer.to_response(final(self.app))
            from router_core.middleware import run_chain

            return self.writer.to_response(run_chain(self.app, self.middlewares, final))
        except Exception as error:
            return self.answer_error(error)

    # -- routing's own answers, and finishing: shared ------------------------------------------
    def _routing_error(self, match: Match) -> tuple[ServiceError, tuple[str, ...]]:
        from router_core.exceptions import MethodNotAllowedError, NotFoundError

        allowed = match.methods
        if allowed and self.extra_methods:
            allowed = tuple(sorted({*allowed, *self.extra_methods}))
        error: ServiceError = MethodNotAllowedError() if allowed else NotFoundError()
        return error, allowed

    def _routing_response(self, error: ServiceError, allowed: tuple[str, ...]) -> Response:
        response = self.writer.error_response(error)
        if allowed:
            response.set_header("Allow", ", ".join(allowed))
        return response

    def finish(
        self,
        event: BaseEvent,
        method: str,
        match: Match,
        response: Response,
        json_text: bool = False,
    ) -> dict[str, Any]:
        """Serialization, route options, the `after_route` hooks, HEAD body removal, then
        the codec."""
        body = response.body
        if body is not None and not isinstance(body, (str, bytes)):
            try:
                response.body = self.serializer(body)
                json_text = True
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
        return self.writer.encode(event, response, json_text)


def _hooks(extensions: tuple[Extension, ...]) -> tuple[Any, ...]:
    """The extensions by hook: before_route, after_route before HEAD and after it, the
    plain_headers functions, compile_route."""
    from router_core.extensions import ORDER_HEAD, overrides

    before = tuple(e for e in extensions if overrides(e, "before_route"))
    after = [e for e in extensions if overrides(e, "after_route")]
    after_body = tuple(e for e in after if e.order < ORDER_HEAD)
    after_head = tuple(e for e in after if e.order >= ORDER_HEAD)
    # When every after_route hook also says, by `plain_headers`, which headers it adds to a
    # plain JSON answer, plain routes keep the fast path with those headers added.
    plain = (
        tuple(e.plain_headers for e in after_body)
        if after_body and all(overrides(e, "plain_headers") for e in after_body)
        else None
    )
    compilers = tuple(e for e in extensions if overrides(e, "compile_route"))
    return before, after_body, after_head, plain, compilers


def sync_entry(pipeline: Pipeline) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """`Pipeline.run`: the sync pipeline as one function, the common case kept lean.

    It is a closure over the snapshot because a closure's variables cost less to read than
    attributes (a sixth of a plain route's cost), with every step of the common case inlined
    for the same reason. `pipeline_async.async_entry` mirrors it step for step, awaiting the
    calls; test_async.py checks that both entries answer alike.
    """
    p = pipeline
    new_event, options, debug, app = p.event_class, p.event_options, p.debug, p.app
    strip = p._strip if p.strip_prefixes else None
    table_match, compiled, encoded = p.match, p.table.compiled(), p.encoded
    static, dynamic = compiled.static, compiled.match
    before, finish, answer_error = p.before, p.finish, p.answer_error
    serializer, fast_body_limit, plain = p.serializer, p.fast_body_limit, p.after_plain
    encode_json, writer = p.codec.encode_json, p.writer
    set_call, reset_call = state.CALL.set, state.CALL.reset

    def run(raw: dict[str, Any], lambda_context: Any) -> dict[str, Any]:
        event = (
            new_event(raw, None, False)
            if not options
            else new_event(raw, validate=False, **options)
        )
        if debug:
            from router_core.debug import print_event

            print_event(raw)
        call = [event, lambda_context, app, app._context_before_call, None, None]
        if call[CONTEXT] is not None:
            app._context_before_call = None  # the first call takes it, as in Powertools
        token = set_call(call)
        try:
            method, path = event.route_target()
            if strip is not None:
                path = strip(path)
            if path[:1] != "/" or (path[-1:] == "/" and path != "/"):
                path = normalize_path(path)
            # The table's match, inlined: a static path is one dict lookup.
            shared = static.get(path)
            if shared is None:
                match = dynamic(method, path, encoded)
            else:
                found = None if encoded and "%" in path else shared.get(method)
                match = table_match(method, path, encoded=encoded) if found is None else found
            call[MATCH] = match
            if before:
                for extension in before:
                    answer = extension.before_route(event, match)
                    if answer is not None:
                        return finish(event, method, match, p._through_middlewares(answer))
            route = match.route
            if route is None:
                return finish(event, method, match, p.unmatched(match))
            if route.plain:
                # Nothing but a sync handler runs for this route: call it directly.
                params = match.params
                try:
                    # Spreading an empty dict costs a plain call more than the test.
                    result = route.func(**params) if params else route.func()
                except Exception as error:
                    response = answer_error(error)
                else:
                    if type(result) is dict and method != "HEAD":
                        body = serializer(result)
                        if len(body) < fast_body_limit:
                            if plain is None:
                                return encode_json(route.status_code, body, event)
                            if method != "OPTIONS":
                                return p._plain_with_headers(
                                    plain, event, match, route.status_code, body
                                )
                        big = Response(route.status_code, JSON, body)
                        return finish(event, method, match, big, True)
                    response = writer.to_response(result, route.status_code)
            elif route.direct and not route.is_async:
                # Only options or extensions run around this route: its call is the handler.
                try:
                    response = writer.to_response(route.func(**match.params), route.status_code)
                except Exception as error:
                    response = answer_error(error)
            else:
                response = p.call_route(route, match.params)
            return finish(event, method, match, response)
        finally:
            reset_call(token)

    return run
