"""router-cors: `CORSConfig`, per-path pre-flight answers and CORS response headers.

from router_cors import CORSConfig
app = APIGatewayRestResolver(cors=CORSConfig(allow_origin="https://app.example.com"))
"""

from __future__ import annotations

from router_cors.cors import (
    DEFAULT_ALLOW_HEADERS,
    CORSConfig,
    CORSExtension,
    CORSWarning,
    create_extension,
)

__all__ = [
    "DEFAULT_ALLOW_HEADERS",
    "CORSConfig",
    "CORSExtension",
    "CORSWarning",
    "create_extension",
]
