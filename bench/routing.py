"""Benchmark of `RouteTable.match` alone: flat in the number of routes, linear in hostile paths.

Run with `python bench/routing.py` (router-core importable; aws-lambda-powertools optional).
It prints, for 10 to 10,000 routes of each kind (static, parameter, one-segment pattern), the
cost of one match, then the cost of hostile paths of 1k to 16k characters on the greedy rule
`/p/.+/.+/.+/z`, per request and per 1,000 characters, next to Powertools' own regex match of
that rule where it stays cheap. Figures are reported, not gated. Runs in well under 2 minutes.
"""

from __future__ import annotations

import time
import timeit

from router_core.routing import RouteTable, parse_rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

SIZES = (10, 100, 1_000, 10_000)
# kind -> (rule of route n, path of route n)
KINDS: dict[str, tuple[Callable[[int], str], Callable[[int], str]]] = {
    "static": (lambda n: f"/items{n}/list", lambda n: f"/items{n}/list"),
    "param": (lambda n: f"/items{n}/<item_id>", lambda n: f"/items{n}/abc"),
    # All under one prefix: the node's pattern children are indexed, not tried one by one.
    "pattern": (lambda n: f"/x/item{n}-[0-9]+", lambda n: f"/x/item{n}-42"),
}
HOSTILE_RULE = "/p/.+/.+/.+/z"
HOSTILE_LENGTHS = (1_000, 2_000, 4_000, 8_000, 16_000)
# Powertools' regex backtracks: beyond this length one match takes seconds.
POWERTOOLS_LENGTHS = (1_000, 2_000)


def best_of(call: Callable[[], object]) -> float:
    """Seconds per call: the best of 5 rounds of at least 0.2 s each."""
    number, _ = timeit.Timer(call).autorange()
    return min(timeit.repeat(call, number=number, repeat=5)) / number


def table_costs() -> None:
    print("match() per request, microseconds (route in the middle of the table)")
    print(f"{'kind':<10}" + "".join(f"{size:>10,}" for size in SIZES))
    for kind, (rule_of, path_of) in KINDS.items():
        row = []
        for size in SIZES:
            table = RouteTable()
            for n in range(size):
                table.add(parse_rule(rule_of(n)), ["GET"], n)
            path = path_of(size // 2)
            if table.match("GET", path).route != size // 2:
                raise SystemExit(f"{kind}: {path} did not find its route")
            row.append(best_of(lambda t=table, p=path: t.match("GET", p)) * 1e6)
        print(f"{kind:<10}" + "".join(f"{cost:>10.2f}" for cost in row))


def hostile_path(length: int) -> str:
    # Segments of one character and no final `z`: every split of the gaps must be refused.
    return "/p/" + "a/" * ((length - 4) // 2) + "y"


def hostile_costs() -> None:
    table = RouteTable()
    table.add(parse_rule(HOSTILE_RULE), ["GET"], "gaps")
    print(f"\nhostile paths on {HOSTILE_RULE!r}: ms per request, ms per 1,000 characters")
    print(f"{'chars':>8}{'GET':>10}{'per 1k':>10}{'methods':>10}{'per 1k':>10}")
    for length in HOSTILE_LENGTHS:
        path = hostile_path(length)
        get = best_of(lambda p=path: table.match("GET", p)) * 1e3
        methods = best_of(lambda p=path: table.match("OPTIONS", p).methods) * 1e3
        per_k = length / 1000
        row = f"{get:>10.2f}{get / per_k:>10.3f}{methods:>10.2f}{methods / per_k:>10.3f}"
        print(f"{length:>8,}{row}")
    powertools_costs()


def powertools_costs() -> None:
    try:
        from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
    except ImportError:
        print("(aws-lambda-powertools not installed: no comparison)")
        return
    # The regex Powertools matches every route with (a private helper of its resolver).
    regex = APIGatewayHttpResolver._compile_regex(HOSTILE_RULE)
    print("\nPowertools, the same rule and paths (one match each)")
    for length in POWERTOOLS_LENGTHS:
        path = hostile_path(length)
        started = time.perf_counter()
        if regex.match(path) is not None:
            raise SystemExit(f"Powertools matched the hostile path of {length} characters")
        cost = (time.perf_counter() - started) * 1e3
        print(f"{length:>8,}{cost:>10.1f} ms{cost / (length / 1000):>10.1f} ms per 1k")


if __name__ == "__main__":
    started = time.perf_counter()
    table_costs()
    hostile_costs()
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
