"""router-compression: brotli and gzip response compression, chosen from `Accept-Encoding`.

@app.get("/report", compress=True)
def report() -> dict: ...   # Content-Encoding: br for a client that accepts it
"""

from __future__ import annotations

from router_compression.compression import (
    ENCODINGS,
    CompressionExtension,
    choose_encoding,
    compress,
    create_extension,
    parse_accept_encoding,
)

__all__ = [
    "ENCODINGS",
    "CompressionExtension",
    "choose_encoding",
    "compress",
    "create_extension",
    "parse_accept_encoding",
]
