"""`APIGatewayHttpResolver`: routes API Gateway HTTP API (payload 2.0) events."""

from __future__ import annotations

from router_core.resolver import BaseResolver
from router_http.codec import HttpCodec
from router_http.event import APIGatewayProxyEventV2


class APIGatewayHttpResolver(BaseResolver[APIGatewayProxyEventV2]):
    """Routes HTTP API events of payload version 2.0 (and Function URL events, the same format).

    An HTTP API integration set to payload version 1.0 sends 1.0 events: route those with
    `APIGatewayRestResolver` from router-rest.

    >>> app = APIGatewayHttpResolver()
    >>> @app.get("/todos/<todo_id>")
    ... def get_todo(todo_id: str) -> dict: ...
    >>> def lambda_handler(event, context):
    ...     return app.resolve(event, context)
    """

    event_class = APIGatewayProxyEventV2
    codec = HttpCodec()
