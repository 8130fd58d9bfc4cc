"""`LambdaFunctionUrlRouter`: a `Router` typed for the Function URL event.

Powertools' name for a router of this source; routes and behaviour are `Router`'s, so
`app.include_router(LambdaFunctionUrlRouter())` works as with a plain `Router`.
"""

from __future__ import annotations

from router_core.router import Router

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_function_url.event import LambdaFunctionUrlEvent


class LambdaFunctionUrlRouter(Router):
    """A `Router` whose `current_event` is a `LambdaFunctionUrlEvent` to type checkers."""

    if TYPE_CHECKING:

        @property
        def current_event(self) -> LambdaFunctionUrlEvent: ...
