"""router-core: routing, responses, errors and the resolver base shared by every source.

Pick a source's package for the resolver: `router_rest.APIGatewayRestResolver`,
`router_http.APIGatewayHttpResolver`, `router_alb.ALBResolver` or
`router_function_url.LambdaFunctionUrlResolver`.
"""

from router_core import content_types
from router_core.cookies import Cookie
from router_core.event import BaseEvent
from router_core.exceptions import MissingExtraError
from router_core.resolver import BaseResolver
from router_core.response import Response
from router_core.router import Router

__version__ = "0.1.0"

__all__ = [
    "BaseEvent",
    "BaseResolver",
    "Cookie",
    "MissingExtraError",
    "Response",
    "Router",
    "__version__",
    "content_types",
]
