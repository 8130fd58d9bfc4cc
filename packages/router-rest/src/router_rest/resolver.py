"""`APIGatewayRestResolver`: routes API Gateway REST API (payload 1.0) events."""

from __future__ import annotations

from router_core.resolver import BaseResolver
from router_rest.codec import RestCodec
from router_rest.event import APIGatewayProxyEvent


class APIGatewayRestResolver(BaseResolver[APIGatewayProxyEvent]):
    """Routes REST API events; also takes HTTP API events of payload version 1.0.

    >>> app = APIGatewayRestResolver()
    >>> @app.get("/todos/<todo_id>")
    ... def get_todo(todo_id: str) -> dict: ...
    >>> def lambda_handler(event, context):
    ...     return app.resolve(event, context)
    """

    event_class = APIGatewayProxyEvent
    codec = RestCodec()
