"""The todos API behind API Gateway REST (template-rest.yaml: `Handler: app.lambda_handler`).

Serve it locally with `router serve app:app --app-dir examples/todos` (or `nox -s demo`).
"""

from __future__ import annotations

from routers import FRONTEND_ORIGIN, include_routers

from router_cors import CORSConfig
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver(cors=CORSConfig(allow_origin=FRONTEND_ORIGIN, max_age=300))
include_routers(app)


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
