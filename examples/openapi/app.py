"""OpenAPI and Swagger UI for a todo API (docs/openapi.md)."""

from __future__ import annotations

from router_openapi import APIKey, APIKeyIn, Contact, Tag
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()
app.configure_openapi(
    title="Todos",
    version="1.0.0",
    description="A todo list kept in memory",
    contact=Contact(name="API Support", email="support@example.com"),
    tags=[Tag(name="todos", description="Reading and writing todos")],
    security_schemes={"apiKey": APIKey(name="X-API-Key", in_=APIKeyIn.header)},
)
app.enable_swagger(path="/swagger")

TODOS = {1: {"id": 1, "title": "Write the docs", "completed": False}}


@app.get("/todos", summary="All todos", tags=["todos"])
def list_todos() -> list[dict[str, object]]:
    return list(TODOS.values())


@app.get(
    "/todos/<todo_id:int>",
    summary="One todo",
    tags=["todos"],
    responses={200: {"description": "The todo"}, 404: {"description": "No such todo"}},
)
def get_todo(todo_id: int) -> dict[str, object]:
    from router_core.exceptions import NotFoundError

    if todo_id not in TODOS:
        raise NotFoundError(f"todo {todo_id} not found")
    return TODOS[todo_id]


@app.delete("/todos/<todo_id:int>", tags=["todos"], security=[{"apiKey": []}])
def delete_todo(todo_id: int) -> dict[str, object]:
    return {"deleted": TODOS.pop(todo_id, None) is not None}


def lambda_handler(event: dict[str, object], context: object) -> dict[str, object]:
    return app.resolve(event, context)
