"""Dynamic routes: `<name>` captures one path segment and is passed as a keyword argument;
`<name:int>` (also `float`, `uuid`, `path`) converts it.

The most explicit route wins whatever the order of registration: `/users/me/todos` (all
literal) beats `/users/<user_id>/todos` for the path `/users/me/todos`.
"""

from __future__ import annotations

from router_core.exceptions import NotFoundError
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

# An in-memory store stands in for a database or a remote API.
TODOS = {
    "alice": {1: {"id": 1, "title": "Buy milk"}, 2: {"id": 2, "title": "Call the bank"}},
    "bob": {1: {"id": 1, "title": "Fix the bike"}},
}


@app.get("/users/<user_id>/todos")
def list_user_todos(user_id: str) -> dict:
    return {"user": user_id, "todos": list(TODOS.get(user_id, {}).values())}


@app.get("/users/<user_id>/todos/<todo_id:int>")
def get_user_todo(user_id: str, todo_id: int) -> dict:
    todo = TODOS.get(user_id, {}).get(todo_id)
    if todo is None:
        raise NotFoundError(f"{user_id} has no todo {todo_id}")
    return {"user": user_id, "todo": todo}


@app.get("/users/me/todos")
def list_my_todos() -> dict:
    # Registered last, yet chosen for /users/me/todos: literal text beats a parameter.
    return {"user": "me", "todos": list(TODOS["alice"].values())}


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
