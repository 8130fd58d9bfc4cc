from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from rest_events import make_event

from router_openapi import OAuth2Config
from router_openapi.assets import CDN_BASE_URL, INTEGRITY, SWAGGER_UI_VERSION

# Apps here are REST API apps: a session that installs another adapter alone skips them.
APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver


def rest_event(
    path: str, query: dict[str, str] | None = None, stage: str = "prod"
) -> dict[str, object]:
    """A REST API (payload 1.0) event for a GET on the execute-api host."""
    return make_event("GET", path, query={k: [v] for k, v in (query or {}).items()}, stage=stage)


def todo_app(**swagger: object) -> APIGatewayRestResolver:
    app = APIGatewayRestResolver()
    app.get("/todos")(list)
    app.post("/todos")(dict)
    app.enable_swagger(title="Todos", **swagger)
    return app


def test_the_page_loads_pinned_assets_with_integrity_and_embeds_the_document() -> None:
    response = todo_app().resolve(rest_event("/swagger"), None)

    assert response["statusCode"] == 200
    assert response["multiValueHeaders"]["Content-Type"] == ["text/html"]
    page = response["body"]
    bundle = (
        f'src="{CDN_BASE_URL}/swagger-ui-bundle.js" integrity="{INTEGRITY["swagger-ui-bundle.js"]}"'
    )
    assert bundle in page
    assert f'href="{CDN_BASE_URL}/swagger-ui.css" integrity="{INTEGRITY["swagger-ui.css"]}"' in page
    assert f"swagger-ui-dist@{SWAGGER_UI_VERSION}" in page
    spec = json.loads(re.search(r"spec: (\{.*?\n\}),\n", page, re.S).group(1))  # type: ignore[union-attr]
    assert spec["info"]["title"] == "Todos"
    assert list(spec["paths"]) == ["/todos"]  # the swagger route itself is not documented
    assert spec["servers"] == [{"url": "/prod"}]  # the stage the page was asked under


def test_format_json_answers_the_document() -> None:
    response = todo_app().resolve(rest_event("/swagger", {"format": "json"}), None)

    assert response["statusCode"] == 200
    assert response["multiValueHeaders"]["Content-Type"] == ["application/json"]
    document = json.loads(response["body"])
    assert set(document["paths"]["/todos"]) == {"get", "post"}


def test_custom_domain_without_stage_in_the_path_gets_root_server() -> None:
    event = rest_event("/swagger", {"format": "json"})
    event["requestContext"]["path"] = "/swagger"

    document = json.loads(todo_app().resolve(event, None)["body"])

    assert document["servers"] == [{"url": "/"}]


def test_oauth2_redirect_page_loads_swagger_uis_redirect_script() -> None:
    response = todo_app().resolve(rest_event("/swagger", {"format": "oauth2-redirect"}), None)

    assert response["statusCode"] == 200
    integrity = INTEGRITY["oauth2-redirect.js"]
    assert f'src="{CDN_BASE_URL}/oauth2-redirect.js" integrity="{integrity}"' in response["body"]


def test_swagger_base_url_serves_powertools_file_names_without_integrity() -> None:
    app = todo_app(swagger_base_url="https://assets.example.com/ui", path="/docs")

    page = app.resolve(rest_event("/docs"), None)["body"]

    assert '<script src="https://assets.example.com/ui/swagger-ui-bundle.min.js"></script>' in page
    assert 'href="https://assets.example.com/ui/swagger-ui.min.css">' in page
    assert "cdn.jsdelivr" not in page


def test_a_script_closing_tag_in_the_document_cannot_break_the_page() -> None:
    app = APIGatewayRestResolver()
    app.get("/x", description="</script><script>alert(1)</script>")(dict)
    app.enable_swagger()

    page = app.resolve(rest_event("/swagger"), None)["body"]

    assert "</script><script>alert(1)" not in page
    assert "<\\/script><script>alert(1)<\\/script>" in page


def test_oauth2_config_and_persist_authorization_reach_the_page() -> None:
    config = OAuth2Config(client_id="abc", app_name="Todos", scopes=["read"])
    page = todo_app(oauth2_config=config, persist_authorization=True).resolve(
        rest_event("/swagger"), None
    )["body"]

    assert "persistAuthorization: true" in page
    init = re.search(r"ui\.initOAuth\((\{.*?\})\);", page)
    assert init is not None
    assert json.loads(init.group(1)) == {
        "clientId": "abc",
        "appName": "Todos",
        "scopes": ["read"],
        "additionalQueryStringParams": {},
        "useBasicAuthenticationWithAccessCodeGrant": False,
        "usePkceWithAuthorizationCodeGrant": False,
    }


def test_client_secret_is_refused_outside_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROUTER_DEBUG", raising=False)
    with pytest.raises(ValueError, match="ROUTER_DEBUG"):
        OAuth2Config(app_name="Todos", client_secret="s3cret")


def test_swagger_middlewares_run_on_the_page() -> None:
    calls = []

    def audit(app, next_middleware):  # type: ignore[no-untyped-def]
        calls.append(app.current_event.path)
        return next_middleware(app)

    response = todo_app(middlewares=[audit]).resolve(rest_event("/swagger"), None)

    assert response["statusCode"] == 200
    assert calls == ["/swagger"]


def test_unknown_keyword_fails_when_enabling() -> None:
    app = APIGatewayRestResolver()
    with pytest.raises(TypeError):
        app.enable_swagger(titel="x")


def _tarball_package() -> Path | None:
    """swagger-ui-dist of the pinned version, unpacked, when a session provided it."""
    import os

    folder = os.environ.get("ROUTER_SWAGGER_UI_DIST")
    return Path(folder) if folder and Path(folder, "package.json").is_file() else None


def test_integrity_hashes_are_those_of_the_pinned_release() -> None:
    package = _tarball_package()
    if package is None:
        pytest.skip("set ROUTER_SWAGGER_UI_DIST to an unpacked swagger-ui-dist (nox -s swagger-ui)")
    assert json.loads((package / "package.json").read_text())["version"] == SWAGGER_UI_VERSION
    for name, integrity in INTEGRITY.items():
        digest = hashlib.sha384((package / name).read_bytes()).digest()
        assert integrity == "sha384-" + base64.b64encode(digest).decode()


def test_swagger_ui_on_a_validating_app_leaves_every_route_working() -> None:
    pytest.importorskip("router_validation")
    pytest.importorskip("msgspec")
    app = APIGatewayRestResolver(enable_validation=True, validation_engine="msgspec")
    app.enable_swagger(path="/swagger")
    app.get("/todos/<todo_id:int>")(lambda todo_id: {"id": todo_id})

    page = app.resolve(rest_event("/swagger"), None)
    document = app.resolve(rest_event("/swagger", {"format": "json"}), None)
    todo = app.resolve(rest_event("/todos/7"), None)

    assert (page["statusCode"], page["multiValueHeaders"]["Content-Type"]) == (200, ["text/html"])
    assert list(json.loads(document["body"])["paths"]) == ["/todos/{todo_id}"]
    assert (todo["statusCode"], json.loads(todo["body"])) == (200, {"id": 7})


def test_a_host_other_than_execute_api_gets_root_server_whatever_the_context_path() -> None:
    # The local server (`router serve`) and custom domains: the stage is not in the URL, so
    # Swagger UI's requests must not carry it.
    event = rest_event("/swagger", {"format": "json"})
    event["headers"]["Host"] = event["multiValueHeaders"]["Host"][0] = "127.0.0.1:3000"
    event["requestContext"]["domainName"] = "127.0.0.1:3000"

    document = json.loads(todo_app().resolve(event, None)["body"])

    assert document["servers"] == [{"url": "/"}]


def test_the_local_server_serves_a_document_whose_server_is_its_own_root() -> None:
    app = todo_app()

    document = app.test_client().get("/swagger", query={"format": "json"}).json()

    assert document["servers"] == [{"url": "/"}]
