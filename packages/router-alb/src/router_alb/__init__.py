"""router-alb: the Application Load Balancer (Lambda target) resolver."""

from router_alb.codec import ALBCodec
from router_alb.event import ALBEvent
from router_alb.resolver import ALBResolver

__all__ = ["ALBCodec", "ALBEvent", "ALBResolver"]
