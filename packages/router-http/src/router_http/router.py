"""`APIGatewayHttpRouter`: a `Router` typed for the HTTP API (payload 2.0) event.

Powertools' name for a router of this source; routes and behaviour are `Router`'s, so
`app.include_router(APIGatewayHttpRouter())` works as with a plain `Router`.
"""

from __future__ import annotations

from router_core.router import Router

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_http.event import APIGatewayProxyEventV2


class APIGatewayHttpRouter(Router):
    """A `Router` whose `current_event` is an `APIGatewayProxyEventV2` to type checkers."""

    if TYPE_CHECKING:

        @property
        def current_event(self) -> APIGatewayProxyEventV2: ...
