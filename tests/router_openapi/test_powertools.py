"""The document's structure beside the one Powertools 3.37 writes for the same app: paths,
operations, parameters, request bodies, responses, components and security agree, less the
deliberate differences docs/openapi.md lists (each one asserted here as what it is)."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

pytest.importorskip("aws_lambda_powertools")
pytest.importorskip("pydantic")
pytest.importorskip("router_validation")
pytest.importorskip("router_rest")

POWERTOOLS_IMPORTS = """
from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.event_handler.openapi.models import (
    APIKey, APIKeyIn, Contact, HTTPBearer, Server, Tag,
)
from aws_lambda_powertools.event_handler.openapi.params import Body, Header, Path, Query
"""
ROUTER_IMPORTS = """
from router_openapi import APIKey, APIKeyIn, Contact, HTTPBearer, Server, Tag
from router_rest import APIGatewayRestResolver
from router_validation import Body, Header, Path, Query
"""
# One app, written once, run with either library's imports: what a migrating user has.
APP = """
from typing import Annotated, List, Optional

from pydantic import BaseModel, Field


class Todo(BaseModel):
    id: int
    title: str = Field(min_length=1)
    done: bool = False


class NewTodo(BaseModel):
    title: str
    tags: List[str] = []


class Problem(BaseModel):
    message: str


app = APIGatewayRestResolver(enable_validation=True)
app.configure_openapi(
    title="Todos",
    version="1.2.3",
    summary="Todo lists",
    description="Reading and writing todos",
    tags=[Tag(name="todos", description="The todos")],
    servers=[Server(url="https://api.example.com")],
    contact=Contact(name="Support", email="support@example.com"),
    security_schemes={
        "key": APIKey(name="X-Key", in_=APIKeyIn.header),
        "bearer": HTTPBearer(),
    },
    security=[{"key": []}],
)


@app.get("/todos", tags=["todos"], summary="List", description="All todos")
def list_todos(
    limit: Annotated[int, Query(ge=1, le=100, description="At most")] = 10,
    q: Optional[str] = None,
    tags: Annotated[Optional[List[str]], Query()] = None,
    x_trace: Annotated[Optional[str], Header()] = None,
) -> List[Todo]:
    return []


@app.post(
    "/todos",
    tags=["todos"],
    operation_id="createTodo",
    responses={
        201: {"description": "Created", "content": {"application/json": {"model": Todo}}},
        409: {"description": "Exists", "content": {"application/json": {"model": Problem}}},
    },
    security=[{"bearer": []}],
)
def create(todo: NewTodo) -> Todo:
    return Todo(id=1, title=todo.title)


@app.get("/todos/<todo_id>", deprecated=True, response_description="The todo")
def get_todo(todo_id: int) -> Todo:
    return Todo(id=todo_id, title="x")


@app.put("/todos/<todo_id>")
def put_todo(
    todo_id: Annotated[int, Path(ge=1)],
    todo: Annotated[NewTodo, Body(embed=True)],
    note: Annotated[str, Body()],
) -> dict:
    return {}


@app.delete("/todos/<todo_id>", openapi_extensions={"x-audit": "yes"})
def delete_todo(todo_id: int):
    return {}


@app.get("/hidden", include_in_schema=False)
def hidden():
    return {}


@app.get("/plain")
def plain():
    return {}
"""


def _document(name: str, imports: str) -> dict[str, Any]:
    # A real module, so that the handlers' annotations resolve in it as in an app's file.
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(imports + APP, f"<{name}>", "exec"), module.__dict__)
        schema = module.app.get_openapi_schema()
        return dict(schema.model_dump(by_alias=True, exclude_none=True, mode="json"))
    finally:
        del sys.modules[name]


@pytest.fixture(scope="module")
def documents() -> tuple[dict[str, Any], dict[str, Any]]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Powertools' own deprecation notices
        powertools = _document("powertools_openapi_app", POWERTOOLS_IMPORTS)
    return powertools, _document("router_openapi_app", ROUTER_IMPORTS)


def _without_415(paths: dict[str, Any]) -> tuple[dict[str, Any], set[tuple[str, str]]]:
    """The paths less the 415 entries, and where those were."""
    import copy

    paths = copy.deepcopy(paths)
    found = set()
    for template, item in paths.items():
        for method, operation in item.items():
            if operation["responses"].pop("415", None) is not None:
                found.add((method, template))
    return paths, found


def test_paths_operations_parameters_bodies_and_responses_agree(documents: Any) -> None:
    powertools, ours = documents
    ours_paths, with_415 = _without_415(ours["paths"])

    # Deliberate: a route that reads a body documents the 415 it answers for another
    # content type (Powertools answers it too, undocumented).
    assert with_415 == {("post", "/todos"), ("put", "/todos/{todo_id}")}
    assert "415" not in str(powertools["paths"])
    assert ours_paths == powertools["paths"]  # numbers compare by value: 100 == 100.0


def test_components_agree_but_the_error_schemas(documents: Any) -> None:
    powertools, ours = documents
    theirs = dict(powertools["components"]["schemas"])
    mine = dict(ours["components"]["schemas"])
    errors = ("ValidationError", "HTTPValidationError", "ResponseValidationError")

    assert {k: v for k, v in mine.items() if k not in errors} == {
        k: v for k, v in theirs.items() if k not in errors
    }
    assert set(errors) <= set(mine)
    # Deliberate: the 422 answers carry `loc` and `type` (never `msg`), and `statusCode`.
    assert theirs["ValidationError"]["required"] == ["loc", "msg", "type"]
    assert mine["ValidationError"]["required"] == ["loc", "type"]
    assert "msg" not in mine["ValidationError"]["properties"]
    for name in ("HTTPValidationError", "ResponseValidationError"):
        assert mine[name]["properties"]["detail"] == theirs[name]["properties"]["detail"]
        assert mine[name]["properties"]["statusCode"] == {"type": "integer", "title": "Status Code"}
    assert ours["components"]["securitySchemes"] == powertools["components"]["securitySchemes"]


def test_info_servers_tags_and_security_agree(documents: Any) -> None:
    powertools, ours = documents

    for key in ("openapi", "info", "servers", "tags", "security"):
        assert ours[key] == powertools[key], key
    assert set(ours) == set(powertools)
