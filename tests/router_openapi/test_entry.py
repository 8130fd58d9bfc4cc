from __future__ import annotations

import sys
import textwrap
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

# Apps here are REST API apps: a session that installs another adapter alone skips them.
APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver


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
