"""The public extension interface: how CORS, compression, binary transport, and your own
extensions plug into the resolver's pipeline.

    event -> match -> before_route hooks -> middlewares -> handler -> after_route hooks
          -> HEAD body removal -> the source's codec

An extension is an `Extension` subclass added with `app.add_extension(MyExtension())`. Its
hooks receive what they need as arguments: the request event, the routing `Match` (the
route with its options, its parameters, and the methods the path has) and the response
being built. An extension keeps no reference to the app or its route table.

Order: each extension declares `order`, an integer; hooks run from the lowest up. The
built-ins take the slots below and leave room between them:

    ORDER_CORS 100 < ORDER_COMPRESSION 200 < ORDER_BINARY 300 < ORDER_HEAD 400 < ORDER_CODEC 500

HEAD body removal and the codec are steps of the pipeline, not extensions: an extension
ordered above `ORDER_HEAD` sees a HEAD response with its body already removed, and every
extension runs before the codec (an order of `ORDER_CODEC` or more is refused).

router-cors, router-compression and router-binary are loaded by name when a feature asks for
one (`cors=` on the resolver, `compress=True`, a `bytes` body); their top-level module offers
`create_extension(option, app_wide) -> Extension`. A missing one raises `MissingExtraError`
naming the package to install, and is looked up once, not on every response.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from types import ModuleType
    from typing import Any, ClassVar

    from router_core.codec import CheckedHeaders as CheckedHeaders
    from router_core.event import BaseEvent
    from router_core.response import Response
    from router_core.router import Route
    from router_core.routing import Match as Match

    #: A route's call: takes the route's parameters, returns what the handler chain returns
    #: (a `Response`, or a value the resolver turns into one).
    RouteCall = Callable[[dict[str, Any]], Any]

ORDER_CORS = 100
ORDER_COMPRESSION = 200
ORDER_BINARY = 300
ORDER_HEAD = 400
ORDER_CODEC = 500

# Extras that core loads by name: name -> (module, distribution).
EXTRAS: dict[str, tuple[str, str]] = {
    "cors": ("router_cors", "router-cors"),
    "compression": ("router_compression", "router-compression"),
    "binary": ("router_binary", "router-binary"),
    "validation": ("router_validation", "router-validation"),
    "openapi": ("router_openapi", "router-openapi"),
}


class Extension:
    """Base class of an extension: override the hooks you need; the others cost nothing.

    Class attributes declare what the extension is and needs:
    - `name`: unique within an app (adding a second extension of the same name is refused);
    - `order`: where its hooks run (see the module's slots);
    - `requires`: names of built-in extras it needs loaded too (compression needs
      `"binary"` to carry its compressed bytes);
    - `adds_methods`: methods every routed path gains while it is active (CORS adds
      `OPTIONS`), listed in `Allow` and in `Match.methods` answers;
    - `route_options`: route keywords it reads (`@app.get("/x", etag=False)` reaches it as
      `match.route.options["etag"]`); other unknown keywords are refused.
    """

    name: ClassVar[str] = ""
    order: ClassVar[int] = 150
    requires: ClassVar[tuple[str, ...]] = ()
    adds_methods: frozenset[str] = frozenset()
    route_options: ClassVar[frozenset[str]] = frozenset()

    def before_route(self, event: BaseEvent, match: Match) -> Response | None:
        """Answer before the route runs (return a `Response`), or let it run (return None).

        Runs after matching, so `match.route` is None when no route answers the request's
        method (a CORS pre-flight, a 404 or a 405). The answer goes through the app's
        middlewares and the `after_route` hooks like any other.
        """
        return None

    def compile_route(self, route: Route, call: RouteCall) -> RouteCall:
        """Return `call`, or a callable wrapping it, for `route`. Called once per route when
        the app compiles its routes (first resolve); the wrapper then runs on every call of
        that route, around its middlewares and handler."""
        return call

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        """Change the response in place, before it is encoded for the source. Runs on every
        response: a route's, an exception handler's, and routing's own 404/405/pre-flight."""

    def plain_headers(self, event: BaseEvent, match: Match) -> Mapping[str, str] | None:
        """Optional, for speed: the headers `after_route` would add to a plain route's fresh
        JSON answer (a dict returned by a route without options or middlewares, not HEAD or
        OPTIONS), and nothing else. When every `after_route` extension implements it, such
        routes keep the fast path and get these headers instead of the full hook.

        They are checked on every answer like any response's headers, unless they are a
        `CheckedHeaders` (checked once, when built): precompute them so when you can."""
        return None


def overrides(extension: Extension, hook: str) -> bool:
    """Whether `extension` implements `hook` (the pipeline skips hooks left as they are)."""
    return getattr(type(extension), hook) is not getattr(Extension, hook)


_missing: dict[str, str] = {}


def load_extra(name: str, feature: str) -> ModuleType:
    """Import built-in extra `name` for `feature`, or raise MissingExtraError saying what to
    install. A missing extra is remembered: later calls raise without asking the importer."""
    from router_core.exceptions import MissingExtraError

    module_name, distribution = EXTRAS[name]
    if name in _missing:
        raise MissingExtraError(feature, distribution)
    import importlib

    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        _missing[name] = distribution
        raise MissingExtraError(feature, distribution) from None


def create_extra(name: str, feature: str, option: Any, app_wide: bool) -> Extension:
    """The extension of built-in extra `name`, configured with the user's `option`."""
    module = load_extra(name, feature)
    extension: Extension = module.create_extension(option, app_wide)
    return extension


def __getattr__(name: str) -> Any:
    # `Match` lives with the route table, `CheckedHeaders` with the codec; extension authors
    # find them here too.
    if name == "Match":
        from router_core.routing import Match

        return Match
    if name == "CheckedHeaders":
        from router_core.codec import CheckedHeaders

        return CheckedHeaders
    raise AttributeError(f"module 'router_core.extensions' has no attribute {name!r}")
