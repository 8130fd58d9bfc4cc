"""router-alb: the Application Load Balancer (Lambda target) resolver."""

from __future__ import annotations

from router_alb.codec import ALBCodec
from router_alb.event import ALBEvent
from router_alb.resolver import ALBResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_alb.router import ALBRouter

__all__ = ["ALBCodec", "ALBEvent", "ALBResolver", "ALBRouter"]


def __getattr__(name: str) -> object:
    # The router class loads on first use: resolving never needs it.
    if name == "ALBRouter":
        from router_alb.router import ALBRouter

        return ALBRouter
    raise AttributeError(f"module 'router_alb' has no attribute {name!r}")
