"""router-binary: `bytes` bodies and binary media types sent base64-encoded.

@app.get("/logo.png")
def logo() -> Response:
    return Response(200, "image/png", LOGO_BYTES)  # isBase64Encoded: true
"""

from __future__ import annotations

from router_binary.binary import (
    BINARY_MEDIA_PREFIXES,
    BINARY_MEDIA_TYPES,
    BinaryExtension,
    create_extension,
    encode_body,
    is_binary_media_type,
)

__all__ = [
    "BINARY_MEDIA_PREFIXES",
    "BINARY_MEDIA_TYPES",
    "BinaryExtension",
    "create_extension",
    "encode_body",
    "is_binary_media_type",
]
