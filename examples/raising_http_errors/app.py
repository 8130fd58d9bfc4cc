"""Raising HTTP errors: raise a `ServiceError` subclass anywhere in a route; it answers
`{"statusCode": N, "message": "..."}` with its status.
"""

from __future__ import annotations

from router_core.exceptions import (
    BadRequestError,
    ForbiddenError,
    InternalServerError,
    NotFoundError,
    ServiceError,
    ServiceUnavailableError,
    UnauthorizedError,
)
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

TODOS = {1: {"id": 1, "title": "Buy milk"}}


@app.get("/todos/<todo_id:int>")
def get_todo(todo_id: int) -> dict:
    if app.current_event.headers.get("x-api-key") is None:
        raise UnauthorizedError("Missing X-Api-Key header")
    todo = TODOS.get(todo_id)
    if todo is None:
        raise NotFoundError(f"Todo {todo_id} not found")
    return todo


@app.post("/todos")
def create_todo() -> dict:
    title = (app.current_event.json_body or {}).get("title")
    if not title:
        raise BadRequestError("A todo needs a title")
    return {"id": 2, "title": title}


@app.get("/admin")
def admin() -> dict:
    raise ForbiddenError("Administrators only")


@app.get("/export")
def export() -> dict:
    raise InternalServerError("The export failed")


@app.get("/maintenance")
def maintenance() -> dict:
    raise ServiceUnavailableError("Back in five minutes")


@app.get("/teapot")
def teapot() -> dict:
    # Any status: ServiceError itself takes the code.
    raise ServiceError(418, "I'm a teapot")


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
