"""The route plan and JSON schemas router-openapi reads, and what an app loads."""

from __future__ import annotations

import subprocess
import sys
from typing import Annotated, Optional

import msgspec
import pytest

from router_core import Response
from router_validation import Body, Header, Query
from router_validation.plan import route_plan
from router_validation.schemas import json_schema

rest = pytest.importorskip("router_rest")


class Pet(msgspec.Struct):
    name: str


def test_a_route_plan_says_where_each_parameter_comes_from() -> None:
    app = rest.APIGatewayRestResolver(enable_validation=True)

    @app.post("/owners/<owner_id>/pets", status_code=201)
    def add(
        owner_id: int,
        pet: Pet,
        dry_run: bool = False,
        x_request_id: Annotated[Optional[str], Header(description="trace")] = None,
        limit: Annotated[int, Query(alias="max", gt=0)] = 5,
    ) -> Response[Pet]:
        return Response(201, "application/json", pet)

    plan = route_plan(app.routes[0])

    assert plan.engine == "msgspec"  # a Struct model chooses msgspec
    assert [(p.name, p.alias, p.location, p.required) for p in plan.parameters] == [
        ("owner_id", "owner_id", "path", True),
        ("dry_run", "dry_run", "query", False),
        ("x_request_id", "x-request-id", "header", False),
        ("limit", "max", "query", False),
    ]
    assert plan.parameters[2].marker.description == "trace"
    assert plan.parameters[3].default == 5
    assert plan.body is not None
    assert (plan.body.annotation, plan.body.media_type, plan.body.required) == (
        Pet,
        "application/json",
        True,
    )
    assert plan.response is not None
    assert (plan.response.annotation, plan.response.status_code) == (Pet, 201)
    assert route_plan(app.routes[0], "pydantic").engine == "pydantic"


def test_embedded_bodies_list_their_members() -> None:
    app = rest.APIGatewayRestResolver()

    @app.post("/x")
    def x(a: Annotated[int, Body()], b: Annotated[str, Body()] = "") -> None: ...

    body = route_plan(app.routes[0]).body
    assert body is not None and body.embed and body.annotation is None
    assert [(f.name, f.required) for f in body.fields] == [("a", True), ("b", False)]


def test_json_schema_gives_refs_and_components_for_both_engines() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Owner(pydantic.BaseModel):
        name: str

    schema, components = json_schema(list[Pet], "msgspec")
    assert schema == {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}
    assert components["Pet"]["required"] == ["name"]

    schema, components = json_schema(Owner, "pydantic", "#/defs/{model}")
    assert schema == {"$ref": "#/defs/Owner"}
    assert components["Owner"]["properties"]["name"]["type"] == "string"


def loaded_after(code: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with one of `prefixes` that a fresh interpreter running `code`
    has loaded."""
    script = (
        f"import sys\n{code}\nprint(sorted(m for m in sys.modules if m.startswith({prefixes!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    found: list[str] = eval(out.stdout.strip())  # a list of names printed by the script
    return found


EXTRAS = ("router_validation", "msgspec", "pydantic", "typing_extensions", "annotated_types")


def test_an_app_without_validation_imports_neither_engine() -> None:
    code = (
        "from router_rest import APIGatewayRestResolver\n"
        "app = APIGatewayRestResolver()\n"
        "app.get('/a/<n>')(lambda n: {'n': n})\n"
        "app.resolve({'resource': '/a', 'path': '/a/1', 'httpMethod': 'GET', 'headers': {},"
        " 'requestContext': {}}, None)\n"
    )
    assert loaded_after(code, EXTRAS) == []


def test_a_valid_request_loads_neither_the_error_path_nor_the_form_parser() -> None:
    code = (
        "import msgspec\n"
        "from router_rest import APIGatewayRestResolver\n"
        "class Item(msgspec.Struct):\n"
        "    name: str\n"
        "    tags: dict[str, int] = {}\n"
        "app = APIGatewayRestResolver(enable_validation=True)\n"
        "@app.post('/items')\n"
        "def add(item: Item) -> Item:\n"
        "    return item\n"
        "r = app.resolve({'resource': '/items', 'path': '/items', 'httpMethod': 'POST',"
        " 'headers': {'Content-Type': 'application/json'}, 'requestContext': {},"
        ' \'body\': \'{"name": "a", "tags": {"x": 1}}\'}, None)\n'
        "assert r['statusCode'] == 200, r\n"
    )
    loaded = loaded_after(code, ("router_validation",))

    assert "router_validation.msgspec_engine" in loaded
    assert "router_validation.msgspec_locate" not in loaded
    assert "router_validation.forms" not in loaded
    assert "router_validation.pydantic_engine" not in loaded


def test_a_missing_package_fails_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    from router_core import extensions
    from router_core.exceptions import MissingExtraError

    monkeypatch.setitem(sys.modules, "router_validation", None)  # type: ignore[arg-type]
    monkeypatch.setattr(extensions, "_missing", {})
    with pytest.raises(MissingExtraError, match="pip install router-validation"):
        rest.APIGatewayRestResolver(enable_validation=True)
    app = rest.APIGatewayRestResolver()
    with pytest.raises(MissingExtraError, match="enable_validation=True on route"):
        app.get("/x", enable_validation=True)(lambda: None)
