"""A validated todo API whose document a fuzzer checks against the running app
(docs/openapi.md): msgspec and pydantic models side by side, path, query, header and body
parameters, declared error responses."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

import msgspec
from pydantic import BaseModel, Field

from router_core.exceptions import NotFoundError
from router_rest import APIGatewayRestResolver
from router_validation import Header, Query

Priority = Literal["low", "normal", "high"]


class NewTodo(msgspec.Struct):
    """What a client sends to create a todo (msgspec validates it)."""

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=80)]
    priority: Priority = "normal"


class Todo(msgspec.Struct):
    id: int
    title: str
    priority: str
    completed: bool
    owner: str


class TodoPatch(BaseModel):
    """What a client may change (pydantic validates it)."""

    title: Optional[str] = Field(default=None, min_length=1, max_length=80)
    completed: Optional[bool] = None


class TodoView(BaseModel):
    id: int
    title: str
    completed: bool


class Problem(BaseModel):
    statusCode: int  # noqa: N815 (the name the answers carry)
    message: str


NOT_FOUND = {
    404: {"description": "No such todo", "content": {"application/json": {"model": Problem}}}
}

app = APIGatewayRestResolver(enable_validation=True)
app.configure_openapi(title="Todos", version="1.0.0")
app.enable_swagger(path="/swagger")

TODOS: dict[int, Todo] = {1: Todo(1, "Write the docs", "normal", False, "ana")}
MAX_TODOS = 100


@app.get("/todos", summary="Todos, filtered")
def list_todos(
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    completed: Optional[bool] = None,
    priority: Annotated[Optional[list[Priority]], Query()] = None,
) -> list[Todo]:
    found = [t for t in TODOS.values() if completed is None or t.completed == completed]
    if priority:
        found = [t for t in found if t.priority in priority]
    return found[:limit]


@app.post("/todos", status_code=201, summary="Create a todo")
def create_todo(
    todo: NewTodo,
    owner: Annotated[str, Header(alias="X-Owner", min_length=1, max_length=20)] = "anonymous",
) -> Todo:
    created = Todo(max(TODOS) + 1, todo.title, todo.priority, False, owner)
    TODOS[created.id] = created
    if len(TODOS) > MAX_TODOS:  # a fuzzer posts thousands: the oldest go, the first stays
        del TODOS[next(key for key in TODOS if key != 1)]
    return created


@app.get(
    "/todos/<todo_id:int>",
    summary="One todo",
    responses={200: {"description": "The todo"}, **NOT_FOUND},
)
def get_todo(todo_id: int) -> TodoView:
    todo = _find(todo_id)
    return TodoView(id=todo.id, title=todo.title, completed=todo.completed)


@app.patch(
    "/todos/<todo_id:int>",
    summary="Change a todo",
    responses={200: {"description": "The changed todo"}, **NOT_FOUND},
)
def patch_todo(todo_id: int, patch: TodoPatch) -> TodoView:
    todo = _find(todo_id)
    # A preview: the store is left as it is, so every request sees the same data.
    title = patch.title if patch.title is not None else todo.title
    completed = patch.completed if patch.completed is not None else todo.completed
    return TodoView(id=todo.id, title=title, completed=completed)


class Label(msgspec.Struct):
    name: Annotated[str, msgspec.Meta(pattern="^[a-z][a-z0-9-]{0,19}$")]
    color: Annotated[int, msgspec.Meta(ge=0, le=0xFFFFFF)] = 0


@app.put("/todos/<todo_id:int>/labels", summary="Label a todo", responses=NOT_FOUND)
def label_todo(todo_id: int, labels: list[Label]) -> list[Label]:
    _find(todo_id)
    return sorted(labels, key=lambda label: label.name)


@app.get("/users/<user_id:uuid>/search", summary="Search a user's todos")
def search(
    user_id: str,
    q: Annotated[str, Query(pattern="^[a-z ]+$", min_length=1, max_length=20)],
    version: Annotated[int, Header(alias="X-API-Version", ge=1, le=3)],
    page: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, object]:
    hits = [t.id for t in TODOS.values() if q in t.title.lower()]
    return {"user": user_id, "version": version, "page": page, "hits": hits}


def _find(todo_id: int) -> Todo:
    if todo_id not in TODOS:
        raise NotFoundError(f"todo {todo_id} not found")
    return TODOS[todo_id]


def lambda_handler(event: dict[str, object], context: object) -> dict[str, object]:
    return app.resolve(event, context)
