"""Custom domain prefixes: behind a custom domain with a base path mapping (`payment`),
API Gateway REST puts the mapping in the path (`/payment/subscriptions/123`).
`strip_prefixes` removes it before routing, so routes stay written as `/subscriptions/...`.

A string prefix strips whole leading segments only (`/payment` strips `/payment/x`, never
`/payments/x`); a compiled regex is matched at the start of the path.
"""

from __future__ import annotations

import re

from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver(strip_prefixes=["/payment", re.compile(r"/v\d+")])


@app.get("/subscriptions/<subscription_id>")
def get_subscription(subscription_id: str) -> dict:
    return {"subscription_id": subscription_id, "plan": "monthly"}


@app.get("/")
def index() -> dict:
    # `/payment` alone strips to `/`.
    return {"service": "payment"}


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
