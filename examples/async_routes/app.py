"""Async routes: `async def` handlers, middlewares and dependencies.

`lambda_handler = app` runs them on an event loop kept for the life of the process, so the
client below (and its connection pool, in a real app) survives warm invocations. From code
that already runs a loop, use `await app.resolve_async(event, context)`.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from router_core import Depends, Request, Response
from router_core.exceptions import NotFoundError, UnauthorizedError
from router_http import APIGatewayHttpResolver

app = APIGatewayHttpResolver()


class TodoClient:
    """Stands in for an async HTTP or database client, created once per process."""

    def __init__(self) -> None:
        self.todos = {1: {"id": 1, "title": "Buy milk", "completed": False}}
        self.lock = asyncio.Lock()  # bound to the loop that first uses it, as real pools are

    async def get(self, todo_id: int) -> dict | None:
        async with self.lock:
            await asyncio.sleep(0)  # the network round trip
            return self.todos.get(todo_id)


CLIENT = TodoClient()


async def current_user(request: Request) -> str:
    token = request.headers.get("authorization", "")
    if not token.startswith("Bearer "):
        raise UnauthorizedError("Missing bearer token")
    return token.removeprefix("Bearer ")


async def timing(app: APIGatewayHttpResolver, next_middleware) -> Response:
    response = await next_middleware(app)
    response.set_header("X-Handled-By", "async-middleware")
    return response


app.use([timing])


@app.get("/todos/<todo_id:int>")
async def get_todo(todo_id: int, user: Annotated[str, Depends(current_user)]) -> dict:
    todo = await CLIENT.get(todo_id)
    if todo is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    return {**todo, "requested_by": user}


lambda_handler = app
