"""Not-found handler: `@app.not_found` answers every request that no route matches.

Without it, such a request answers `404 {"statusCode":404,"message":"Not found"}`. A path
that exists for other methods still answers 405, not this handler.
"""

from __future__ import annotations

from router_core import Response, content_types
from router_core.exceptions import NotFoundError
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()


@app.get("/todos")
def list_todos() -> dict:
    return {"todos": []}


@app.not_found
def handle_not_found(error: NotFoundError) -> Response:
    event = app.current_event
    return Response(
        status_code=404,
        content_type=content_types.APPLICATION_JSON,
        body={"message": f"No route for {event.http_method} {event.path}", "try": "/todos"},
    )


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
