"""router-all: the public names of every router runtime package, imported lazily.

    from router_all import APIGatewayRestResolver, CORSConfig, Response

A name's package is imported on first use (PEP 562 module `__getattr__`), so importing
`router_all` costs nothing until a name is used.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_alb import ALBEvent, ALBResolver
    from router_core import (
        BaseEvent,
        BaseResolver,
        Cookie,
        MissingExtraError,
        Response,
        Router,
        content_types,
    )
    from router_core.exceptions import (
        BadRequestError,
        ForbiddenError,
        InternalServerError,
        MethodNotAllowedError,
        NotFoundError,
        RequestEntityTooLargeError,
        RequestTimeoutError,
        ServiceError,
        ServiceUnavailableError,
        UnauthorizedError,
    )
    from router_cors import CORSConfig
    from router_function_url import LambdaFunctionUrlEvent, LambdaFunctionUrlResolver
    from router_http import APIGatewayHttpResolver, APIGatewayProxyEventV2
    from router_rest import APIGatewayProxyEvent, APIGatewayRestResolver

# name -> module that defines it
_SOURCES: dict[str, str] = {
    "BaseEvent": "router_core",
    "BaseResolver": "router_core",
    "Cookie": "router_core",
    "MissingExtraError": "router_core",
    "Response": "router_core",
    "Router": "router_core",
    "content_types": "router_core",
    "BadRequestError": "router_core.exceptions",
    "ForbiddenError": "router_core.exceptions",
    "InternalServerError": "router_core.exceptions",
    "MethodNotAllowedError": "router_core.exceptions",
    "NotFoundError": "router_core.exceptions",
    "RequestEntityTooLargeError": "router_core.exceptions",
    "RequestTimeoutError": "router_core.exceptions",
    "ServiceError": "router_core.exceptions",
    "ServiceUnavailableError": "router_core.exceptions",
    "UnauthorizedError": "router_core.exceptions",
    "APIGatewayRestResolver": "router_rest",
    "APIGatewayProxyEvent": "router_rest",
    "APIGatewayHttpResolver": "router_http",
    "APIGatewayProxyEventV2": "router_http",
    "ALBResolver": "router_alb",
    "ALBEvent": "router_alb",
    "LambdaFunctionUrlResolver": "router_function_url",
    "LambdaFunctionUrlEvent": "router_function_url",
    "CORSConfig": "router_cors",
}

__all__ = [
    "ALBEvent",
    "ALBResolver",
    "APIGatewayHttpResolver",
    "APIGatewayProxyEvent",
    "APIGatewayProxyEventV2",
    "APIGatewayRestResolver",
    "BadRequestError",
    "BaseEvent",
    "BaseResolver",
    "CORSConfig",
    "Cookie",
    "ForbiddenError",
    "InternalServerError",
    "LambdaFunctionUrlEvent",
    "LambdaFunctionUrlResolver",
    "MethodNotAllowedError",
    "MissingExtraError",
    "NotFoundError",
    "RequestEntityTooLargeError",
    "RequestTimeoutError",
    "Response",
    "Router",
    "ServiceError",
    "ServiceUnavailableError",
    "UnauthorizedError",
    "content_types",
]


def __getattr__(name: str) -> object:
    module_name = _SOURCES.get(name)
    if module_name is None:
        raise AttributeError(f"module 'router_all' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
