"""What routing found for a request: the route, its parameters, and the path's methods."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.router import Route
    from router_core.routing.trie import Compiled


class Match:
    """What routing found for a request (also what extensions receive).

    `route` answers the request's method (HEAD falls back to GET), or is None when no rule
    of this path has that method (or no rule matches at all). `params` holds the converted
    parameters; treat it as read-only, as a static path's match is shared between requests.
    `methods` and `route_for` serve 405 answers and CORS pre-flights; they are computed only
    when asked for.
    """

    __slots__ = ("_methods", "_routes", "_segments", "_table", "memo", "params", "path", "route")

    def __init__(
        self,
        route: Route | None,
        params: dict[str, Any],
        path: str,
        table: Compiled | None = None,
        segments: list[str] | None = None,
    ) -> None:
        self.route = route
        self.params = params
        #: The normalized path that was matched.
        self.path = path
        self._table = table
        # The path's (decoded) segments when matching split it; split on demand otherwise.
        self._segments = segments
        self._methods: tuple[str, ...] | None = None
        # route_for() answers, kept: a static path's match is shared, so a pre-flight asks
        # the table about each method once, not on every request.
        self._routes: dict[str, Route | None] | None = None
        #: What extensions derive from this match alone (not from the request), by their
        #: name: a static path's match is shared, so it is derived once, not per request.
        self.memo: dict[str, Any] = {}

    def _split(self) -> list[str]:
        segments = self._segments
        if segments is None:
            path = self.path
            segments = path[1:].split("/") if path != "/" else []
        return segments

    @property
    def methods(self) -> tuple[str, ...]:
        """Every method some rule matching `path` has, plus HEAD where GET is; sorted.

        Empty when no rule matches the path (a 404 rather than a 405).
        """
        methods = self._methods
        if methods is None:
            found = self._table.methods(self._split()) if self._table is not None else set()
            if "GET" in found:
                found.add("HEAD")
            methods = self._methods = tuple(sorted(found))
        return methods

    def route_for(self, method: str) -> Route | None:
        """The route that would answer `method` on this path (HEAD falls back to GET), or None.

        Lets CORS see each method's route options on a pre-flight, where `route` is None.
        """
        routes = self._routes
        if routes is None:
            routes = self._routes = {}
        elif method in routes:
            return routes[method]
        route = None
        if self._table is not None:
            found = self._table.best(method, self._split())
            route = None if found is None else found[0].route
        routes[method] = route
        return route

    def __repr__(self) -> str:
        return f"Match(route={self.route!r}, params={self.params!r}, path={self.path!r})"
