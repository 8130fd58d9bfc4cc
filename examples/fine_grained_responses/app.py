"""Fine-grained responses: return a `Response` to choose the status code, content type,
headers (a list value sends the header several times) and cookies.

`Cookie` defaults to `Secure`. On API Gateway REST each cookie is its own `Set-Cookie` value
in `multiValueHeaders`; payload 2.0 sources carry them in the `cookies` list.
"""

from __future__ import annotations

from datetime import datetime, timezone

from router_core import Cookie, Response, content_types
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

# An in-memory store stands in for a database or a remote API.
TODOS: dict[int, dict] = {}


@app.post("/todos")
def create_todo() -> Response:
    todo_id = len(TODOS) + 1
    todo = {"id": todo_id, "title": app.current_event.json_body["title"], "completed": False}
    TODOS[todo_id] = todo
    return Response(
        status_code=201,
        content_type=content_types.APPLICATION_JSON,
        body=todo,
        headers={"Location": f"/todos/{todo_id}", "X-Served-By": ["edge", "todos"]},
        cookies=[
            Cookie("last_todo", str(todo_id), path="/todos", http_only=True, same_site="Strict"),
            Cookie(
                "welcome_banner",
                "dismissed",
                expires=datetime(2030, 1, 1, tzinfo=timezone.utc),
            ),
        ],
    )


@app.get("/todos.csv", cache_control="max-age=60")
def export_todos() -> Response:
    # cache_control= sets Cache-Control on a 2xx answer, and "no-cache" on any other.
    rows = [
        "id,title,completed",
        *(f"{t['id']},{t['title']},{t['completed']}" for t in TODOS.values()),
    ]
    return Response(200, "text/csv", "\n".join(rows) + "\n")


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
