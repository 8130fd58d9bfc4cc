"""router-function-url: the Lambda Function URL resolver."""

from __future__ import annotations

from router_function_url.codec import FunctionUrlCodec
from router_function_url.event import LambdaFunctionUrlEvent
from router_function_url.resolver import LambdaFunctionUrlResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_function_url.router import LambdaFunctionUrlRouter

__all__ = [
    "FunctionUrlCodec",
    "LambdaFunctionUrlEvent",
    "LambdaFunctionUrlResolver",
    "LambdaFunctionUrlRouter",
]


def __getattr__(name: str) -> object:
    # The router class loads on first use: resolving never needs it.
    if name == "LambdaFunctionUrlRouter":
        from router_function_url.router import LambdaFunctionUrlRouter

        return LambdaFunctionUrlRouter
    raise AttributeError(f"module 'router_function_url' has no attribute {name!r}")
