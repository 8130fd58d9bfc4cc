"""The extension interface through which router-cors, router-compression and router-binary
plug into the resolver. Core holds no CORS, compression or base64-response code itself.

An extra's top-level module (`router_cors`, ...) exposes

    def create_extension(option: object, app_wide: bool) -> Extension

where `option` is what the user passed (a `CORSConfig`, or `True`) and `app_wide` says that
it was given to the resolver rather than to single routes. Core imports the module by name
only when a feature asks for it, and raises `MissingExtraError` at once when it is missing.

Each response, a route's, an exception handler's, or routing's own 404/405, goes through the
active extensions in a fixed order (`order`: CORS 10, compression 20, binary 30), then HEAD
body removal, then the source's codec. `before_route` may answer a request before routing
(the CORS pre-flight).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType

    from router_core.event import BaseEvent
    from router_core.response import Response
    from router_core.router import Route
    from router_core.routing import RouteTable

# extra name -> (module, distribution)
EXTRAS: dict[str, tuple[str, str]] = {
    "cors": ("router_cors", "router-cors"),
    "compression": ("router_compression", "router-compression"),
    "binary": ("router_binary", "router-binary"),
}


class Match:
    """What routing found for a request, as extensions see it.

    `route` is None for routing's own answers (404, 405, pre-flight). `methods` lists the
    methods that the request's path has (HEAD where GET exists, plus what extensions add,
    such as OPTIONS with CORS), computed on first use.
    """

    __slots__ = ("_extra_methods", "_methods", "_table", "encoded", "path", "route")

    def __init__(
        self,
        route: Route | None,
        path: str,
        table: RouteTable,
        encoded: bool,
        extra_methods: frozenset[str] = frozenset(),
    ) -> None:
        self.route = route
        self.path = path
        self.encoded = encoded
        self._table = table
        self._extra_methods = extra_methods
        self._methods: list[str] | None = None

    @property
    def methods(self) -> list[str]:
        if self._methods is None:
            found = self._table.methods_for(self.path, self.encoded)
            if found:
                if "GET" in found:
                    found.add("HEAD")
                found |= self._extra_methods
            self._methods = sorted(found)
        return self._methods

    def route_for(self, method: str) -> Route | None:
        """The route that would answer `method` on this path (HEAD falls back to GET), or None.

        Lets CORS see each method's route options on a pre-flight, where `route` is None.
        """
        found = self._table.match(method, self.path, self.encoded)
        if found is None:
            return None
        route: Route = found[0]
        return route


class Extension:
    """Base class of an extra's hooks; both hooks do nothing unless overridden."""

    #: Position in the fixed order: CORS 10, compression 20, binary 30.
    order: int = 100
    #: Other extras this one needs loaded too (compression needs binary for its base64).
    requires: tuple[str, ...] = ()
    #: Methods every path gains while this extension is active (CORS adds OPTIONS).
    adds_methods: frozenset[str] = frozenset()

    def before_route(self, event: BaseEvent, match: Match) -> Response | None:
        """Answer before routing (return a Response), or let routing go on (return None)."""
        return None

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        """Change the response in place before it is encoded for the source."""


def load_extra(name: str, feature: str) -> ModuleType:
    """Import extra `name` for `feature`, or raise MissingExtraError saying what to install."""
    module_name, distribution = EXTRAS[name]
    import importlib

    from router_core.exceptions import MissingExtraError

    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        raise MissingExtraError(feature, distribution) from None


def create_extension(name: str, feature: str, option: object, app_wide: bool) -> Extension:
    module = load_extra(name, feature)
    extension: Extension = module.create_extension(option, app_wide)
    return extension
