"""HTTP methods: one decorator per method, or `route(rule, method=[...])` for several.

HEAD is answered by the GET route with the body left out; a path that exists but not for
the request's method answers 405 with an `Allow` header.
"""

from __future__ import annotations

from router_core import Response
from router_core.exceptions import NotFoundError
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

# An in-memory store stands in for a database or a remote API.
TODOS: dict[int, dict] = {
    1: {"id": 1, "title": "Buy milk", "completed": False},
    2: {"id": 2, "title": "Write the docs", "completed": True},
}


@app.get("/todos")
def list_todos() -> dict:
    return {"todos": list(TODOS.values())}


@app.post("/todos")
def create_todo() -> tuple:
    todo_id = max(TODOS, default=0) + 1
    todo = {"id": todo_id, "title": app.current_event.json_body["title"], "completed": False}
    TODOS[todo_id] = todo
    return todo, 201


@app.route("/todos/<todo_id:int>", method=["PUT", "PATCH"])
def update_todo(todo_id: int) -> dict:
    todo = TODOS.get(todo_id)
    if todo is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    todo.update(app.current_event.json_body)
    return todo


@app.delete("/todos/<todo_id:int>")
def delete_todo(todo_id: int) -> Response:
    if TODOS.pop(todo_id, None) is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    return Response(204)


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
