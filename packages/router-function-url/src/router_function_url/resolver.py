"""`LambdaFunctionUrlResolver`: routes Lambda Function URL events."""

from __future__ import annotations

from router_core.resolver import BaseResolver
from router_function_url.codec import FunctionUrlCodec
from router_function_url.event import LambdaFunctionUrlEvent


class LambdaFunctionUrlResolver(BaseResolver[LambdaFunctionUrlEvent]):
    """Routes Function URL events (payload 2.0; HTTP API 2.0 events are accepted too).

    >>> app = LambdaFunctionUrlResolver()
    >>> @app.get("/files/<name>")
    ... def get_file(name: str) -> dict: ...
    >>> lambda_handler = app
    """

    event_class = LambdaFunctionUrlEvent
    codec = FunctionUrlCodec()
