"""The todos part of the API, in its own module: a `Router` holds routes until the app
includes it. Its `context` and `current_event` are the app's."""

from __future__ import annotations

from router_core import Router
from router_core.exceptions import NotFoundError

router = Router()

# An in-memory store stands in for a database or a remote API.
TODOS = {
    "acme": {1: {"id": 1, "title": "Ship the release"}},
    "globex": {1: {"id": 1, "title": "Plan the offsite"}},
}


@router.get("/")
def list_todos() -> dict:
    tenant = router.context["tenant"]
    return {"tenant": tenant, "todos": list(TODOS.get(tenant, {}).values())}


@router.get("/<todo_id:int>")
def get_todo(todo_id: int) -> dict:
    todo = TODOS.get(router.context["tenant"], {}).get(todo_id)
    if todo is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    return todo
