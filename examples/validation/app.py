from __future__ import annotations

from typing import Annotated, Optional

import msgspec

from router_rest import APIGatewayRestResolver
from router_validation import Header, Query


class Line(msgspec.Struct):
    sku: str
    qty: Annotated[int, msgspec.Meta(ge=1)]


class Order(msgspec.Struct):
    customer: str
    lines: list[Line]
    note: Optional[str] = None


class Receipt(msgspec.Struct):
    id: int
    customer: str
    items: int


app = APIGatewayRestResolver(enable_validation=True, validation_engine="msgspec")


@app.post("/orders", status_code=201)
def create_order(
    order: Order,
    dry_run: bool = False,
    x_tenant_id: Annotated[str, Header()] = "default",
) -> Receipt:
    items = sum(line.qty for line in order.lines)
    return Receipt(id=0 if dry_run else 42, customer=f"{x_tenant_id}/{order.customer}", items=items)


@app.get("/orders")
def list_orders(limit: Annotated[int, Query(gt=0, le=100)] = 10) -> list[Receipt]:
    return [Receipt(id=n, customer="acme/ana", items=1) for n in range(limit)]


def lambda_handler(event, context):
    return app.resolve(event, context)
