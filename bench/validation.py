"""Validation, side by side with Powertools 3.37 `enable_validation=True` in one run.

    python bench/validation.py

1. A POST whose JSON body is an order of 10 nested lines, validated in and out: router with
   msgspec Structs, router with pydantic models (the same models Powertools gets), Powertools.
   Each figure is the best of several interleaved rounds, in microseconds per request.
2. Cold start: a fresh interpreter importing the resolver, defining 3 models and answering
   its first validated request (median of interleaved runs, in ms).

Targets: msgspec >= 5x cheaper than Powertools, pydantic >= 3x, cold start with msgspec at
most a third of Powertools'.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

ORDER = {
    "id": 7,
    "customer": {"name": "Ana", "email": "ana@example.com"},
    "lines": [{"sku": f"SKU-{n}", "qty": n + 1, "price": 9.5 + n} for n in range(10)],
}


def event(body: str) -> dict[str, Any]:
    return {
        "resource": "/orders",
        "path": "/orders",
        "httpMethod": "POST",
        "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {"Content-Type": ["application/json"]},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {"httpMethod": "POST", "path": "/prod/orders", "stage": "prod"},
        "body": body,
        "isBase64Encoded": False,
    }


MODELS = {
    "msgspec": """
import msgspec
class Customer(msgspec.Struct):
    name: str
    email: str
class Line(msgspec.Struct):
    sku: str
    qty: int
    price: float
class Order(msgspec.Struct):
    id: int
    customer: Customer
    lines: list[Line]
""",
    "pydantic": """
import pydantic
class Customer(pydantic.BaseModel):
    name: str
    email: str
class Line(pydantic.BaseModel):
    sku: str
    qty: int
    price: float
class Order(pydantic.BaseModel):
    id: int
    customer: Customer
    lines: list[Line]
""",
}

APPS = {
    "router (msgspec)": ("from router_rest import APIGatewayRestResolver", "msgspec", ""),
    "router (pydantic)": ("from router_rest import APIGatewayRestResolver", "pydantic", ""),
    "powertools": (
        "from aws_lambda_powertools.event_handler import APIGatewayRestResolver",
        "pydantic",
        "",
    ),
}

HANDLER = """
app = APIGatewayRestResolver(enable_validation=True)
@app.post("/orders")
def create(order: Order) -> Order:
    return order
"""


def source(name: str) -> str:
    import_line, models, _ = APPS[name]
    return f"{import_line}\n{MODELS[models]}\n{HANDLER}"


def build(name: str) -> Callable[[dict[str, Any]], Any]:
    namespace: dict[str, Any] = {"__name__": f"bench_{name.split()[0]}"}
    exec(compile(source(name), name, "exec", dont_inherit=True), namespace)
    app = namespace["app"]
    return lambda e: app.resolve(e, None)


def per_request(rounds: int = 7, number: int = 2000) -> dict[str, float]:
    body = json.dumps(ORDER)
    calls = {name: build(name) for name in APPS}
    for name, call in calls.items():
        result = call(event(body))
        if result["statusCode"] != 200 or json.loads(result["body"]) != ORDER:
            raise SystemExit(f"{name} answered {result}")
    best = dict.fromkeys(calls, float("inf"))
    for _ in range(rounds):
        for name, call in calls.items():
            events = [event(body) for _ in range(number)]
            start = time.perf_counter()
            for e in events:
                call(e)
            best[name] = min(best[name], (time.perf_counter() - start) / number * 1e6)
    return best


def cold_start(runs: int = 9) -> dict[str, float]:
    body = json.dumps(ORDER)
    scripts = {}
    for name in APPS:
        scripts[name] = "\n".join(
            [
                "import time as _t",
                "_start = _t.perf_counter()",
                source(name),
                f"_r = app.resolve({event(body)!r}, None)",
                "assert _r['statusCode'] == 200, _r",
                "print((_t.perf_counter() - _start) * 1000)",
            ]
        )
    times: dict[str, list[float]] = {name: [] for name in APPS}
    for _ in range(runs):
        for name, script in scripts.items():
            out = subprocess.run(
                [sys.executable, "-c", script], capture_output=True, text=True, check=True
            )
            times[name].append(float(out.stdout.strip().splitlines()[-1]))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    print("POST /orders, 10 nested lines validated in and out (best of rounds, us/request)")
    costs = per_request()
    reference = costs["powertools"]
    for name, cost in costs.items():
        print(f"  {name:<20} {cost:8.1f} us   {reference / cost:5.1f}x cheaper than Powertools")
    print("Cold start: import + 3 models + first validated response (median, ms)")
    starts = cold_start()
    for name, ms in starts.items():
        print(f"  {name:<20} {ms:8.1f} ms   {ms / starts['powertools']:5.2f} of Powertools")
    ok = (
        reference / costs["router (msgspec)"] >= 5
        and reference / costs["router (pydantic)"] >= 3
        and starts["router (msgspec)"] <= starts["powertools"] / 3
    )
    print("targets met" if ok else "targets NOT met")


if __name__ == "__main__":
    main()
