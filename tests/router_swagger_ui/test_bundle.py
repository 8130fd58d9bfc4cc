"""The bundled files are the pinned release, and a function serves Swagger UI with them under
the stage it is requested under, no CDN involved."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

import pytest
from rest_events import make_event

from router_openapi.assets import CDN_BASE_URL, INTEGRITY, SWAGGER_UI_VERSION
from router_swagger_ui import ASSETS_DIR, asset_bytes, enable_bundled_swagger

ASSETS = f"/swagger/swagger-ui-{SWAGGER_UI_VERSION}"


def rest_event(path: str, query: dict[str, str] | None = None) -> dict[str, Any]:
    """A REST API (payload 1.0) GET as it arrives through the execute-api host, stage prod."""
    return make_event("GET", path, query={k: [v] for k, v in (query or {}).items()})


def _rest_app() -> Any:
    # Apps here are REST API apps: a session that installs another adapter alone skips them.
    return pytest.importorskip("router_rest").APIGatewayRestResolver()


def _app() -> Any:
    app = _rest_app()
    app.get("/todos", summary="List todos")(list)
    enable_bundled_swagger(app, path="/swagger", title="Todos")
    return app


def test_the_bundled_files_are_the_pinned_release() -> None:
    for name, integrity in INTEGRITY.items():
        digest = base64.b64encode(hashlib.sha384(asset_bytes(name)).digest()).decode()
        assert f"sha384-{digest}" == integrity, name
    notice = (ASSETS_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "swagger-ui" in notice
    assert "Apache License" in (ASSETS_DIR / "LICENSE").read_text(encoding="utf-8")


def test_the_page_links_the_files_the_function_serves_under_its_stage() -> None:
    app = _app()

    page = app.resolve(rest_event("/swagger"), None)

    body = page["body"]
    assert page["statusCode"] == 200
    assert CDN_BASE_URL not in body
    assert f'src="/prod{ASSETS}/swagger-ui-bundle.min.js"' in body
    assert f'href="/prod{ASSETS}/swagger-ui.min.css"' in body
    spec = json.loads(re.search(r"spec: (\{.*?\n\}),\n", body, re.S).group(1))  # type: ignore[union-attr]
    assert list(spec["paths"]) == ["/todos"]  # neither the page nor its files are documented


@pytest.mark.parametrize(
    ("served", "bundled", "content_type"),
    [
        ("swagger-ui-bundle.min.js", "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        ("swagger-ui.min.css", "swagger-ui.css", "text/css; charset=utf-8"),
        ("oauth2-redirect.js", "oauth2-redirect.js", "text/javascript; charset=utf-8"),
    ],
)
def test_each_file_is_served_whole_and_cached_for_good(
    served: str, bundled: str, content_type: str
) -> None:
    response = _app().resolve(rest_event(f"{ASSETS}/{served}"), None)

    assert response["statusCode"] == 200
    assert response["multiValueHeaders"]["Content-Type"] == [content_type]
    assert response["multiValueHeaders"]["Cache-Control"] == ["public, max-age=31536000, immutable"]
    assert response["body"].encode("utf-8") == asset_bytes(bundled)


def test_an_unknown_file_answers_404_and_the_redirect_page_uses_the_bundle() -> None:
    app = _app()

    missing = app.resolve(rest_event(f"{ASSETS}/index.html"), None)
    redirect = app.resolve(rest_event("/swagger", {"format": "oauth2-redirect"}), None)

    assert missing["statusCode"] == 404
    assert json.loads(missing["body"]) == {"statusCode": 404, "message": "Not found"}
    assert f'src="/prod{ASSETS}/oauth2-redirect.js"' in redirect["body"]


def test_swagger_base_url_is_refused_naming_the_conflict() -> None:
    app = _rest_app()

    with pytest.raises(TypeError, match="swagger_base_url"):
        enable_bundled_swagger(app, swagger_base_url="https://example.com/ui")
