"""router-function-url: the Lambda Function URL resolver."""

from router_function_url.codec import FunctionUrlCodec
from router_function_url.event import LambdaFunctionUrlEvent
from router_function_url.resolver import LambdaFunctionUrlResolver

__all__ = ["FunctionUrlCodec", "LambdaFunctionUrlEvent", "LambdaFunctionUrlResolver"]
