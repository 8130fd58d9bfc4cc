"""Request and Depends through the pipeline: handlers, middlewares, overrides, errors."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
import pytest
from fake_source import FakeResolver, event

from router_core import Response
from router_core.dependencies import DependencyResolutionError, Depends
from router_core.exceptions import UnauthorizedError
from router_core.request import Request

calls: list[str] = []


def tenant(request: Request) -> str:
    calls.append("tenant")
    value = request.headers.get("x-tenant")
    if value is None:
        raise UnauthorizedError("no tenant")
    return value


def repository(tenant_id: Annotated[str, Depends(tenant)]) -> dict[str, str]:
    calls.append("repository")
    return {"tenant": tenant_id}


def build_app() -> FakeResolver:
    app = FakeResolver()

    def audit(app: Any, next_middleware: Any, who: Annotated[str, Depends(tenant)]) -> Response:
        response: Response = next_middleware(app)
        response.set_header("X-Audit", f"{who} {app.request.route}")
        return response

    @app.get("/todos/<todo_id:int>", middlewares=[audit])
    def get_todo(
        todo_id: int,
        request: Request,
        repo: Annotated[dict[str, str], Depends(repository)],
        again: Annotated[str, Depends(tenant)],
    ) -> dict[str, Any]:
        return {"id": todo_id, "repo": repo, "route": request.route, "again": again}

    @app.get("/plain")
    def plain() -> dict[str, str]:
        return {"request": app.request.route}

    return app


def test_dependencies_are_resolved_once_per_call_and_shared_with_middlewares() -> None:
    calls.clear()
    app = build_app()

    result = app.resolve(event("GET", "/todos/3", **{"X-Tenant": "acme"}), None)

    assert orjson.loads(result["body"]) == {
        "id": 3,
        "repo": {"tenant": "acme"},
        "route": "/todos/{todo_id}",
        "again": "acme",
    }
    assert result["headers"]["X-Audit"] == ["acme /todos/{todo_id}"]
    assert calls == ["tenant", "repository"]


def test_a_service_error_in_a_dependency_answers_as_its_cause() -> None:
    app = build_app()

    result = app.resolve(event("GET", "/todos/3"), None)

    assert result["status"] == 401
    assert orjson.loads(result["body"]) == {"statusCode": 401, "message": "no tenant"}


def test_a_handler_for_the_wrapper_receives_it() -> None:
    app = build_app()

    @app.exception_handler(DependencyResolutionError)
    def on_dependency(error: DependencyResolutionError) -> Response:
        return Response(503, "text/plain", f"dependency failed: {error.__cause__}")

    result = app.resolve(event("GET", "/todos/3"), None)

    assert (result["status"], result["body"]) == (503, "dependency failed: no tenant")


def test_overrides_replace_a_dependency_for_tests() -> None:
    app = build_app()
    app.dependency_overrides[tenant] = lambda: "test-tenant"

    result = app.resolve(event("GET", "/todos/3"), None)

    assert orjson.loads(result["body"])["repo"] == {"tenant": "test-tenant"}
    app.dependency_overrides.clear()
    assert app.resolve(event("GET", "/todos/3"), None)["status"] == 401


def test_app_request_is_available_in_plain_routes_too() -> None:
    app = build_app()

    result = app.resolve(event("GET", "/plain"), None)

    assert orjson.loads(result["body"]) == {"request": "/plain"}


def session() -> Any:
    yield "s"


def test_a_generator_dependency_is_refused_at_registration() -> None:
    app = FakeResolver()
    with pytest.raises(TypeError, match="session"):

        @app.get("/x")
        def x(s: Annotated[str, Depends(session)]) -> dict[str, str]:
            return {"s": s}


def test_a_route_without_injection_stays_on_the_fast_path() -> None:
    app = FakeResolver()

    @app.get("/fast")
    def fast(x: int = 1) -> dict[str, int]:
        return {"x": x}

    app.resolve(event("GET", "/fast"), None)

    route = next(iter(app._routes))
    assert route.plain and not route.may_inject
