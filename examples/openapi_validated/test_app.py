from __future__ import annotations

from typing import Any

import pytest

# The app uses pydantic beside msgspec: `nox -s schemathesis` installs both and runs this file.
pytest.importorskip("pydantic")


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def _conforms(value: Any, schema: dict[str, Any], components: dict[str, Any]) -> None:
    """`value` matches `schema` as far as this app's schemas go (refs, objects, arrays,
    scalars): what the document promises is what the app sends."""
    if "$ref" in schema:
        _conforms(value, components[schema["$ref"].rsplit("/", 1)[1]], components)
        return
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                _conforms(value, option, components)
                return
            except AssertionError as error:
                errors.append(error)
        raise AssertionError(errors)
    kind = schema.get("type")
    python = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool}
    if kind == "null":
        assert value is None
    elif kind in python:
        assert isinstance(value, python[kind]), (value, schema)
    if kind == "object":
        assert set(schema.get("required", [])) <= set(value), (value, schema)
        for name, item in value.items():
            if name in schema.get("properties", {}):
                _conforms(item, schema["properties"][name], components)
    if kind == "array":
        for item in value:
            _conforms(item, schema.get("items", {}), components)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/todos?limit=5&priority=normal", {}, 200),
        ("get", "/todos?limit=0", {}, 422),
        ("post", "/todos", {"json": {"title": "Buy milk"}, "headers": {"X-Owner": "bo"}}, 201),
        ("post", "/todos", {"json": {"title": ""}}, 422),
        ("post", "/todos", {"body": "title=x", "headers": {"Content-Type": "text/plain"}}, 415),
        ("get", "/todos/1", {}, 200),
        ("get", "/todos/99", {}, 404),
        ("get", "/todos/minus-one", {}, 404),
        ("patch", "/todos/1", {"json": {"completed": True}}, 200),
        ("put", "/todos/1/labels", {"json": [{"name": "home"}, {"name": "garden"}]}, 200),
        ("put", "/todos/1/labels", {"json": [{"name": "Home"}]}, 422),
        (
            "get",
            "/users/3fa85f64-5717-4562-b3fc-2c963f66afa6/search?q=docs",
            {"headers": {"X-API-Version": "2"}},
            200,
        ),
        ("get", "/users/3fa85f64-5717-4562-b3fc-2c963f66afa6/search?q=docs", {}, 422),
    ],
)
def test_every_answer_is_documented_and_conforms(example, method, path, kwargs, status):
    app = example.app.app
    document = app.get_openapi_schema()
    client = app.test_client()

    response = getattr(client, method)(path, **kwargs)

    assert response.status_code == status
    template = {
        "/todos": "/todos",
        "/todos/1": "/todos/{todo_id}",
        "/todos/99": "/todos/{todo_id}",
        "/todos/minus-one": "/todos/{todo_id}",
        "/todos/1/labels": "/todos/{todo_id}/labels",
    }.get(path.split("?")[0], "/users/{user_id}/search")
    documented = document["paths"][template][method]["responses"][str(status)]
    schema = documented["content"]["application/json"]["schema"]
    _conforms(response.json(), schema, document["components"]["schemas"])
