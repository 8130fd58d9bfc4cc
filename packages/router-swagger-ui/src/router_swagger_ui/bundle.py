"""`enable_bundled_swagger`: router-openapi's Swagger UI route, plus a route that serves the
bundled files under a versioned path, so browsers may keep them for good."""

from __future__ import annotations

from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from router_core.resolver import BaseResolver

ASSETS_DIR = Path(__file__).parent / "assets"

# Served name (the names `swagger_base_url` folders use) -> (bundled file, content type).
_FILES = {
    "swagger-ui-bundle.min.js": ("swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
    "swagger-ui.min.css": ("swagger-ui.css", "text/css; charset=utf-8"),
    "oauth2-redirect.js": ("oauth2-redirect.js", "text/javascript; charset=utf-8"),
}
# The path holds the version: a file under it never changes.
_CACHE_CONTROL = "public, max-age=31536000, immutable"
_cache: dict[str, str] = {}


def asset_bytes(name: str) -> bytes:
    """The bundled file `name` of swagger-ui-dist (`swagger-ui-bundle.js`, `swagger-ui.css`,
    `oauth2-redirect.js`)."""
    return (ASSETS_DIR / name).read_bytes()


def enable_bundled_swagger(
    app: BaseResolver[Any],
    *,
    path: str = "/swagger",
    middlewares: list[Callable[..., Any]] | None = None,
    compress: bool = False,
    **keywords: Any,
) -> None:
    """`app.enable_swagger(path=path, ...)` with the UI's files served by `app` itself under
    `{path}/swagger-ui-{version}/`, instead of the CDN. `keywords` are `enable_swagger`'s
    (title, oauth2_config, persist_authorization, security, ...) but `swagger_base_url`.

    `compress=True` (router-compression) shrinks the 1.7 MB script about fourfold on the wire.
    """
    from router_core import Response
    from router_openapi.assets import SWAGGER_UI_VERSION
    from router_openapi.swagger import enable_swagger

    if "swagger_base_url" in keywords:
        raise TypeError("enable_bundled_swagger serves the files itself: drop swagger_base_url")
    largest = max((ASSETS_DIR / file).stat().st_size for file, _ in _FILES.values())
    limit = getattr(getattr(app, "codec", None), "max_response_bytes", None)
    if not compress and isinstance(limit, int) and largest > limit:
        source = getattr(app.codec, "source", type(app).__name__)
        raise ValueError(
            f"{source} answers at most {limit} bytes and Swagger UI's script is {largest}: "
            "pass compress=True (pip install router-compression) to serve it"
        )
    assets_path = f"{path.rstrip('/')}/swagger-ui-{SWAGGER_UI_VERSION}"

    def swagger_asset(name: str) -> Response:
        found = _FILES.get(name)
        if found is None:
            return Response(404, "application/json", {"statusCode": 404, "message": "Not found"})
        file, content_type = found
        text = _cache.get(file)
        if text is None:  # read once, on the first request that asks for it
            text = _cache[file] = asset_bytes(file).decode("utf-8")
        return Response(200, content_type, text, headers={"Cache-Control": _CACHE_CONTROL})

    app.get(
        f"{assets_path}/<name>",
        middlewares=middlewares,
        compress=compress,
        include_in_schema=False,
        enable_validation=False,
    )(swagger_asset)
    enable_swagger(
        app,
        path=path,
        middlewares=middlewares,
        compress=compress,
        assets_path=assets_path,
        **keywords,
    )
