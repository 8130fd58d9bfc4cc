"""`BaseResolver`: an app of one source. Adapters subclass it with their event class and
codec (`class APIGatewayRestResolver(BaseResolver[APIGatewayProxyEvent])`).

Registration happens at import time; the first `resolve` compiles the app into a
`Pipeline` (see `router_core.pipeline`), which resolves every event after it. Changing the
app (a route, a middleware, an extension) makes the next `resolve` compile it again.
"""

from __future__ import annotations

import os
from _thread import RLock

from router_core import state
from router_core.router import Router

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any, Callable, ClassVar, Generic, TypeVar, Union

    from router_core.codec import Codec
    from router_core.event import BaseEvent
    from router_core.extensions import Extension
    from router_core.middleware import Middleware
    from router_core.pipeline import Pipeline
    from router_core.response import Response
    from router_core.router import Route
    from router_core.testing import TestClient

    Prefix = Union[str, re.Pattern[str]]
    E = TypeVar("E", bound=BaseEvent)

    class _Generic(Router, Generic[E]):
        pass

else:
    # Subscripting the base for typing (`BaseResolver[APIGatewayProxyEvent]`) costs nothing
    # at run time: `typing` is not imported on the cold-start path.
    class _Generic(Router):
        def __class_getitem__(cls, item: object) -> type:
            return cls


_TRUE = frozenset({"1", "true", "yes", "on"})


class BaseResolver(_Generic["E"]):
    """Routes events of one source. Adapters set `event_class` and `codec`."""

    event_class: ClassVar[type[BaseEvent]]
    codec: ClassVar[Codec]
    _relative_rules = False
    #: Set by `configure_openapi(...)` (router-openapi's `OpenAPIConfig`).
    openapi_config: Any = None
    #: Set by `configure_openapi_merge(...)`.
    openapi_merge: Any = None

    def __init__(
        self,
        cors: Any = None,
        debug: bool | None = None,
        serializer: Callable[[Any], str] | None = None,
        strip_prefixes: list[Prefix] | None = None,
        enable_validation: bool = False,
        json_body_deserializer: Callable[[str], Any] | None = None,
        response_validation_error_http_code: Any = None,
        validation_engine: str | None = None,
    ) -> None:
        if not enable_validation and (
            response_validation_error_http_code is not None or validation_engine is not None
        ):
            raise ValueError(
                "response_validation_error_http_code and validation_engine need "
                "enable_validation=True"
            )
        super().__init__()
        if debug is None:
            debug = os.environ.get("ROUTER_DEBUG", "").strip().lower() in _TRUE
        self._debug = debug
        if serializer is None:
            from router_core.serializer import dumps, dumps_pretty

            serializer = dumps_pretty if debug else dumps
        self._serializer = serializer
        self._strip_prefixes = tuple(_check_prefix(p) for p in strip_prefixes or ())
        self._extensions: tuple[Extension, ...] = ()
        self._pipeline: Pipeline | None = None
        #: Keywords every event of this app is built with (`json_deserializer`, ...).
        self._event_options: dict[str, Any] = {}
        if json_body_deserializer is not None:
            self._event_options["json_deserializer"] = json_body_deserializer
        #: Replacements for dependencies, for tests: `app.dependency_overrides[fn] = other`.
        self.dependency_overrides: dict[Callable[..., Any], Callable[..., Any]] = {}
        if cors:
            self._add_extra("cors", "cors= on the resolver", cors, True)
        if enable_validation:
            option = {
                "response_validation_error_http_code": response_validation_error_http_code,
                "validation_engine": validation_engine,
            }
            self._add_extra("validation", "enable_validation=True", option, True)

    # -- registration ------------------------------------------------------------------------
    def _add_route(self, route: Any) -> None:
        super()._add_route(route)
        if route.cors and not self._has_extension("cors"):
            self._add_extra("cors", f"cors=True on route {route.rule.text!r}", True, False)
        options = route.options
        if options and not self._has_extension("validation"):
            if options.get("enable_validation"):
                feature = f"enable_validation=True on route {route.rule.text!r}"
                self._add_extra("validation", feature, None, False)
            elif options.get("custom_response_validation_http_code") is not None:
                raise ValueError(
                    f"route {route.rule.text!r}: custom_response_validation_http_code needs "
                    "enable_validation=True (on the route or the resolver)"
                )
        self._set_pipeline(None)

    def use(self, middlewares: list[Middleware]) -> None:
        super().use(middlewares)
        self._set_pipeline(None)

    def exception_handler(self, exc_class: Any) -> Callable[[Any], Any]:
        register = super().exception_handler(exc_class)

        def register_and_recompile(func: Any) -> Any:
            self._set_pipeline(None)
            return register(func)

        return register_and_recompile

    def include_router(self, router: Router, prefix: str | None = None) -> None:
        """Copy `router`'s routes into this app, under `prefix` (e.g. `"/todos"`)."""
        from router_core.routing import parse_rule

        if prefix is not None and (not prefix.startswith("/") or prefix.rstrip("/") == ""):
            raise ValueError(
                f"include_router prefix {prefix!r} must start with '/' and name a path"
            )
        base = prefix.rstrip("/") if prefix else ""
        middlewares = tuple(router._middlewares)
        for route in router._routes:
            text = base + route.rule.text if route.rule.text != "/" else (base or "/")
            self._add_route(route.copy(parse_rule(text), middlewares))
        self._exception_handlers.update(router._exception_handlers)
        if router._context_before_call:
            self.context.update(router._context_before_call)
        self._set_pipeline(None)

    def add_extension(self, extension: Extension) -> None:
        """Add an extension to this app (see `router_core.extensions`); one per name."""
        from router_core.extensions import ORDER_CODEC, Extension

        if not isinstance(extension, Extension):
            raise TypeError(f"add_extension takes an Extension, got {extension!r}")
        if not extension.name:
            raise ValueError(f"{type(extension).__name__} must declare a `name`")
        if self._has_extension(extension.name):
            raise ValueError(f"an extension named {extension.name!r} is already added")
        if not isinstance(extension.order, int) or extension.order >= ORDER_CODEC:
            raise ValueError(
                f"extension {extension.name!r}: order must be an int below {ORDER_CODEC} "
                "(the codec's slot)"
            )
        for required in extension.requires:
            if not self._has_extension(required):
                self._add_extra(required, f"the {extension.name!r} extension", None, True)
        extensions = sorted((*self._extensions, extension), key=lambda e: e.order)
        self._extensions = tuple(extensions)
        self._set_pipeline(None)

    def _has_extension(self, name: str) -> bool:
        return any(e.name == name for e in self._extensions)

    def _add_extra(self, name: str, feature: str, option: Any, app_wide: bool) -> None:
        from router_core.extensions import create_extra

        self.add_extension(create_extra(name, feature, option, app_wide))

    @property
    def routes(self) -> tuple[Route, ...]:
        """The app's routes, in the order they were added."""
        return tuple(self._routes)

    @property
    def extensions(self) -> tuple[Extension, ...]:
        """The app's extensions, in the order their hooks run."""
        return self._extensions

    # -- compiling ---------------------------------------------------------------------------
    def compile(self) -> Pipeline:
        """Compile the app for resolving (the first `resolve` does it by itself)."""
        with _LOCK:
            pipeline = self._pipeline
            if pipeline is None:
                from router_core.pipeline import Pipeline

                pipeline = Pipeline(self, self._extensions)
                self._set_pipeline(pipeline)
            return pipeline

    def _load_extras_for(self, response: Response) -> Pipeline:
        """Load the extras a response asks for (compression, binary), safely under concurrent
        first requests; MissingExtraError when one is not installed."""
        with _LOCK:
            if response.compress and not self._has_extension("compression"):
                self._add_extra("compression", "Response(compress=True)", None, True)
            if isinstance(response.body, bytes) and not self._has_extension("binary"):
                self._add_extra("binary", "a bytes response body", None, True)
            pipeline = self._pipeline
            if pipeline is None:
                from router_core.pipeline import Pipeline

                pipeline = Pipeline(self, self._extensions)
                self._set_pipeline(pipeline)
            return pipeline

    def _set_pipeline(self, pipeline: Pipeline | None) -> None:
        """Publish a compiled app (or drop it when the app changes). `app.resolve` is then
        the pipeline's own `run`, so that the per-request path has no extra call in it."""
        self._pipeline = pipeline
        if pipeline is None:
            self.__dict__.pop("resolve", None)
        else:
            self.__dict__["resolve"] = pipeline.run

    # -- resolving ---------------------------------------------------------------------------
    def resolve(self, event: dict[str, Any], context: Any = None) -> dict[str, Any]:
        """Route `event` and return the source's response dict."""
        pipeline = self._pipeline
        if pipeline is None:
            pipeline = self.compile()
        return pipeline.run(event, context)

    __call__ = resolve

    async def resolve_async(self, event: dict[str, Any], context: Any = None) -> dict[str, Any]:
        """Route `event`, awaiting async routes, middlewares, exception handlers and
        dependencies (sync ones run as they are; a sync middleware around an async route runs
        in a worker thread with a copy of the call's context).

        >>> def lambda_handler(event, context):
        ...     return asyncio.run(app.resolve_async(event, context))
        """
        pipeline = self._pipeline
        if pipeline is None:
            pipeline = self.compile()
        run = pipeline.run_async
        if run is None:
            run = pipeline.async_run()
        return await run(event, context)

    @property
    def current_event(self) -> E:
        event: E = state.current()[state.EVENT]
        return event

    # -- tools -------------------------------------------------------------------------------
    def test_client(self) -> TestClient:
        """A client that sends realistic events of this source: `app.test_client().get("/")`."""
        from router_core.testing import TestClient

        return TestClient(self)

    # -- OpenAPI: Powertools' names; each loads router-openapi when called (never at import)
    # and hands it the app, or raises `MissingExtraError` saying `pip install router-openapi`.
    def get_openapi_schema(self, **settings: Any) -> Any:
        """The OpenAPI document: a mapping that also answers `model_dump()`."""
        return _openapi("get_openapi_schema").get_openapi_schema(self, **settings)

    def get_openapi_json_schema(self, **settings: Any) -> str:
        """The OpenAPI document as JSON text."""
        text: str = _openapi("get_openapi_json_schema").get_openapi_json_schema(self, **settings)
        return text

    def configure_openapi(self, **settings: Any) -> None:
        """Title, version, servers, security schemes, ... of every later document."""
        _openapi("configure_openapi").configure_openapi(self, **settings)

    def configure_openapi_merge(self, path: str, **options: Any) -> None:
        """One document from the resolvers of several functions' files under `path`."""
        _openapi("configure_openapi_merge").configure_openapi_merge(self, path, **options)

    def get_openapi_merge_schema(self) -> Any:
        return _openapi("get_openapi_merge_schema").get_openapi_merge_schema(self)

    def get_openapi_merge_json_schema(self) -> str:
        entry = _openapi("get_openapi_merge_json_schema")
        text: str = entry.get_openapi_merge_json_schema(self)
        return text

    def enable_swagger(self, **options: Any) -> None:
        """Serve Swagger UI at `path` (default `/swagger`), with `?format=json`."""
        _openapi("enable_swagger").enable_swagger(self, **options)


def _openapi(feature: str) -> Any:
    """router-openapi's module, for the method `feature` (the keywords are its own)."""
    from router_core.extensions import load_extra

    return load_extra("openapi", f"{feature}()")


# Serializes compiling and loading extras. `_thread` is built in: no import cost.
_LOCK = RLock()


def _check_prefix(prefix: Any) -> Any:
    if isinstance(prefix, str):
        stripped = prefix.rstrip("/")
        if not stripped.startswith("/"):
            raise ValueError(f"strip_prefixes entry {prefix!r} must start with '/' and name a path")
        return stripped
    if hasattr(prefix, "match"):
        return prefix
    raise TypeError(f"strip_prefixes takes strings or compiled regexes, got {prefix!r}")
