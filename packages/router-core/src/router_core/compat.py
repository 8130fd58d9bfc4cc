"""Powertools' source-generic resolver: `ApiGatewayResolver(proxy_type=ProxyEventType.X)`.

Code written for Powertools may build its app from the generic class and an event type
instead of naming a source's resolver. Here the event type picks the adapter package, which
is imported only then, so a lean install (`router-core router-rest`) keeps working and a
missing adapter fails at construction with `MissingExtraError` naming the package:

    app = ApiGatewayResolver(proxy_type=ProxyEventType.APIGatewayProxyEventV2)
    # the same app as router_http.APIGatewayHttpResolver()
"""

from __future__ import annotations

from enum import Enum

from router_core.resolver import BaseResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class ProxyEventType(Enum):
    """The event types Powertools' `ApiGatewayResolver` takes, with the same names and values."""

    APIGatewayProxyEvent = "APIGatewayProxyEvent"
    APIGatewayProxyEventV2 = "APIGatewayProxyEventV2"
    ALBEvent = "ALBEvent"
    BedrockAgentEvent = "BedrockAgentEvent"
    VPCLatticeEvent = "VPCLatticeEvent"
    VPCLatticeEventV2 = "VPCLatticeEventV2"
    LambdaFunctionUrlEvent = "LambdaFunctionUrlEvent"


# event type -> (module, resolver class, distribution)
_ADAPTERS: dict[str, tuple[str, str, str]] = {
    "APIGatewayProxyEvent": ("router_rest", "APIGatewayRestResolver", "router-rest"),
    "APIGatewayProxyEventV2": ("router_http", "APIGatewayHttpResolver", "router-http"),
    "ALBEvent": ("router_alb", "ALBResolver", "router-alb"),
    "LambdaFunctionUrlEvent": (
        "router_function_url",
        "LambdaFunctionUrlResolver",
        "router-function-url",
    ),
}

# Resolver classes made for each adapter, so that every app of one event type shares a class.
_CLASSES: dict[str, type[BaseResolver[Any]]] = {}


class ApiGatewayResolver(BaseResolver["Any"]):
    """A resolver for the source `proxy_type` names (REST API, payload 1.0, by default).

    The app it builds is an instance of both this class and the source's resolver
    (`ApiGatewayResolver(proxy_type=ProxyEventType.ALBEvent)` is an `ALBResolver`), and it
    takes that resolver's options (`decode_query_parameters=` for ALB).
    """

    def __new__(cls, proxy_type: Enum | str | None = None, *args: Any, **kwargs: Any) -> Any:
        if cls is not ApiGatewayResolver:  # a subclass made here, or a user's own subclass
            return super().__new__(cls)
        return super().__new__(_resolver_class(proxy_type))

    def __init__(self, proxy_type: Enum | str | None = None, *args: Any, **kwargs: Any) -> None:
        # Next in the method order is the source's resolver (see _resolver_class).
        super().__init__(*args, **kwargs)


def _resolver_class(proxy_type: Enum | str | None) -> type[BaseResolver[Any]]:
    name = _event_type_name(proxy_type)
    made = _CLASSES.get(name)
    if made is not None:
        return made
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        raise ValueError(
            f"ApiGatewayResolver(proxy_type={proxy_type!r}): {name} events are not provided; "
            f"the event types routed here are {', '.join(_ADAPTERS)}"
        )
    module_name, class_name, distribution = adapter
    import importlib

    from router_core.exceptions import MissingExtraError

    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        if error.name != module_name:
            raise
        feature = f"ApiGatewayResolver(proxy_type=ProxyEventType.{name})"
        raise MissingExtraError(feature, distribution) from None
    source: type[BaseResolver[Any]] = getattr(module, class_name)
    # (ApiGatewayResolver, source): this class's __init__ takes `proxy_type` off, then the
    # source's own __init__ runs; the source's event class and codec are found first.
    made = type(class_name, (ApiGatewayResolver, source), {"__module__": __name__})
    made.__qualname__ = f"ApiGatewayResolver[{name}]"
    return _CLASSES.setdefault(name, made)


def _event_type_name(proxy_type: Enum | str | None) -> str:
    """The event type's name; Powertools' own `ProxyEventType` members are understood too."""
    if proxy_type is None:
        return ProxyEventType.APIGatewayProxyEvent.value
    value = proxy_type.value if isinstance(proxy_type, Enum) else proxy_type
    if not isinstance(value, str):
        raise TypeError(f"proxy_type takes a ProxyEventType member, got {proxy_type!r}")
    return value
