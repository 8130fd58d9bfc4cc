"""Binary responses: a `bytes` body is sent base64-encoded with `isBase64Encoded: true`, and
the service decodes it for the client (API Gateway REST needs `BinaryMediaTypes` such as
`*/*` for that). A `str` body is sent as text, whatever its content type. Needs
router-binary (`pip install "router-rest[binary]"`).
"""

from __future__ import annotations

import base64

from router_core import Response, content_types
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

# A 1x1 transparent PNG; a real function would read a file or an object store.
LOGO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@app.get("/logo.png")
def get_logo() -> Response:
    return Response(status_code=200, content_type=content_types.IMAGE_PNG, body=LOGO)


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
