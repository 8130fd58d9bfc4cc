"""Debug mode: `debug=True` (or the environment variable `ROUTER_DEBUG=true` when `debug` is
not given) pretty-prints JSON bodies, prints each event, and answers an unhandled exception
with 500 and its traceback as text instead of failing the invocation.

Never in production: the traceback shows your code to whoever calls the API.
"""

from __future__ import annotations

from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver(debug=True)


@app.get("/todos")
def list_todos() -> dict:
    return {"todos": [{"id": 1, "title": "Buy milk", "completed": False}]}


@app.get("/todos/<todo_id:int>")
def get_todo(todo_id: int) -> dict:
    raise RuntimeError(f"the store lost todo {todo_id}")


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
