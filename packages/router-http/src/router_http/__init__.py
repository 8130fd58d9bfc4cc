"""router-http: the API Gateway HTTP API (payload 2.0) resolver."""

from __future__ import annotations

from router_http.codec import HttpCodec
from router_http.event import APIGatewayProxyEventV2
from router_http.resolver import APIGatewayHttpResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_http.router import APIGatewayHttpRouter

__all__ = ["APIGatewayHttpResolver", "APIGatewayHttpRouter", "APIGatewayProxyEventV2", "HttpCodec"]


def __getattr__(name: str) -> object:
    # The router class loads on first use: resolving never needs it.
    if name == "APIGatewayHttpRouter":
        from router_http.router import APIGatewayHttpRouter

        return APIGatewayHttpRouter
    raise AttributeError(f"module 'router_http' has no attribute {name!r}")
