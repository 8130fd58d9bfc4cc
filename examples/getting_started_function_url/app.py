"""Getting started: a function behind a Lambda Function URL."""

from __future__ import annotations

from router_core.exceptions import NotFoundError
from router_function_url import LambdaFunctionUrlResolver

app = LambdaFunctionUrlResolver()

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


# A resolver is callable: it can be the handler itself (`app.lambda_handler` in SAM).
lambda_handler = app
