"""msgspec's errors inside dicts and nested constraints, located as Powertools reports them:
the failing key of a dict (and `[key]` for a key that does not fit), and `gt`/`lt` declared
with `msgspec.Meta` deep in a model told from `ge`/`le`. Side by side with Powertools 3.37
(pydantic models of the same shape), through JSON bodies, query-free POST routes."""

from typing import Annotated, Any, Optional

import msgspec
import pytest

pydantic = pytest.importorskip("pydantic")
powertools = pytest.importorskip("aws_lambda_powertools.event_handler")
rest = pytest.importorskip("router_rest")


class SLine(msgspec.Struct):
    qty: Annotated[int, msgspec.Meta(gt=0)]
    price: Annotated[float, msgspec.Meta(lt=100)] = 1.0


class SOrder(msgspec.Struct):
    counts: dict[str, int] = {}
    by_id: dict[int, str] = {}
    shelves: dict[str, dict[str, list[int]]] = {}
    lines: list[SLine] = []
    named: dict[str, SLine] = {}
    limit: Optional[Annotated[int, msgspec.Meta(lt=10)]] = None


class PLine(pydantic.BaseModel):
    qty: Annotated[int, pydantic.Field(gt=0)]
    price: Annotated[float, pydantic.Field(lt=100)] = 1.0


class POrder(pydantic.BaseModel):
    counts: dict[str, int] = pydantic.Field(default_factory=dict)
    by_id: dict[int, str] = pydantic.Field(default_factory=dict)
    shelves: dict[str, dict[str, list[int]]] = pydantic.Field(default_factory=dict)
    lines: list[PLine] = pydantic.Field(default_factory=list)
    named: dict[str, PLine] = pydantic.Field(default_factory=dict)
    limit: Optional[Annotated[int, pydantic.Field(lt=10)]] = None


BODIES = [
    {"counts": {"a": 1, "b": "x", "c": "y"}},
    {"counts": {"a": None}},
    {"by_id": {"1": "one", "two": "2"}},
    {"shelves": {"top": {"left": [1, 2]}, "low": {"right": [3, "q"]}}},
    {"lines": [{"qty": 1}, {"qty": 0}]},
    {"lines": [{"qty": 2, "price": 100}]},
    {"named": {"pen": {"qty": 3}, "ink": {"qty": -1}}},
    {"named": {"pen": {}}},
    {"limit": 10},
    {"counts": []},
]


def event(body: Any) -> dict[str, Any]:
    import json

    return {
        "resource": "/orders", "path": "/orders", "httpMethod": "POST",
        "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {"Content-Type": ["application/json"]},
        "queryStringParameters": None, "multiValueQueryStringParameters": None,
        "pathParameters": None, "stageVariables": None,
        "requestContext": {"httpMethod": "POST", "path": "/prod/orders", "stage": "prod"},
        "body": json.dumps(body), "isBase64Encoded": False,
    }  # fmt: skip


@pytest.fixture(scope="module")
def apps() -> dict[str, Any]:
    theirs = powertools.APIGatewayRestResolver(enable_validation=True)
    theirs.post("/orders")(create_pydantic)
    ours = rest.APIGatewayRestResolver(enable_validation=True)
    ours.post("/orders")(create_msgspec)
    echo = rest.APIGatewayRestResolver(enable_validation=True)
    echo.post("/orders")(echo_msgspec)
    return {"powertools": theirs, "msgspec": ours, "echo": echo}


def create_pydantic(order: POrder) -> dict[str, Any]:
    return {"ok": True}


def create_msgspec(order: SOrder) -> dict[str, Any]:
    return {"ok": True}


def echo_msgspec(order: dict[str, Any]) -> SOrder:
    return order  # type: ignore[return-value]  (validated on the way out)


@pytest.mark.parametrize("body", BODIES)
def test_the_first_msgspec_error_is_located_as_powertools_locates_it(
    apps: dict[str, Any], body: Any
) -> None:
    import json

    expected = json.loads(apps["powertools"].resolve(event(body), None)["body"])["detail"]

    result = apps["msgspec"].resolve(event(body), None)

    assert result["statusCode"] == 422
    (entry,) = json.loads(result["body"])["detail"]
    assert entry == expected[0]


def test_a_response_is_located_the_same_way(apps: dict[str, Any]) -> None:
    import json

    result = apps["echo"].resolve(event({"named": {"pen": {"qty": 3}, "ink": {"qty": 0}}}), None)

    assert result["statusCode"] == 422
    assert json.loads(result["body"])["detail"] == [
        {"loc": ["response", "named", "ink", "qty"], "type": "greater_than"}
    ]
