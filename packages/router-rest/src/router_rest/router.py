"""`APIGatewayRouter`: a `Router` typed for the REST API (payload 1.0) event.

Powertools' name for a router of this source; routes and behaviour are `Router`'s, so
`app.include_router(APIGatewayRouter())` works as with a plain `Router`.
"""

from __future__ import annotations

from router_core.router import Router

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_rest.event import APIGatewayProxyEvent


class APIGatewayRouter(Router):
    """A `Router` whose `current_event` is an `APIGatewayProxyEvent` to type checkers."""

    if TYPE_CHECKING:

        @property
        def current_event(self) -> APIGatewayProxyEvent: ...
