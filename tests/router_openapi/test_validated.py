"""A validated app documented through router-validation's plan and engine schemas."""

from __future__ import annotations

from typing import Annotated, Any

import pytest

msgspec = pytest.importorskip("msgspec")
router_validation = pytest.importorskip("router_validation")
validator = pytest.importorskip("openapi_spec_validator")

from router_rest import APIGatewayRestResolver  # noqa: E402
from router_validation import Header, Query  # noqa: E402


class Todo(msgspec.Struct):
    title: str
    done: bool = False


def _app() -> Any:
    app = APIGatewayRestResolver(enable_validation=True)

    @app.put("/todos/<todo_id:int>", custom_response_validation_http_code=500)
    def put_todo(
        todo_id: int,
        todo: Todo,
        limit: Annotated[int, Query(ge=1, le=100, description="Max")] = 10,
        trace: Annotated[str, Header(alias="X-Trace")] = "",
    ) -> list[Todo]:
        return [todo]

    @app.get("/plain")
    def plain() -> dict[str, str]:
        return {"ok": "yes"}

    return app


def test_parameters_bodies_and_responses_come_from_the_validated_signature() -> None:
    document = _app().get_openapi_schema()
    operation = document["paths"]["/todos/{todo_id}"]["put"]

    assert [(p["in"], p["name"], p["required"]) for p in operation["parameters"]] == [
        ("path", "todo_id", True),
        ("query", "limit", False),
        ("header", "X-Trace", False),
    ]
    limit = operation["parameters"][1]
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 100)
    assert limit["description"] == "Max"
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Todo"
    }
    assert set(operation["responses"]) == {"200", "415", "422", "500"}
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Todo"},
    }
    assert {"Todo", "HTTPValidationError"} <= set(document["components"]["schemas"])
    validator.validate(dict(document))


def test_what_the_app_answers_matches_its_documented_422() -> None:
    app = _app()
    document = app.get_openapi_schema()
    error_schema = document["components"]["schemas"]["HTTPValidationError"]

    response = app.test_client().put("/todos/1?limit=0", json={"title": "x"})

    assert response.status_code == 422
    body = response.json()
    assert set(body) <= set(error_schema["properties"])
    assert body["detail"][0]["loc"] == ["query", "limit"]
