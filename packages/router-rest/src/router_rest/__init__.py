"""router-rest: the API Gateway REST API (payload 1.0) resolver."""

from __future__ import annotations

from router_rest.codec import RestCodec
from router_rest.event import APIGatewayProxyEvent
from router_rest.resolver import APIGatewayRestResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_rest.router import APIGatewayRouter

__all__ = ["APIGatewayProxyEvent", "APIGatewayRestResolver", "APIGatewayRouter", "RestCodec"]


def __getattr__(name: str) -> object:
    # The router class loads on first use: resolving never needs it.
    if name == "APIGatewayRouter":
        from router_rest.router import APIGatewayRouter

        return APIGatewayRouter
    raise AttributeError(f"module 'router_rest' has no attribute {name!r}")
