"""Exception handlers: `@app.exception_handler(ExcType)` turns an exception raised by a route
(or one of its subclasses) into a response, instead of a failed invocation.

An exception without a handler is re-raised, so that Lambda records the error.
"""

from __future__ import annotations

from router_core import Response, content_types
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

TODOS = [{"id": n, "title": f"Todo {n}"} for n in range(1, 21)]


@app.get("/todos")
def list_todos() -> dict:
    limit = int(app.current_event.get_query_string_value("limit", default_value="10"))
    return {"todos": TODOS[:limit]}


@app.exception_handler(ValueError)
def handle_invalid_input(error: ValueError) -> Response:
    return Response(
        status_code=400,
        content_type=content_types.APPLICATION_JSON,
        body={"message": "Invalid request parameters", "detail": str(error)},
    )


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
