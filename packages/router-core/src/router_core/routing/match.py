"""`Match`: what routing found for a request; extensions receive it too."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.router import Route
    from router_core.routing.table import RouteTable


class Match:
    """The route answering the request's method (None: none does), its parameters (treat
    as read-only), the normalized path, and, computed on first use, the path's methods."""

    __slots__ = ("_encoded", "_methods", "_table", "params", "path", "route")

    def __init__(
        self,
        route: Route | None,
        params: dict[str, Any],
        path: str,
        table: RouteTable,
        encoded: bool,
    ) -> None:
        self.route = route
        self.params = params
        self.path = path
        self._table = table
        self._encoded = encoded
        self._methods: tuple[str, ...] | None = None

    @property
    def methods(self) -> tuple[str, ...]:
        """Every method some rule matching the path has, with HEAD where GET is; sorted."""
        if self._methods is None:
            found = self._table.methods_for(self.path, self._encoded)
            if "GET" in found:
                found.add("HEAD")
            self._methods = tuple(sorted(found))
        return self._methods

    def route_for(self, method: str) -> Route | None:
        """The route that would answer `method` on this path (HEAD falls back to GET)."""
        found = self._table.find(method, self.path, self._encoded)
        return None if found is None else found[0]
