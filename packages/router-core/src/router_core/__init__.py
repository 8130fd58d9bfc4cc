"""router-core: routing, responses, errors and the resolver base shared by every source.

Pick a source's package for the resolver: `router_rest.APIGatewayRestResolver`,
`router_http.APIGatewayHttpResolver`, `router_alb.ALBResolver` or
`router_function_url.LambdaFunctionUrlResolver`. Names load on first use, so that a
function's cold start pays only for what it touches.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_core import content_types
    from router_core.compat import ApiGatewayResolver, ProxyEventType
    from router_core.cookies import Cookie, SameSite
    from router_core.dependencies import DependencyResolutionError, Depends
    from router_core.event import BaseEvent
    from router_core.exceptions import MissingExtraError
    from router_core.middleware import BaseMiddlewareHandler, NextMiddleware
    from router_core.request import Request
    from router_core.resolver import BaseResolver
    from router_core.response import Response
    from router_core.router import Router
    from router_core.testing import LambdaContext

__version__ = "0.1.0"

_SOURCES = {
    "ApiGatewayResolver": "router_core.compat",
    "BaseEvent": "router_core.event",
    "BaseMiddlewareHandler": "router_core.middleware",
    "BaseResolver": "router_core.resolver",
    "Cookie": "router_core.cookies",
    "DependencyResolutionError": "router_core.dependencies",
    "Depends": "router_core.dependencies",
    "LambdaContext": "router_core.testing",
    "MissingExtraError": "router_core.exceptions",
    "NextMiddleware": "router_core.middleware",
    "ProxyEventType": "router_core.compat",
    "Request": "router_core.request",
    "Response": "router_core.response",
    "Router": "router_core.router",
    "SameSite": "router_core.cookies",
}

__all__ = [
    "ApiGatewayResolver",
    "BaseEvent",
    "BaseMiddlewareHandler",
    "BaseResolver",
    "Cookie",
    "DependencyResolutionError",
    "Depends",
    "LambdaContext",
    "MissingExtraError",
    "NextMiddleware",
    "ProxyEventType",
    "Request",
    "Response",
    "Router",
    "SameSite",
    "__version__",
    "content_types",
]


def __getattr__(name: str) -> object:
    import importlib

    if name == "content_types":
        return importlib.import_module("router_core.content_types")
    module = _SOURCES.get(name)
    if module is None:
        raise AttributeError(f"module 'router_core' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
