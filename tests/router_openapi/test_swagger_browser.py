"""Swagger UI renders every operation in headless Chromium, with swagger-ui-dist served from
this machine (no network).

Needs `chromium` and ROUTER_SWAGGER_UI_DIST (an unpacked swagger-ui-dist of the pinned version):
`nox -s swagger-ui` provides both. The page and its document come from the app itself (through
its test client, behind a small local HTTP server); the assets from the unpacked tarball. With
ROUTER_SWAGGER_UI_SCREENSHOT=FILE.png the page is also saved as a screenshot, to look at.
"""

from __future__ import annotations

import hashlib
import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
from base64 import b64encode
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from router_openapi import APIKey, APIKeyIn, Tag
from router_openapi.assets import BASE_URL_FILES, CDN_BASE_URL, INTEGRITY

# Apps here are REST API apps: a session that installs another adapter alone skips them.
APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver

CHROMIUM = (
    os.environ.get("ROUTER_CHROMIUM")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
)
DIST = os.environ.get("ROUTER_SWAGGER_UI_DIST")
# Without the assets the tests skip (the ordinary suite); given them, a missing browser fails.
pytestmark = pytest.mark.skipif(not DIST, reason="needs ROUTER_SWAGGER_UI_DIST (nox -s swagger-ui)")

# Flags that keep a headless Chromium off the network (this machine has none) and repeatable.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-extensions",
    "--hide-scrollbars",
    # Virtual time runs the page's scripts to quiescence, however slow the machine.
    "--virtual-time-budget=20000",
]
# An operation's block: its method label, then its path.
_OPERATION = re.compile(
    r'<span class="opblock-summary-method">(\w+)</span>.*?data-path="([^"]*)"', re.S
)


def _app() -> APIGatewayRestResolver:
    """Routes of every kind: methods, converters, a regex and a catch-all, tags, security,
    a deprecated route and a hidden one."""
    app = APIGatewayRestResolver()
    app.configure_openapi(
        title="Todos",
        version="2.1.0",
        tags=[Tag(name="todos", description="Reading and writing todos")],
        security_schemes={"apiKey": APIKey(name="X-API-Key", in_=APIKeyIn.header)},
    )
    app.get("/todos", summary="List todos", tags=["todos"])(list)
    app.post("/todos", summary="Create a todo", tags=["todos"], status_code=201)(dict)
    app.get("/todos/<todo_id:int>", tags=["todos"])(lambda todo_id: {})
    app.put("/todos/<todo_id:int>", tags=["todos"], security=[{"apiKey": []}])(lambda todo_id: {})
    app.delete("/todos/<todo_id:int>", summary="Delete a todo", deprecated=True)(lambda todo_id: {})
    app.patch("/files/<key:uuid>", summary="Rename a file")(lambda key: {})
    app.get("/api/v[0-9]+/status", summary="Status of a version")(dict)
    app.get("/internal", include_in_schema=False)(dict)
    app.route(".+", method=["GET"], summary="Anything else")(dict)
    return app


EXPECTED = {
    ("get", "/todos"),
    ("post", "/todos"),
    ("get", "/todos/{todo_id}"),
    ("put", "/todos/{todo_id}"),
    ("delete", "/todos/{todo_id}"),
    ("patch", "/files/{key}"),
    ("get", "/api/{segment1}/status"),
    ("get", "/{path}"),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    """`/assets/NAME` from the assets folder; anything else from the app, through its test
    client (so the page, `?format=json` and the redirect page are the app's own answers)."""

    app: Any
    assets: Path

    def do_GET(self) -> None:
        if self.path.startswith("/assets/"):
            file = self.assets / self.path.removeprefix("/assets/").split("?")[0]
            if not file.is_file():
                self._send(404, "text/plain", b"not found")
                return
            kind = "text/css" if file.suffix == ".css" else "application/javascript"
            self._send(200, kind, file.read_bytes())
            return
        answer = self.app.test_client().get(self.path)
        self._send(answer.status_code, answer.header("Content-Type") or "", answer.body)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the test reports what matters


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    """serve(app, assets) -> the base URL of a local server for `app` and the files in
    `assets`; every server is closed after the test."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(app: Any, assets: Path) -> str:
        handler = type("Handler", (_Handler,), {"app": app, "assets": assets})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _assets(folder: Path, names: dict[str, str]) -> Path:
    """Copies swagger-ui-dist's files into `folder` under `names` (file -> served name)."""
    folder.mkdir()
    for name, served_as in names.items():
        shutil.copy(Path(str(DIST)) / name, folder / served_as)
    return folder


def _chromium(url: str, *extra: str) -> str:
    """What headless Chromium shows of `url` once its scripts are done (the DOM), from a fresh
    profile each time."""
    if CHROMIUM is None:
        pytest.fail("ROUTER_SWAGGER_UI_DIST is set but no chromium is installed")
    with tempfile.TemporaryDirectory(prefix="router-chromium-") as profile:
        result = subprocess.run(
            [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )
    return result.stdout


def _rendered(url: str) -> tuple[set[tuple[str, str]], str]:
    dom = _chromium(url, "--dump-dom")
    screenshot = os.environ.get("ROUTER_SWAGGER_UI_SCREENSHOT")
    if screenshot:
        _chromium(url, "--window-size=1280,1600", f"--screenshot={screenshot}")
    found = {(method.lower(), path) for method, path in _OPERATION.findall(dom)}
    return found, dom


def _documented(app: Any) -> set[tuple[str, str]]:
    paths = app.get_openapi_schema()["paths"]
    return {(method, path) for path, item in paths.items() for method in item}


def test_every_operation_renders_with_assets_from_swagger_base_url(
    serve: Any, tmp_path: Path
) -> None:
    app = _app()
    assets = _assets(tmp_path / "assets", BASE_URL_FILES)
    base = serve(app, assets)
    app.enable_swagger(path="/swagger", swagger_base_url=f"{base}/assets")

    operations, dom = _rendered(f"{base}/swagger")

    assert _documented(app) == EXPECTED
    assert operations == EXPECTED
    assert "errors-wrapper" not in dom  # Swagger UI lists a document it cannot read there
    assert re.search(r'class="title">Todos<.*?"version"> 2\.1\.0 <.*?>OAS 3\.1<', dom, re.S)
    for summary in ("List todos", "Create a todo", "Delete a todo", "Anything else"):
        assert summary in dom
    assert 'class="opblock opblock-deprecated"' in dom


def test_every_operation_renders_with_the_files_the_function_serves_itself(
    serve: Any, tmp_path: Path
) -> None:
    bundle = pytest.importorskip("router_swagger_ui")
    app = _app()
    bundle.enable_bundled_swagger(app, path="/docs/swagger")
    empty = tmp_path / "nothing"
    empty.mkdir()
    base = serve(app, empty)  # no asset folder: the app answers for every file

    operations, dom = _rendered(f"{base}/docs/swagger")

    assert operations == EXPECTED
    assert "errors-wrapper" not in dom


def test_the_pinned_integrity_hashes_are_those_of_the_pinned_release(
    serve: Any, tmp_path: Path
) -> None:
    # The default page loads the CDN's files with integrity hashes: served from here under
    # the same names, the browser runs them only if the hashes are those of the release.
    for name, integrity in INTEGRITY.items():
        digest = hashlib.sha384((Path(str(DIST)) / name).read_bytes()).digest()
        assert integrity == "sha384-" + b64encode(digest).decode()
    app = _app()
    app.enable_swagger(path="/swagger")
    base = serve(app, _assets(tmp_path / "assets", {name: name for name in INTEGRITY}))
    page = app.test_client().get("/swagger").text
    assert page.count('integrity="sha384-') == 2
    app.get("/local")(lambda: _html(page.replace(CDN_BASE_URL, f"{base}/assets")))

    operations, _ = _rendered(f"{base}/local")

    assert operations == EXPECTED


def test_a_file_that_does_not_match_its_hash_is_refused_by_the_browser(
    serve: Any, tmp_path: Path
) -> None:
    app = _app()
    app.enable_swagger(path="/swagger")
    assets = _assets(tmp_path / "assets", {name: name for name in INTEGRITY})
    with open(assets / "swagger-ui-bundle.js", "a") as bundle:
        bundle.write("\n// one more line\n")
    base = serve(app, assets)
    page = app.test_client().get("/swagger").text
    app.get("/local")(lambda: _html(page.replace(CDN_BASE_URL, f"{base}/assets")))

    operations, dom = _rendered(f"{base}/local")

    assert operations == set()
    assert '<div id="swagger-ui">Loading...</div>' in dom


def test_the_oauth2_redirect_page_hands_the_token_to_swagger_ui(serve: Any, tmp_path: Path) -> None:
    app = _app()
    assets = _assets(tmp_path / "assets", BASE_URL_FILES)
    base = serve(app, assets)
    app.enable_swagger(path="/swagger", swagger_base_url=f"{base}/assets")
    # What Swagger UI does for an implicit flow: it leaves a callback on its window and opens
    # the provider, which redirects to `?format=oauth2-redirect#access_token=...`; the
    # redirect page's script hands the token to the callback. This page plays Swagger UI.
    app.get("/opener")(lambda: _html(_OPENER))

    dom = _chromium(f"{base}/opener", "--disable-popup-blocking", "--dump-dom")

    assert 'data-token="t0ken" data-valid="true"' in dom


_OPENER = """<!DOCTYPE html><html><body><script>
window.swaggerUIRedirectOauth2 = {
  state: "s1",
  redirectUrl: "/swagger?format=oauth2-redirect",
  auth: {name: "oauth", code: null, schema: {get: function () { return "implicit"; }}},
  callback: function (result) {
    document.body.setAttribute("data-token", result.token.access_token);
    document.body.setAttribute("data-valid", String(result.isValid));
  },
  errCb: function (error) { document.body.setAttribute("data-error", error.message); }
};
window.open("/swagger?format=oauth2-redirect#access_token=t0ken&state=s1");
</script></body></html>"""


def _html(text: str) -> Any:
    from router_core import Response

    return Response(200, "text/html", text)
