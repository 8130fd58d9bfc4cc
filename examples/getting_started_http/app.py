"""Getting started: a function behind an API Gateway HTTP API (payload format 2.0, its
`$default` route)."""

from __future__ import annotations

from router_core.exceptions import NotFoundError
from router_http import APIGatewayHttpResolver

app = APIGatewayHttpResolver()

# An in-memory store stands in for a database or a remote API.
TODOS = {
    1: {"id": 1, "title": "Buy milk", "completed": False},
    2: {"id": 2, "title": "Write the docs", "completed": True},
}


@app.get("/todos")
def list_todos() -> dict:
    return {"todos": list(TODOS.values())}


@app.get("/todos/<todo_id:int>")
def get_todo(todo_id: int) -> dict:
    todo = TODOS.get(todo_id)
    if todo is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    return todo


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
