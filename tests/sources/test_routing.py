"""Routing through a resolver: parameters, explicitness, 404/405, HEAD, prefixes, Routers."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from router_core import Router


def test_dynamic_and_converted_parameters(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/todos/<todo_id>")
    def by_slug(todo_id: str) -> dict[str, Any]:
        return {"slug": todo_id}

    @app.get("/todos/<todo_id:int>")
    def by_number(todo_id: int) -> dict[str, Any]:
        return {"number": todo_id}

    @app.get("/users/<user_id:uuid>/files/<name:path>")
    def file(user_id: uuid.UUID, name: str) -> dict[str, Any]:
        return {"user": str(user_id), "name": name}

    client = app.test_client()
    assert client.get("/todos/42").json() == {"number": 42}
    assert client.get("/todos/first").json() == {"slug": "first"}
    user = "12345678-1234-5678-1234-567812345678"
    assert client.get(f"/users/{user}/files/a/b.txt").json() == {"user": user, "name": "a/b.txt"}


def test_parameter_values_are_decoded_exactly_once(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/files/<name>")
    def file(name: str) -> dict[str, str]:
        return {"name": name}

    client = app.test_client()
    assert client.get("/files/caf%C3%A9").json() == {"name": "caf\u00e9"}
    assert client.get("/files/100%2525").json() == {"name": "100%25"}
    assert client.get("/files/a b").json() == {"name": "a b"}


def test_regex_catch_all_and_nested_greedy(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/.+")
    def catch_all() -> dict[str, str]:
        return {"route": "catch-all"}

    @app.get("/proxy/.+/items")
    def nested() -> dict[str, str]:
        return {"route": "nested"}

    client = app.test_client()
    assert client.get("/any/thing").json() == {"route": "catch-all"}
    assert client.get("/proxy/a/b/items").json() == {"route": "nested"}


def test_literal_segments_are_literal(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/openapi.json")
    def spec() -> dict[str, str]:
        return {"openapi": "3.1.0"}

    client = app.test_client()
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/openapiXjson").status_code == 404


def test_trailing_slash_is_the_same_route(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/todos")
    def todos() -> list[int]:
        return [1]

    @app.get("/todos/<todo_id>/")
    def todo(todo_id: str) -> dict[str, str]:
        return {"id": todo_id}

    client = app.test_client()
    assert client.get("/todos/").json() == [1]
    assert client.get("/todos/7").json() == {"id": "7"}
    assert client.get("/todos/7/").json() == {"id": "7"}


def test_unknown_path_answers_404_json(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/todos")
    def todos() -> list[int]:
        return []

    response = app.test_client().get("/nothing-here")
    assert response.status_code == 404
    assert response.header("Content-Type") == "application/json"
    assert response.json() == {"statusCode": 404, "message": "Not found"}


def test_wrong_method_answers_405_with_allow(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, str]:
        return {}

    @app.route("/todos/<todo_id>", method=["PUT", "PATCH"])
    def update_todo(todo_id: str) -> dict[str, str]:
        return {}

    @app.post("/todos")
    def create() -> dict[str, str]:
        return {}

    response = app.test_client().delete("/todos/1")
    assert response.status_code == 405
    assert response.header("Allow") == "GET, HEAD, PATCH, PUT"
    assert response.json() == {"statusCode": 405, "message": "Method not allowed"}


def test_head_is_answered_by_get_without_body(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/todos")
    def todos() -> dict[str, str]:
        return {"x": "y"}

    response = app.test_client().head("/todos")
    assert response.status_code == 200
    assert response.header("Content-Type") == "application/json"
    assert response.body == b""


def test_a_head_route_wins_over_get(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/todos")
    def todos() -> dict[str, str]:
        return {"x": "y"}

    @app.head("/todos")
    def head_todos() -> Any:
        from router_core import Response

        return Response(204, headers={"X-Count": "3"})

    response = app.test_client().head("/todos")
    assert (response.status_code, response.header("X-Count")) == (204, "3")


@pytest.mark.parametrize(
    ("prefixes", "path", "expected"),
    [
        (["/pay"], "/pay/orders", 200),
        (["/pay/"], "/pay/orders", 200),
        (["/pay"], "/payment/orders", 404),
        (["/pay"], "/orders", 200),
        ([re.compile(r"/v[0-9]+")], "/v2/orders", 200),
        ([re.compile(r"/v[0-9]+")], "/api/v2/orders", 404),
        (["/a", "/a/b"], "/a/b/orders", 404),
    ],
)
def test_strip_prefixes(resolver_class: Any, prefixes: list[Any], path: str, expected: int) -> None:
    app = resolver_class(strip_prefixes=prefixes)

    @app.get("/orders")
    def orders() -> list[str]:
        return []

    assert app.test_client().get(path).status_code == expected


def test_stripping_everything_leaves_root(resolver_class: Any) -> None:
    app = resolver_class(strip_prefixes=["/pay"])

    @app.get("/")
    def root() -> dict[str, str]:
        return {"root": "yes"}

    assert app.test_client().get("/pay").json() == {"root": "yes"}


def test_include_router_with_prefix_and_shared_state(resolver_class: Any) -> None:
    app = resolver_class()
    todos = Router()

    @todos.get("/")
    def list_todos() -> dict[str, Any]:
        return {"path": todos.current_event.path, "user": todos.context.get("user")}

    @todos.get("/<todo_id:int>")
    def get_todo(todo_id: int) -> dict[str, int]:
        return {"id": todo_id}

    app.include_router(todos, prefix="/todos")
    client = app.test_client()
    app.append_context(user="ada")
    assert client.get("/todos").json() == {"path": "/todos", "user": "ada"}
    assert client.get("/todos/3").json() == {"id": 3}
    assert client.get("/3").status_code == 404


def test_conflicting_rules_are_refused_naming_both(resolver_class: Any) -> None:
    app = resolver_class()

    @app.get("/a/<x>")
    def first(x: str) -> None: ...

    with pytest.raises(ValueError, match=r"'/a/<y>' conflicts with GET '/a/<x>'"):
        app.get("/a/<y>")(first)


def test_router_included_twice_prefixes_conflict(resolver_class: Any) -> None:
    app = resolver_class()
    router = Router()

    @router.get("/x")
    def x() -> None: ...

    app.include_router(router, prefix="/one")
    app.include_router(router, prefix="/two")
    with pytest.raises(ValueError, match="already registered"):
        app.include_router(router, prefix="/one")


def test_any_method_token_can_be_routed(resolver_class: Any) -> None:
    app = resolver_class()

    @app.route("/cache/<key>", method=["PURGE", "get"])
    def purge(key: str) -> dict[str, str]:
        return {"purged": key, "method": app.current_event.http_method}

    client = app.test_client()
    assert client.request("PURGE", "/cache/k1").json() == {"purged": "k1", "method": "PURGE"}
    assert client.get("/cache/k1").json() == {"purged": "k1", "method": "GET"}
    assert client.request("FETCH", "/cache/k1").status_code == 405


@pytest.mark.parametrize("method", ["", "GET POST", "GE\rT", "(GET)", 7])
def test_a_method_that_is_no_token_is_refused(resolver_class: Any, method: Any) -> None:
    app = resolver_class()
    with pytest.raises(ValueError, match="is not a method name"):
        app.route("/a", method=method)


def test_powertools_enable_validation_flag(resolver_class: Any) -> None:
    assert resolver_class(enable_validation=False).extensions == ()
    pytest.importorskip("router_validation")
    names = [e.name for e in resolver_class(enable_validation=True).extensions]
    assert names == ["validation"]
