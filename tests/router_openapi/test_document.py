from __future__ import annotations

import json
import warnings
from typing import Any

import pytest

from router_core import Router
from router_openapi import (
    APIKey,
    APIKeyIn,
    Contact,
    License,
    OpenAPISchema,
    SchemaValidationError,
    Server,
    Tag,
)

# Apps here are REST API apps: a session that installs another adapter alone skips them.
APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver

validator = pytest.importorskip("openapi_spec_validator")


def valid(app: APIGatewayRestResolver, **settings: Any) -> dict[str, Any]:
    """The app's document, checked against the OpenAPI 3.1 schema."""
    document = app.get_openapi_schema(**settings)
    validator.validate(dict(document))
    data: dict[str, Any] = json.loads(app.get_openapi_json_schema(**settings))
    return data


def test_every_declared_route_and_method_is_an_operation_and_nothing_else() -> None:
    app = APIGatewayRestResolver()
    app.get("/todos")(list)
    app.route("/todos/<todo_id:int>", method=["PUT", "PATCH"])(lambda todo_id: {})
    app.delete("/todos/<todo_id:int>")(lambda todo_id: {})

    paths = valid(app)["paths"]

    assert list(paths) == ["/todos", "/todos/{todo_id}"]
    assert list(paths["/todos"]) == ["get"]  # no automatic head/options
    assert list(paths["/todos/{todo_id}"]) == ["put", "patch", "delete"]


@pytest.mark.parametrize(
    ("rule", "template", "schema"),
    [
        ("/todos/<todo_id:int>", "/todos/{todo_id}", {"type": "integer", "minimum": 0}),
        ("/files/<todo_id:uuid>", "/files/{todo_id}", {"type": "string", "format": "uuid"}),
        ("/prices/<todo_id:float>", "/prices/{todo_id}", {"type": "number", "minimum": 0}),
        ("/todos/<todo_id>", "/todos/{todo_id}", {"type": "string"}),
        ("/static/<todo_id:path>", "/static/{todo_id}", {"type": "string"}),
    ],
)
def test_converters_type_the_path_parameters(rule: str, template: str, schema: dict) -> None:
    app = APIGatewayRestResolver()
    app.get(rule)(lambda todo_id: {})

    operation = valid(app)["paths"][template]["get"]

    assert operation["parameters"] == [
        {
            "name": "todo_id",
            "in": "path",
            "required": True,
            "schema": {**schema, "title": "Todo Id"},
        }
    ]


def test_catch_all_and_regex_rules_are_valid_templates_with_their_pattern() -> None:
    app = APIGatewayRestResolver()
    app.get("/api/v[0-9]+/items/<name>")(lambda name: {})
    app.get("/v<major:int>/status")(lambda major: {})
    app.get(".+")(dict)

    paths = valid(app)["paths"]

    regex = paths["/api/{segment1}/items/{name}"]["get"]["parameters"]
    assert regex[0]["schema"]["pattern"] == "^v[0-9]+$"
    assert regex[1]["name"] == "name"
    mixed = paths["/v{major}/status"]["get"]["parameters"]
    assert mixed == [
        {
            "name": "major",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 0, "title": "Major"},
        }
    ]
    assert paths["/{path}"]["get"]["parameters"][0]["name"] == "path"


def test_route_keywords_shape_the_operation() -> None:
    app = APIGatewayRestResolver()
    app.configure_openapi(security_schemes={"key": APIKey(name="X-Key", in_=APIKeyIn.header)})

    @app.post(
        "/todos",
        summary="Create",
        description="Creates a todo",
        tags=["todos"],
        operation_id="createTodo",
        deprecated=True,
        security=[{"key": []}],
        openapi_extensions={"x-amazon-apigateway-integration": {"type": "aws_proxy"}},
        responses={201: {"description": "Created"}, 409: {"description": "Exists"}},
        status_code=201,
    )
    def create() -> dict:
        return {}

    operation = valid(app)["paths"]["/todos"]["post"]

    assert operation == {
        "tags": ["todos"],
        "summary": "Create",
        "description": "Creates a todo",
        "operationId": "createTodo",
        "deprecated": True,
        "responses": {
            "201": {"description": "Created", "content": {"application/json": {}}},
            "409": {"description": "Exists"},  # an error status: no success schema
        },
        "security": [{"key": []}],
        "x-amazon-apigateway-integration": {"type": "aws_proxy"},
    }


def test_defaults_follow_powertools_summary_operation_id_and_status() -> None:
    app = APIGatewayRestResolver()

    @app.get("/todos/<todo_id>", status_code=202, response_description="Accepted it")
    def get_todo(todo_id: str) -> dict:
        return {}

    operation = valid(app)["paths"]["/todos/{todo_id}"]["get"]

    assert operation["summary"] == "GET /todos/{todo_id}"
    assert operation["operationId"] == "get_todo_todos__todo_id__get"
    assert operation["responses"] == {
        "202": {"description": "Accepted it", "content": {"application/json": {}}}
    }
    assert "deprecated" not in operation


def test_include_in_schema_false_leaves_the_route_out() -> None:
    app = APIGatewayRestResolver()
    app.get("/hidden", include_in_schema=False)(dict)
    app.get("/shown")(dict)

    assert list(valid(app)["paths"]) == ["/shown"]


def test_duplicate_operation_ids_are_made_unique_with_a_warning() -> None:
    app = APIGatewayRestResolver()
    app.route("/todos", method=["GET", "POST"], operation_id="todos")(dict)

    with pytest.warns(UserWarning, match="duplicate operation id 'todos'"):
        paths = valid(app)["paths"]

    assert paths["/todos"]["get"]["operationId"] == "todos"
    assert paths["/todos"]["post"]["operationId"] == "todos_post"


def test_responses_model_gets_the_model_schema_in_components() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Todo(pydantic.BaseModel):
        id: int
        title: str

    app = APIGatewayRestResolver()
    app.get(
        "/todos/<todo_id:int>",
        responses={
            200: {"description": "The todo", "content": {"application/json": {"model": Todo}}},
            404: {"description": "Not found"},
        },
    )(lambda todo_id: {})

    document = valid(app)

    content = document["paths"]["/todos/{todo_id}"]["get"]["responses"]["200"]["content"]
    assert content == {"application/json": {"schema": {"$ref": "#/components/schemas/Todo"}}}
    assert document["components"]["schemas"]["Todo"]["required"] == ["id", "title"]


def test_configuration_fills_info_servers_tags_security_and_call_keywords_win() -> None:
    app = APIGatewayRestResolver()
    app.configure_openapi(
        title="Todos",
        version="2.0.0",
        summary="Todo API",
        description="Keeps todos",
        tags=["todos", Tag(name="admin", description="Admin only")],
        servers=[Server(url="https://api.example.com")],
        terms_of_service="https://example.com/terms",
        contact=Contact(name="Support", email="support@example.com"),
        license_info=License(name="MIT", identifier="MIT"),
        security_schemes={"key": APIKey(name="X-Key", in_=APIKeyIn.header)},
        security=[{"key": []}],
        openapi_extensions={"x-owner": "team"},
    )
    app.get("/todos")(list)

    document = valid(app, version="3.0.0")

    assert document["info"] == {
        "title": "Todos",
        "version": "3.0.0",
        "summary": "Todo API",
        "description": "Keeps todos",
        "termsOfService": "https://example.com/terms",
        "contact": {"name": "Support", "email": "support@example.com"},
        "license": {"name": "MIT", "identifier": "MIT"},
    }
    assert document["servers"] == [{"url": "https://api.example.com"}]
    assert document["tags"] == [{"name": "todos"}, {"name": "admin", "description": "Admin only"}]
    assert document["security"] == [{"key": []}]
    assert document["components"]["securitySchemes"] == {
        "key": {"type": "apiKey", "in": "header", "name": "X-Key"}
    }
    assert document["x-owner"] == "team"


def test_default_server_and_error_components() -> None:
    app = APIGatewayRestResolver()
    app.get("/")(dict)

    document = valid(app)

    assert document["servers"] == [{"url": "/"}]
    error = document["components"]["schemas"]["ValidationError"]
    assert error["required"] == ["loc", "type"]  # the answers never carry `msg`


def test_security_naming_an_unknown_scheme_is_refused() -> None:
    app = APIGatewayRestResolver()
    app.get("/todos", security=[{"missing": []}])(list)

    with pytest.raises(SchemaValidationError, match="'missing'"):
        app.get_openapi_schema()


def test_the_schema_is_a_mapping_with_powertools_model_methods() -> None:
    app = APIGatewayRestResolver()

    @app.get("/todos")
    def list_todos() -> list:
        return []

    schema = app.get_openapi_schema()

    assert isinstance(schema, OpenAPISchema)
    assert schema["paths"]["/todos"]["get"]["operationId"] == "list_todos_todos_get"
    dumped = schema.model_dump(by_alias=True, exclude_none=True)
    dumped["paths"].clear()
    assert schema["paths"]  # a copy, not the document itself
    assert json.loads(schema.model_dump_json()) == dict(schema)
    assert app.get_openapi_json_schema().startswith('{\n  "openapi": "3.1.0"')


def test_an_included_router_is_documented_under_its_prefix() -> None:
    router = Router()
    router.get("/<todo_id:int>", tags=["todos"])(lambda todo_id: {})
    app = APIGatewayRestResolver()
    app.include_router(router, prefix="/todos")

    assert valid(app)["paths"]["/todos/{todo_id}"]["get"]["tags"] == ["todos"]


def test_openapi_3_0_is_written_as_3_1_with_a_warning() -> None:
    app = APIGatewayRestResolver()
    app.get("/")(dict)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = app.get_openapi_schema(openapi_version="3.0.3")

    assert document["openapi"] == "3.1.0"
    assert "3.1" in str(caught[0].message)


def test_unknown_setting_is_a_type_error() -> None:
    app = APIGatewayRestResolver()
    with pytest.raises(TypeError, match="titel"):
        app.get_openapi_schema(titel="x")


def test_declared_error_responses_alone_keep_the_success_status_documented() -> None:
    app = APIGatewayRestResolver()
    app.post(
        "/todos",
        status_code=201,
        responses={409: {"description": "Exists"}},
        response_description="Created",
    )(dict)

    responses = valid(app)["paths"]["/todos"]["post"]["responses"]

    assert responses == {
        "409": {"description": "Exists"},
        "201": {"description": "Created", "content": {"application/json": {}}},
    }


def test_a_route_whose_path_values_can_fail_to_match_documents_the_404_it_answers() -> None:
    app = APIGatewayRestResolver()
    app.get("/todos/<todo_id:int>")(lambda todo_id: {})
    app.get("/users/<name>")(lambda name: {})

    paths = valid(app)["paths"]
    not_found = app.test_client().get("/todos/not-a-number")

    schema = paths["/todos/{todo_id}"]["get"]["responses"]["404"]["content"]["application/json"]
    assert not_found.status_code == 404
    assert set(not_found.json()) == set(schema["schema"]["properties"])
    assert "404" not in paths["/users/{name}"]["get"]["responses"]  # any segment matches
