"""Swagger UI renders every operation in headless Chromium, with swagger-ui-dist served from
this machine (no network). Needs `chromium` and ROUTER_SWAGGER_UI_DIST (an unpacked
swagger-ui-dist of the pinned version): `nox -s swagger-ui` provides both."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from router_openapi.assets import BASE_URL_FILES
from router_rest import APIGatewayRestResolver

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DIST = os.environ.get("ROUTER_SWAGGER_UI_DIST")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or not DIST, reason="needs chromium and ROUTER_SWAGGER_UI_DIST"
)


def test_every_operation_appears_in_the_rendered_page(tmp_path: Path) -> None:
    for name, served_as in BASE_URL_FILES.items():
        shutil.copy(Path(str(DIST)) / name, tmp_path / served_as)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        app = APIGatewayRestResolver()
        app.get("/todos", summary="List todos")(list)
        app.post("/todos", summary="Create a todo")(dict)
        app.delete("/todos/<todo_id:int>", summary="Delete a todo")(lambda todo_id: {})
        app.enable_swagger(swagger_base_url=base)
        (tmp_path / "index.html").write_bytes(app.test_client().get("/swagger").body)

        dom = subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--virtual-time-budget=15000",
                "--dump-dom",
                f"{base}/index.html",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    finally:
        server.shutdown()

    for summary in ("List todos", "Create a todo", "Delete a todo"):
        assert summary in dom
    assert 'class="opblock-summary-method">DELETE' in dom.replace("</span>", "")
