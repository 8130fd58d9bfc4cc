"""Apps, requests and browser checks shared by the CORS tests."""

from __future__ import annotations

from typing import Any

from router_core import Response

APP = "https://app.example.com"
STAGING = "https://staging.example.com"
EVIL = "https://evil.example.net"
ALLOW_HEADERS = "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key"
CORS_HEADERS = (
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Credentials",
    "Access-Control-Expose-Headers",
    "Access-Control-Max-Age",
)


def cors_headers(response: Any) -> dict[str, str]:
    """The response's Access-Control-* headers (what a browser's CORS checks read)."""
    return {name: response.header(name) for name in CORS_HEADERS if response.header(name)}


def preflight(client: Any, path: str, origin: str, method: str, headers: str = "") -> Any:
    request_headers = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    return client.options(path, headers=request_headers)


def todo_app(source: Any, **options: Any) -> Any:
    """Two paths with different methods, so that pre-flights can tell them apart."""
    app = source.app(**options)

    @app.get("/todos")
    def list_todos() -> list[dict[str, Any]]:
        return [{"id": 1}]

    @app.post("/todos")
    def create_todo() -> tuple[dict[str, Any], int]:
        return {"id": 2}, 201

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, Any]:
        return {"id": todo_id}

    @app.delete("/todos/<todo_id>")
    def delete_todo(todo_id: str) -> Response:
        return Response(204)

    return app


def cors_check(response: Any, origin: str, credentials: bool) -> bool:
    """The Fetch standard's CORS check of a response."""
    allowed = response.header("Access-Control-Allow-Origin")
    if allowed == "*" and not credentials:
        return True
    if allowed != origin:
        return False
    return not credentials or response.header("Access-Control-Allow-Credentials") == "true"


def preflight_passes(
    response: Any, origin: str, method: str, headers: list[str], credentials: bool
) -> bool:
    """The Fetch standard's checks of a pre-flight answer, for `method` with `headers`."""
    if not 200 <= response.status_code < 300 or not cors_check(response, origin, credentials):
        return False
    methods = [
        m.strip() for m in (response.header("Access-Control-Allow-Methods") or "").split(",")
    ]
    if method not in methods and method not in ("GET", "HEAD", "POST"):
        return False
    allowed = {
        h.strip().lower()
        for h in (response.header("Access-Control-Allow-Headers") or "").split(",")
    }
    return all(name.lower() in allowed for name in headers)
