"""The API's parts, one `Router` per module, and the one place that puts them together for
both handlers (`app.py` for API Gateway REST, `function_url.py` for a Function URL)."""

from __future__ import annotations

from typing import Any

from router_core import BaseResolver
from routers import health, todos

#: The web front end that calls this API from the browser (CORS).
FRONTEND_ORIGIN = "https://todos.example.com"


def include_routers(app: BaseResolver) -> None:
    """Mount every part of the API on `app`."""
    app.include_router(todos.router, prefix="/todos")
    app.include_router(health.router, prefix="/health")

    @app.get("/")
    def index() -> dict[str, Any]:
        return {"name": "todos", "endpoints": ["/todos", "/todos/<id>", "/health"]}
