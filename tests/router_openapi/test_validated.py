"""A validated app documented through router-validation's plan and engine schemas."""

from __future__ import annotations

from typing import Annotated, Any

import pytest

msgspec = pytest.importorskip("msgspec")
router_validation = pytest.importorskip("router_validation")
validator = pytest.importorskip("openapi_spec_validator")

# Apps here are REST API apps: a session that installs another adapter alone skips them.
APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver
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
    assert set(operation["responses"]) == {"200", "404", "415", "422", "500"}
    # `<todo_id:int>` refuses "-1" or "x": no route matches, and the app answers 404.
    assert operation["responses"]["404"]["description"] == "Not Found"
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Todo"},
        "title": "Return",
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


def test_a_declared_response_model_is_documented_by_its_own_library() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Problem(pydantic.BaseModel):
        message: str

    class Missing(msgspec.Struct):
        id: int

    app = APIGatewayRestResolver(enable_validation=True)
    not_found = {"description": "No such todo", "content": {"application/json": {"model": Problem}}}
    gone = {"description": "Gone", "content": {"application/json": {"model": Missing}}}

    @app.put("/todos/<todo_id:int>", responses={200: {"description": "Done"}, 404: not_found})
    def put_todo(todo_id: int, todo: Todo) -> Todo:  # a msgspec route, a pydantic error model
        return todo

    @app.get("/old/<todo_id:int>", responses={200: {"description": "Old"}, 410: gone})
    def old(todo_id: int) -> dict[str, int]:  # a pydantic route, a msgspec error model
        return {}

    document = app.get_openapi_schema()

    responses = document["paths"]["/todos/{todo_id}"]["put"]["responses"]
    assert responses["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }
    assert responses["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Todo"
    }
    gone_schema = document["paths"]["/old/{todo_id}"]["get"]["responses"]["410"]["content"]
    assert gone_schema["application/json"]["schema"] == {"$ref": "#/components/schemas/Missing"}
    components = document["components"]["schemas"]
    assert components["Problem"]["required"] == ["message"]
    assert components["Missing"]["required"] == ["id"]
    validator.validate(dict(document))
