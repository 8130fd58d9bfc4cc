"""Dependencies: `Annotated[T, Depends(fn)]` gives a parameter `fn`'s result, as in Powertools.

A dependency may take the call's `Request` and other dependencies; each one runs once per
invocation however many parameters ask for it. A handler may declare `request: Request` too,
and a middleware reads the same object as `app.request`. A `ServiceError` raised in a
dependency answers as if the handler had raised it (401 here for an unknown tenant). Tests
replace a dependency with `app.dependency_overrides[get_tenant] = ...`.
"""

from __future__ import annotations

from typing import Annotated

from router_core import Depends, Request, Response
from router_core.exceptions import UnauthorizedError
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

TENANTS = {"acme": "Acme Corp", "globex": "Globex Inc"}


def get_tenant(request: Request) -> str:
    tenant = request.headers.get("x-tenant-id", "")
    if tenant not in TENANTS:
        raise UnauthorizedError("Unknown tenant")
    return tenant


def get_orders_table(tenant: Annotated[str, Depends(get_tenant)]) -> str:
    return f"orders-{tenant}"  # get_tenant ran once for this call, its result is reused


def route_header(app: APIGatewayRestResolver, next_middleware) -> Response:
    request = app.request  # the matched route's template, method, path parameters, ...
    response = next_middleware(app)
    response.headers["X-Route"] = f"{request.method} {request.route}"
    return response


app.use([route_header])


@app.get("/orders/<order_id:int>")
def get_order(
    order_id: int,
    tenant: Annotated[str, Depends(get_tenant)],
    table: Annotated[str, Depends(get_orders_table)],
    request: Request,
) -> dict:
    fields = request.query_parameters.get("fields", "all")
    return {"order": {"id": order_id, "tenant": TENANTS[tenant], "table": table}, "fields": fields}


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
