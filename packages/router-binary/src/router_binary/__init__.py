"""router-binary: `bytes` bodies sent base64-encoded, as every source needs them.

@app.get("/logo.png")
def logo() -> Response:
    return Response(200, "image/png", LOGO_BYTES)  # isBase64Encoded: true
"""

from __future__ import annotations

from router_binary.binary import BinaryExtension, create_extension, encode_body

__all__ = ["BinaryExtension", "create_extension", "encode_body"]
