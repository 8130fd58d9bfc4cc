"""Split routers: each part of the API lives in its own module as a `Router`, included
under a prefix; the app's `context` carries what every part needs for one invocation.

`append_context` values are cleared after every invocation, also when a route raised.
"""

from __future__ import annotations

import health
import todos

from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()
app.include_router(todos.router, prefix="/todos")
app.include_router(health.router, prefix="/health")


def lambda_handler(event: dict, context: object) -> dict:
    # Shared with every router's routes for this invocation only.
    tenant = event["requestContext"].get("authorizer", {}).get("tenant", "public")
    app.append_context(tenant=tenant)
    return app.resolve(event, context)
