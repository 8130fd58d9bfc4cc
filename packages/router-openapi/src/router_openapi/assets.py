"""Where Swagger UI's assets come from: a pinned release of swagger-ui-dist on a CDN, each file
with its Subresource Integrity hash, so a browser refuses anything but those exact bytes.

The hashes are sha384 digests of the files in swagger-ui-dist's npm tarball of that version
(`TARBALL_INTEGRITY` is the tarball's own, as the npm registry lists it); the tests recompute
them from the tarball when it is at hand. To move to another release, change the version and
recompute the three hashes from its tarball (docs/openapi.md shows the commands).
"""

from __future__ import annotations

SWAGGER_UI_VERSION = "5.35.0"
CDN_BASE_URL = f"https://cdn.jsdelivr.net/npm/swagger-ui-dist@{SWAGGER_UI_VERSION}"
TARBALL_INTEGRITY = "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ=="  # noqa: E501

#: File of swagger-ui-dist -> its SRI hash.
INTEGRITY = {
    "swagger-ui-bundle.js": (
        "sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9"
    ),
    "swagger-ui.css": "sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I",
    "oauth2-redirect.js": "sha384-XuY48ztmqRBrZqX+bDrPUqkTumNohu9Bl+yztOEp/hDTS5qXIApmbiD04MrTFpjk",
}

# With `swagger_base_url`, the files are looked up under the names Powertools uses, so a
# folder set up for Powertools keeps working; no integrity hash is known for them.
BASE_URL_FILES = {
    "swagger-ui-bundle.js": "swagger-ui-bundle.min.js",
    "swagger-ui.css": "swagger-ui.min.css",
    "oauth2-redirect.js": "oauth2-redirect.js",
}


class Asset:
    """One file's URL and, from the pinned CDN, its integrity hash."""

    __slots__ = ("integrity", "url")

    def __init__(self, url: str, integrity: str | None) -> None:
        self.url = url
        self.integrity = integrity


def asset(name: str, base_url: str | None) -> Asset:
    """Where the page loads swagger-ui-dist's file `name` from."""
    if base_url:
        return Asset(f"{base_url.rstrip('/')}/{BASE_URL_FILES[name]}", None)
    return Asset(f"{CDN_BASE_URL}/{name}", INTEGRITY[name])
