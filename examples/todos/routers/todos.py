"""`/todos`: list, create, read, update and delete todos."""

from __future__ import annotations

from typing import Any

from store import STORE

from router_core import Response, Router
from router_core.exceptions import BadRequestError, NotFoundError

router = Router()


def _todo_fields(body: Any, required: bool) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise BadRequestError("The body must be a JSON object")
    if required and "title" not in body:
        raise BadRequestError("A todo needs a title")
    if "title" in body and (not isinstance(body["title"], str) or not body["title"].strip()):
        raise BadRequestError("title must be a non-empty string")
    if "completed" in body and not isinstance(body["completed"], bool):
        raise BadRequestError("completed must be true or false")
    return body


@router.get("/")
def list_todos() -> dict[str, Any]:
    completed = router.current_event.get_query_string_value("completed")
    if completed not in (None, "true", "false"):
        raise BadRequestError("completed must be true or false")
    wanted = None if completed is None else completed == "true"
    return {"todos": STORE.list(completed=wanted)}


@router.post("/")
def create_todo() -> Response:
    fields = _todo_fields(router.current_event.json_body, required=True)
    todo = STORE.add(fields["title"].strip(), fields.get("completed", False))
    return Response(201, "application/json", todo, headers={"Location": f"/todos/{todo['id']}"})


@router.get("/<todo_id:int>")
def get_todo(todo_id: int) -> dict[str, Any]:
    todo = STORE.get(todo_id)
    if todo is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    return todo


@router.route("/<todo_id:int>", method=["PUT", "PATCH"])
def update_todo(todo_id: int) -> dict[str, Any]:
    fields = _todo_fields(router.current_event.json_body, required=False)
    todo = STORE.update(todo_id, fields)
    if todo is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    return todo


@router.delete("/<todo_id:int>")
def delete_todo(todo_id: int) -> Response:
    if not STORE.delete(todo_id):
        raise NotFoundError(f"Todo {todo_id} not found")
    return Response(204)
