"""`ALBRouter`: a `Router` typed for the ALB event.

Powertools' name for a router of this source; routes and behaviour are `Router`'s, so
`app.include_router(ALBRouter())` works as with a plain `Router`.
"""

from __future__ import annotations

from router_core.router import Router

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_alb.event import ALBEvent


class ALBRouter(Router):
    """A `Router` whose `current_event` is an `ALBEvent` to type checkers."""

    if TYPE_CHECKING:

        @property
        def current_event(self) -> ALBEvent: ...
