"""The bundled files on every installed source."""

from __future__ import annotations

from typing import Any

import pytest

from router_openapi.assets import SWAGGER_UI_VERSION
from router_swagger_ui import asset_bytes, enable_bundled_swagger

SCRIPT_SIZE = len(asset_bytes("swagger-ui-bundle.js"))


def test_every_source_serves_the_page_and_its_files(source: Any) -> None:
    app = source.app()
    app.get("/todos")(list)
    if app.codec.max_response_bytes < SCRIPT_SIZE:  # ALB: 1 MB
        with pytest.raises(ValueError, match=r"compress=True \(pip install router-compression\)"):
            enable_bundled_swagger(app, path="/swagger")
        return
    enable_bundled_swagger(app, path="/swagger")
    client = source.client(app)
    assets = f"/swagger/swagger-ui-{SWAGGER_UI_VERSION}"

    page = client.get("/swagger")
    css = client.get(f"{assets}/swagger-ui.min.css")
    script = client.get(f"{assets}/swagger-ui-bundle.min.js")

    assert page.status_code == 200
    assert f'src="{assets}/swagger-ui-bundle.min.js"' in page.body.decode("utf-8")
    assert (css.status_code, css.body) == (200, asset_bytes("swagger-ui.css"))
    assert (script.status_code, script.body) == (200, asset_bytes("swagger-ui-bundle.js"))


def test_compressed_the_script_fits_even_alb(source: Any) -> None:
    pytest.importorskip("router_compression")
    import gzip

    app = source.app()
    enable_bundled_swagger(app, path="/swagger", compress=True)
    client = source.client(app)

    script = client.get(
        f"/swagger/swagger-ui-{SWAGGER_UI_VERSION}/swagger-ui-bundle.min.js",
        headers={"Accept-Encoding": "gzip"},
    )

    assert script.status_code == 200
    assert script.header("Content-Encoding") == "gzip"
    assert gzip.decompress(script.body) == asset_bytes("swagger-ui-bundle.js")
