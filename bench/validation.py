"""Validation, side by side with Powertools 3.37 `enable_validation=True`.

    python bench/validation.py [--runs 5] [--processes 15]

1. A POST whose JSON body is an order of 10 nested lines, validated in and out: router with
   msgspec Structs, router with pydantic models (the same models Powertools gets), Powertools.
   Timed with `timing.py`'s statistic (CPU time, contenders in turns, best sample per run);
   the comparison is repeated `--runs` times and each ratio is printed as its median with its
   spread (lowest to highest over the runs).
2. Cold start: fresh interpreters importing the resolver, defining 3 models and answering
   their first validated request, interleaved, every contender reading compiled bytecode (as
   from a pip-installed package: `coldstart.measure`), in CPU time like the per-request
   figures; the median over `--processes` processes, measured `--runs` times (the target
   holds when met in 4 of 5, as the per-request ratios). A lean router_rest app (no
   validation) is the reference that must not move.

Targets: msgspec >= 5x cheaper than Powertools, pydantic >= 3x, cold start with msgspec at
most a third of Powertools'.
"""

from __future__ import annotations

import argparse
import json

import coldstart
import timing

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


def per_request(runs: int = timing.RUNS, rounds: int = 10) -> list[dict[Any, float]]:
    """µs per request of each contender, one dict per run."""
    body = json.dumps(ORDER)
    calls = {name: build(name) for name in APPS}
    contest = timing.Contest()
    for name, call in calls.items():
        result = call(event(body))
        if result["statusCode"] != 200 or json.loads(result["body"]) != ORDER:
            raise SystemExit(f"{name} answered {result}")
        # The same event object each call: resolving does not change it.
        contest.add(name, timing.Timer(call, event(body), budget=0.01))
    return [contest.run(rounds) for _ in range(runs)]


LEAN = "\n".join(
    [
        "from router_rest import APIGatewayRestResolver",
        "app = APIGatewayRestResolver()",
        "@app.post('/orders')",
        "def create():",
        "    return {'ok': True}",
    ]
)


def cold_start(runs: int = 3, processes: int = 15) -> list[dict[Any, float]]:
    """Median ms (from the first import to the first answer) of each contender over
    `processes` fresh interpreters, one dict per run."""
    body = json.dumps(ORDER)
    scripts = {
        name: coldstart.timed([source(name), f"_r = app.resolve({event(body)!r}, None)",
                         "assert _r['statusCode'] == 200, _r"])
        for name in APPS
    }  # fmt: skip
    scripts["router_rest, no validation"] = coldstart.timed(
        [LEAN, f"_r = app.resolve({event(body)!r}, None)", "assert _r['statusCode'] == 200"]
    )
    results = []
    for _ in range(runs):
        measured = coldstart.measure(scripts, processes)
        # CPU time of the best process: a busy neighbour slows every contender alike.
        results.append({name: cpu for name, (_wall, _inside, cpu, _median) in measured.items()})
    return results


def _spread(values: list[float], unit: str) -> str:
    return f"{timing.median(values):7.1f} {unit} ({min(values):.1f}-{max(values):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=timing.RUNS)
    parser.add_argument("--processes", type=int, default=15)
    options = parser.parse_args()

    print("POST /orders, 10 nested lines validated in and out (us/request, median (spread))")
    costs = per_request(options.runs)
    ok = True
    for name, target in (("router (msgspec)", 5.0), ("router (pydantic)", 3.0)):
        ratio = timing.Ratio(costs, "powertools", name, target, at_most=False)
        ok = ok and bool(ratio.passed)
        cost = [run[name] for run in costs]
        print(f"  {name:<20} {_spread(cost, 'us')}  {ratio.figure()} cheaper  {ratio.verdict()}")
    print(f"  {'powertools':<20} {_spread([run['powertools'] for run in costs], 'us')}")

    print("Cold start: import + 3 models + first validated response (CPU ms, median (spread))")
    starts = cold_start(options.runs, options.processes)
    for name in starts[0]:
        line = f"  {name:<28} {_spread([run[name] for run in starts], 'ms')}"
        if name != "powertools":
            line += f"  {timing.Ratio(starts, name, 'powertools').figure()} of Powertools"
        print(line)
    cold = timing.Ratio(starts, "router (msgspec)", "powertools", 1 / 3)
    ok = ok and bool(cold.passed)
    word = "PASS" if cold.passed else "FAIL"
    print(f"  msgspec cold start at most a third of Powertools': {word} {cold.met}/{len(starts)}")
    print("targets met" if ok else "targets NOT met")


if __name__ == "__main__":
    main()
