"""Side by side with Powertools 3.37 `enable_validation=True`: the same handlers, the same
events, the same answers (status and body) with the pydantic engine; with the msgspec engine,
the first entry of Powertools' `detail` for each failing parameter.

No postponed annotations here: the handlers are written once and name the markers of either
library through `register`'s parameter, so their annotations are evaluated when defined.
"""

import json
from datetime import date
from enum import Enum
from typing import Annotated, Any, Literal, Optional
from urllib.parse import parse_qsl

import pytest
from results import status_and_body

pydantic = pytest.importorskip("pydantic")
powertools = pytest.importorskip("aws_lambda_powertools.event_handler")
pt_params = pytest.importorskip("aws_lambda_powertools.event_handler.openapi.params")
APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver

import router_validation as ours  # noqa: E402


class Color(Enum):
    RED = "red"
    BLUE = "blue"


class Line(pydantic.BaseModel):
    sku: str = pydantic.Field(min_length=2)
    qty: int = pydantic.Field(gt=0)


class Order(pydantic.BaseModel):
    id: int
    placed: date
    color: Color = Color.RED
    lines: list[Line]
    note: Optional[str] = None


def register(app: Any, p: Any, response_class: Any) -> None:
    """The same handlers on either resolver; `p` is the module of markers."""

    @app.get("/orders/<order_id>")
    def get_order(
        order_id: int,
        limit: Annotated[int, p.Query(ge=1, le=50)] = 10,
        kind: Annotated[Literal["a", "b"], p.Query()] = "a",
        ids: Annotated[list[int], p.Query()] = [],  # noqa: B006
        flag: bool = False,
        since: Optional[date] = None,
        x_tenant: Annotated[str, p.Header()] = "none",
    ) -> dict[str, Any]:
        return {
            "id": order_id,
            "limit": limit,
            "kind": kind,
            "ids": ids,
            "flag": flag,
            "since": str(since),
            "tenant": x_tenant,
        }

    @app.post("/orders")
    def create(order: Order) -> Order:
        return order

    @app.post("/pair")
    def pair(
        order: Annotated[Order, p.Body(embed=True)], tag: Annotated[str, p.Body()]
    ) -> dict[str, Any]:
        return {"id": order.id, "tag": tag}

    @app.get("/bad-response")
    def bad_response() -> Order:
        return {"id": "x"}  # type: ignore[return-value]

    @app.get("/wrapped")
    def wrapped() -> response_class[Line]:  # type: ignore[valid-type]
        return response_class(200, "application/json", {"sku": "ab", "qty": "2"})


def rest_event(method: str, target: str, body: Any = None, headers: Any = None) -> dict[str, Any]:
    path, _, query = target.partition("?")
    multi: dict[str, list[str]] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        multi.setdefault(name, []).append(value)
    headers = dict(headers or {})
    if body is not None and not isinstance(body, str):
        body = json.dumps(body)
        headers.setdefault("Content-Type", "application/json")
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": {k: v[-1] for k, v in multi.items()} or None,
        "multiValueQueryStringParameters": multi or None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {"httpMethod": method, "path": path, "stage": "prod"},
        "body": body,
        "isBase64Encoded": False,
    }


REQUESTS = [
    ("GET", "/orders/7?limit=5&ids=1&ids=2&flag=true&since=2024-01-02", None, {"X-Tenant": "t"}),
    ("GET", "/orders/7", None, None),
    ("GET", "/orders/x?limit=0&kind=c&ids=1&ids=z&flag=maybe&since=soon", None, None),
    ("GET", "/orders/7?limit=51", None, None),
    ("GET", "/orders/7?limit=1.5", None, None),
    (
        "POST",
        "/orders",
        {"id": "1", "placed": "2024-05-01", "lines": [{"sku": "ab", "qty": "3"}]},
        None,
    ),
    ("POST", "/orders", {"id": 1, "placed": "2024-05-01", "color": "green", "lines": []}, None),
    ("POST", "/orders", {"id": 1, "placed": "x", "lines": [{"sku": "a", "qty": 0}, {}]}, None),
    ("POST", "/orders", {}, None),
    ("POST", "/orders", [], None),
    ("POST", "/orders", "null", {"Content-Type": "application/json"}),
    ("POST", "/orders", '{"id": 1,', {"Content-Type": "application/json"}),
    ("POST", "/orders", "{}", {"Content-Type": "text/plain"}),
    ("POST", "/pair", {"order": {"id": 1, "placed": "2024-05-01", "lines": []}, "tag": "t"}, None),
    ("POST", "/pair", {"order": {"id": 1}}, None),
    ("POST", "/pair", [1], None),
    ("GET", "/bad-response", None, None),
    ("GET", "/wrapped", None, None),
]


@pytest.fixture(scope="module")
def apps() -> dict[str, Any]:
    reference = powertools.APIGatewayRestResolver(enable_validation=True)
    register(reference, pt_params, powertools.Response)
    pydantic_app = APIGatewayRestResolver(enable_validation=True)
    register(pydantic_app, ours, __import__("router_core").Response)
    msgspec_app = APIGatewayRestResolver(enable_validation=True, validation_engine="msgspec")
    # The msgspec engine validates the same signatures; models stay pydantic only where the
    # route has no model (msgspec refuses pydantic models), so this app has the scalar route.
    msgspec_app.get("/orders/<order_id>")(reference_free_get(pydantic_app))
    return {"powertools": reference, "pydantic": pydantic_app, "msgspec": msgspec_app}


def reference_free_get(app: Any) -> Any:
    route = next(r for r in app.routes if r.rule.text == "/orders/<order_id>")
    return route.func


@pytest.mark.parametrize(("method", "target", "body", "headers"), REQUESTS)
def test_pydantic_engine_answers_as_powertools(
    apps: dict[str, Any], method: str, target: str, body: Any, headers: Any
) -> None:
    event = rest_event(method, target, body, headers)

    expected = status_and_body(apps["powertools"].resolve(event, None))
    got = status_and_body(apps["pydantic"].resolve(rest_event(method, target, body, headers), None))

    assert got == expected


@pytest.mark.parametrize(
    ("method", "target", "body", "headers"), [r for r in REQUESTS if r[1].startswith("/orders/")]
)
def test_msgspec_engine_reports_the_first_error_of_each_parameter(
    apps: dict[str, Any], method: str, target: str, body: Any, headers: Any
) -> None:
    status, expected = status_and_body(apps["powertools"].resolve(rest_event(method, target), None))
    got_status, got = status_and_body(apps["msgspec"].resolve(rest_event(method, target), None))

    assert got_status == status
    if status == 200:
        assert got == expected
        return
    firsts: dict[Any, dict[str, Any]] = {}
    for entry in expected["detail"]:
        firsts.setdefault(tuple(entry["loc"][:2]), entry)
    assert got == {"statusCode": 422, "detail": list(firsts.values())}
