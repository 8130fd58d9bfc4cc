"""Custom serializer: `serializer=` replaces how dicts, lists and other bodies become JSON.

The default (orjson) already handles datetime, UUID, Enum, dataclasses, Decimal and pydantic
models; a custom one can add types of your own or a house style, here sorted keys, sorted
sets and money as strings with two decimals.
"""

from __future__ import annotations

import json
from decimal import Decimal
from enum import Enum

from router_rest import APIGatewayRestResolver


class Priority(Enum):
    LOW = 1
    HIGH = 2


class Money:
    def __init__(self, amount: str, currency: str) -> None:
        self.amount = Decimal(amount)
        self.currency = currency


class HouseEncoder(json.JSONEncoder):
    def default(self, o: object) -> object:
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, Enum):
            return o.name.lower()
        if isinstance(o, Money):
            return f"{o.amount:.2f} {o.currency}"
        return super().default(o)


def house_serializer(obj: object) -> str:
    return json.dumps(obj, cls=HouseEncoder, sort_keys=True, separators=(",", ":"))


app = APIGatewayRestResolver(serializer=house_serializer)


@app.get("/todos")
def list_todos() -> dict:
    return {
        "todos": [
            {
                "title": "Renew the domain",
                "tags": {"web", "billing"},
                "priority": Priority.HIGH,
                "cost": Money("12", "EUR"),
            }
        ]
    }


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
