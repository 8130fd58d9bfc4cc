"""Middlewares: `def middleware(app, next_middleware) -> Response`, as in Powertools.

`app.use([...])` wraps every route, and routing's own 404 and 405; `middlewares=[...]` on a
route wraps only that route (on a `Router`, `use` wraps only that router's routes). A
middleware may answer by itself (here: 401 without an API key), or call `next_middleware(app)`
and change the response it gets back.
"""

from __future__ import annotations

from router_core import Response, content_types
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()


def correlation_id(app: APIGatewayRestResolver, next_middleware) -> Response:
    event = app.current_event
    value = event.headers.get("x-correlation-id") or event.request_context.get("requestId")
    app.append_context(correlation_id=value)  # handlers may read it too
    response = next_middleware(app)
    response.set_header("X-Correlation-Id", value)
    return response


def require_api_key(app: APIGatewayRestResolver, next_middleware) -> Response:
    if app.current_event.headers.get("x-api-key") is None:
        body = {"statusCode": 401, "message": "Missing X-Api-Key header"}
        return Response(401, content_types.APPLICATION_JSON, body)
    return next_middleware(app)


app.use([correlation_id])


@app.get("/todos")
def list_todos() -> dict:
    return {"todos": [{"id": 1, "title": "Buy milk"}]}


@app.post("/todos", middlewares=[require_api_key])
def create_todo() -> tuple:
    todo = {"id": 2, "title": app.current_event.json_body["title"]}
    return {"todo": todo, "correlation_id": app.context["correlation_id"]}, 201


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
