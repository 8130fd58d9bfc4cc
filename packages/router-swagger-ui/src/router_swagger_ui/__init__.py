"""Swagger UI's files, bundled: the function serves them itself, for networks without the CDN.

    from router_swagger_ui import enable_bundled_swagger

    enable_bundled_swagger(app, path="/swagger")   # the page, ?format=json, and the UI's files

The files are those of swagger-ui-dist at the version router-openapi pins (their hashes are
the integrity hashes it pins), under Apache-2.0 (`assets/LICENSE`, `assets/NOTICE`). About
1.9 MB: install it only where the CDN cannot be reached.
"""

from __future__ import annotations

from router_swagger_ui.bundle import ASSETS_DIR, asset_bytes, enable_bundled_swagger

__all__ = ["ASSETS_DIR", "asset_bytes", "enable_bundled_swagger"]
