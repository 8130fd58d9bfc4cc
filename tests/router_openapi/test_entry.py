from __future__ import annotations

import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest

from router_core.exceptions import MissingExtraError
from router_openapi import (
    APIKey,
    APIKeyIn,
    HTTPBearer,
    OAuth2,
    OAuthFlowAuthorizationCode,
    OAuthFlows,
    OpenIdConnect,
)
from router_rest import APIGatewayRestResolver


@pytest.mark.parametrize(
    "call",
    [
        lambda app: app.get_openapi_schema(),
        lambda app: app.get_openapi_json_schema(),
        lambda app: app.configure_openapi(title="x"),
        lambda app: app.enable_swagger(),
        lambda app: app.configure_openapi_merge("."),
    ],
)
def test_every_entry_point_names_the_package_when_it_is_missing(
    monkeypatch: pytest.MonkeyPatch, call: Any
) -> None:
    from router_core import extensions

    monkeypatch.setitem(sys.modules, "router_openapi", None)  # import fails as if absent
    monkeypatch.setattr(extensions, "_missing", {})
    app = APIGatewayRestResolver()
    app.get("/todos", summary="Todos", tags=["todos"])(list)  # keywords need nothing

    with pytest.raises(MissingExtraError, match="pip install router-openapi"):
        call(app)
    assert app.test_client().get("/todos").status_code == 200


def test_security_schemes_serialize_as_openapi() -> None:
    flows = OAuthFlows(
        authorizationCode=OAuthFlowAuthorizationCode(
            authorizationUrl="https://auth.example.com/authorize",
            tokenUrl="https://auth.example.com/token",
            scopes={"read": "Read todos"},
        )
    )
    assert APIKey(name="key", in_=APIKeyIn.query).model_dump() == {
        "type": "apiKey",
        "in": "query",
        "name": "key",
    }
    assert HTTPBearer(bearerFormat="JWT").model_dump() == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    assert OAuth2(flows=flows).model_dump()["flows"]["authorizationCode"]["scopes"] == {
        "read": "Read todos"
    }
    assert OpenIdConnect(openIdConnectUrl="https://x/.well-known").model_dump()["type"] == (
        "openIdConnect"
    )
    with pytest.raises(TypeError, match="'name'"):
        APIKey(in_=APIKeyIn.query)


def test_validated_routes_are_documented_from_the_validation_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """router-validation's `route_plan` drives parameters, body and responses."""

    class Spec(types.SimpleNamespace):
        pass

    def route_plan(route: Any, engine: str | None = None) -> Any:
        return Spec(
            engine="msgspec",
            parameters=(
                Spec(
                    name="todo_id",
                    alias="todo_id",
                    location="path",
                    annotation=int,
                    required=True,
                    default=None,
                    marker=None,
                ),
                Spec(
                    name="limit",
                    alias="limit",
                    location="query",
                    annotation=int,
                    required=False,
                    default=10,
                    marker=Spec(ge=1, le=100, description="Max"),
                ),
                Spec(
                    name="x_trace",
                    alias="X-Trace",
                    location="header",
                    annotation=str,
                    required=True,
                    default=None,
                    marker=None,
                ),
            ),
            body=Spec(
                annotation=dict,
                required=True,
                media_type="application/json",
                embed=False,
                fields=None,
            ),
            response=Spec(annotation=list, status_code=201),
        )

    plan = types.ModuleType("router_validation.plan")
    plan.route_plan = route_plan  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "router_validation", types.ModuleType("router_validation"))
    monkeypatch.setitem(sys.modules, "router_validation.plan", plan)
    monkeypatch.setitem(sys.modules, "router_validation.schemas", None)
    app = APIGatewayRestResolver()
    app.put(
        "/todos/<todo_id:int>", enable_validation=True, custom_response_validation_http_code=500
    )(lambda todo_id: [])

    operation = app.get_openapi_schema()["paths"]["/todos/{todo_id}"]["put"]

    assert [(p["in"], p["name"], p["required"]) for p in operation["parameters"]] == [
        ("path", "todo_id", True),
        ("query", "limit", False),
        ("header", "X-Trace", True),
    ]
    limit = operation["parameters"][1]
    assert limit["schema"] == {
        "type": "integer",
        "title": "Limit",
        "minimum": 1,
        "maximum": 100,
        "default": 10,
    }
    assert limit["description"] == "Max"
    assert operation["requestBody"] == {
        "content": {"application/json": {"schema": {"type": "object"}}},
        "required": True,
    }
    assert set(operation["responses"]) == {"422", "415", "500", "201"}
    assert operation["responses"]["201"]["content"]["application/json"] == {
        "schema": {"type": "array"}
    }


def test_merge_documents_several_functions(tmp_path: Path) -> None:
    for name, rule in (("users", "/users"), ("orders", "/orders")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "handler.py").write_text(
            textwrap.dedent(f"""
            from router_rest import APIGatewayRestResolver
            app = APIGatewayRestResolver()
            app.get("{rule}", tags=["{name}"])(lambda: [])
        """)
        )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "handler.py").write_text("raise RuntimeError('never loaded')\n")
    gateway = APIGatewayRestResolver()

    gateway.configure_openapi_merge(str(tmp_path), recursive=True, title="Shop")
    merged = gateway.get_openapi_merge_schema()

    assert merged["info"]["title"] == "Shop"
    assert sorted(merged["paths"]) == ["/orders", "/users"]
    gateway.enable_swagger()
    page = gateway.test_client().get("/swagger", query={"format": "json"})
    assert sorted(page.json()["paths"]) == ["/orders", "/users"]
