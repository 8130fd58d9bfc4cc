"""`Request` (Powertools' names) as a handler, a middleware and a dependency see it, through
the fake source; and what `Depends` accepts or refuses."""

from __future__ import annotations

import functools
from typing import Annotated, Any

import orjson
import pytest
from fake_source import FakeResolver, event

from router_core import Response
from router_core.dependencies import Depends
from router_core.request import Request, route_template


def _body(result: dict[str, Any]) -> Any:
    return orjson.loads(result["body"])


def test_a_handler_declaring_request_reads_every_member() -> None:
    app = FakeResolver()

    @app.post("/todos/<todo_id:int>/items/<name>")
    def item(todo_id: int, name: str, request: Request) -> dict[str, Any]:
        return {
            "route": request.route,
            "path_parameters": request.path_parameters,
            "method": request.method,
            "header": request.headers.get("X-Tenant"),
            "query": request.query_parameters,
            "body": request.body,
            "json": request.json_body,
            "same_event": request.resolved_event is app.current_event,
            "same_context": request.context is app.context,
            "repr": repr(request),
        }

    raw = {
        **event("post", "/todos/7/items/cup", **{"x-tenant": "acme"}),
        "queryStringParameters": {"full": "1"},
        "body": '{"qty": 2}',
    }

    assert _body(app.resolve(raw, None)) == {
        "route": "/todos/{todo_id}/items/{name}",
        "path_parameters": {"todo_id": 7, "name": "cup"},
        "method": "POST",
        "header": "acme",
        "query": {"full": "1"},
        "body": '{"qty": 2}',
        "json": {"qty": 2},
        "same_event": True,
        "same_context": True,
        "repr": "Request(POST /todos/{todo_id}/items/{name})",
    }


def test_a_middleware_reads_the_request_on_routing_answers_too() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})
    seen: list[tuple[str, dict[str, Any]]] = []

    def record(app: Any, next_middleware: Any) -> Response:
        seen.append((app.request.route, app.request.path_parameters))
        response: Response = next_middleware(app)
        return response

    app.use([record])

    assert app.resolve(event("GET", "/missing/path"), None)["status"] == 404
    assert app.resolve(event("POST", "/a"), None)["status"] == 405
    assert seen == [("/missing/path", {}), ("/a", {})]


def test_a_middleware_may_declare_request() -> None:
    app = FakeResolver()

    def tag(app: Any, next_middleware: Any, request: Request) -> Response:
        response: Response = next_middleware(app)
        response.set_header("X-Route", request.route)
        return response

    app.get("/users/<user_id>", middlewares=[tag])(lambda user_id: {"id": user_id})

    result = app.resolve(event("GET", "/users/u1"), None)

    assert result["headers"]["X-Route"] == ["/users/{user_id}"]
    assert _body(result) == {"id": "u1"}


@pytest.mark.parametrize(
    ("rule", "template"),
    [
        ("/todos", "/todos"),
        ("/todos/<todo_id>", "/todos/{todo_id}"),
        ("/files/<path:path>", "/files/{path}"),
        ("/v/<a:int>/<b:uuid>", "/v/{a}/{b}"),
        ("/re/(?P<year>\\d{4})", "/re/(?P<year>\\d{4})"),
    ],
)
def test_route_templates_name_parameters_without_converters(rule: str, template: str) -> None:
    assert route_template(rule) == template
    assert route_template(rule) == template  # cached


# -- dependencies of every kind of callable ------------------------------------------------
def tenant(request: Request) -> str:
    return request.headers.get("x-tenant") or "anonymous"


class Repository:
    """A class as a dependency: its `__init__` declares what it needs."""

    def __init__(self, who: Annotated[str, Depends(tenant)]) -> None:
        self.who = who


class Counter:
    """An instance as a dependency: its `__call__` runs."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, who: Annotated[str, Depends(tenant)]) -> str:
        self.calls += 1
        return f"{who}#{self.calls}"


def scaled(factor: int, request: Request) -> int:
    return factor * len(request.path_parameters)


# Annotations are text here (`from __future__ import annotations`): what they name lives at
# module level, where they resolve.
counter = Counter()
scaled_by_ten = functools.partial(scaled, 10)


def test_classes_instances_and_partials_are_dependencies() -> None:
    app = FakeResolver()
    counter.calls = 0

    @app.get("/deps/<a>/<b>")
    def deps(
        a: str,
        b: str,
        repo: Annotated[Repository, Depends(Repository)],
        first: Annotated[str, Depends(counter)],
        fresh: Annotated[str, Depends(counter, use_cache=False)],
        size: Annotated[int, Depends(scaled_by_ten)],
    ) -> dict[str, Any]:
        return {"who": repo.who, "first": first, "fresh": fresh, "size": size}

    result = app.resolve(event("GET", "/deps/x/y", **{"X-Tenant": "acme"}), None)

    assert _body(result) == {"who": "acme", "first": "acme#1", "fresh": "acme#2", "size": 20}


def test_depends_refuses_what_is_not_callable() -> None:
    with pytest.raises(TypeError, match="Depends\\(\\) requires a callable, got str: 'x'"):
        Depends("x")  # type: ignore[arg-type]


def test_depends_repr_names_the_dependency() -> None:
    assert repr(Depends(tenant)) == "Depends(tenant)"
    assert repr(Depends(tenant, use_cache=False)) == "Depends(tenant, use_cache=False)"
