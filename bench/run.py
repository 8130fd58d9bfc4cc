"""Benchmark: router against a hand-written handler and aws-lambda-powertools, side by side.

Run with `nox -s bench` (or `python bench/run.py` with the packages importable). It prints
per-request cost, cold start and, when `bench/compression.py` exists, its figures. Targets
(DESIGN.md, "Speed") are marked PASS/FAIL; they are reported, not gated: the exit code is 0.
"""

from __future__ import annotations

import importlib
import importlib.util
import platform
import sys
import time
import timeit
from importlib import metadata
from pathlib import Path

import coldstart
from apps import EVENTS, KINDS, baseline, check, http_event, path, register

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from apps import App, Handler

    Builder = Callable[[str, int], Handler]

SIZES = (2, 2000)
BUDGET_S = 0.01  # CPU time of one timed repeat
REPEATS = 4  # runs per contender and round
PASSES = 10
COLD_RUNS = 40
STATIC_TARGET, DYNAMIC_TARGET, POWERTOOLS_TARGET, COLD_TARGET_MS = 1.0, 1.5, 5.0, 6.0
HERE = Path(__file__).parent
SOURCES = {"rest": "API Gateway REST (payload 1.0)", "http": "API Gateway HTTP (payload 2.0)"}


def _import_router_http() -> tuple[Any, str]:
    """router_http's module, or None and why it is missing (a run with router-rest alone)."""
    if importlib.util.find_spec("router_http") is None:
        return None, "not installed"
    return importlib.import_module("router_http"), ""


def _resolver_builder(factory: Callable[[], App]) -> Builder:
    def build(kind: str, count: int) -> Handler:
        return register(factory(), kind, count).resolve

    return build


def contenders(source: str, router_http: Any) -> dict[str, Builder] | None:
    """Builders of each contender's handler for `source`; None when router lacks the source."""
    from aws_lambda_powertools.event_handler import (
        APIGatewayHttpResolver,
        APIGatewayRestResolver,
    )

    from router_rest import APIGatewayRestResolver as RouterRest

    router: Callable[[], App]
    powertools: Callable[[], App]
    if source == "rest":
        router, powertools = RouterRest, APIGatewayRestResolver
    elif router_http is not None:
        router, powertools = router_http.APIGatewayHttpResolver, APIGatewayHttpResolver
    else:
        return None
    return {
        "baseline": lambda kind, count: baseline(source, kind, count),
        "router": _resolver_builder(router),
        "powertools": _resolver_builder(powertools),
    }


class Row:
    """One request against every contender, with the best µs/request found so far."""

    def __init__(self, source: str, count: int, kind: str, position: str, n: int) -> None:
        self.source, self.count, self.kind, self.position, self.n = source, count, kind, position, n
        self.event = EVENTS[source](path(kind, n))
        self.timers: dict[str, tuple[timeit.Timer, int]] = {}
        self.best: dict[str, float] = {}

    def add(self, name: str, handler: Handler) -> None:
        """Check `handler`'s answer, then calibrate its timer to ~BUDGET_S per run."""
        check(handler(self.event, None), self.n)
        timer = timeit.Timer(
            "handler(event, None)",
            time.process_time,
            globals={"handler": handler, "event": self.event},
        )
        number = 1
        elapsed = timer.timeit(number)
        while elapsed < 0.005:
            number *= 10
            elapsed = timer.timeit(number)
        self.timers[name] = (timer, max(1, round(number * BUDGET_S / elapsed)))
        self.best[name] = float("inf")

    def measure(self, repeats: int) -> None:
        for _ in range(repeats):
            for name, (timer, number) in self.timers.items():
                self.best[name] = min(self.best[name], timer.timeit(number) / number * 1e6)


def build_rows(source: str, builders: dict[str, Builder]) -> list[Row]:
    rows = []
    for count in SIZES:
        for kind in KINDS:
            handlers = {name: build(kind, count) for name, build in builders.items()}
            for position, n in (("last", count - 1), ("middle", (count - 1) // 2)):
                row = Row(source, count, kind, position, n)
                for name, handler in handlers.items():
                    row.add(name, handler)
                rows.append(row)
    return rows


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(rows: list[Row]) -> list[bool]:
    """Print one source's table; return each target's outcome."""
    print(
        f"{'routes':>6}  {'kind':<7} {'request':<21} {'baseline':>9} {'router':>9} "
        f"{'powertools':>11}   {'router/baseline':<22} {'powertools/router'}"
    )
    outcomes: list[bool] = []
    for row in rows:
        us = row.best
        target = STATIC_TARGET if row.kind == "static" else DYNAMIC_TARGET
        ratio, speedup = us["router"] / us["baseline"], us["powertools"] / us["router"]
        outcomes += [ratio <= target, speedup >= POWERTOOLS_TARGET]
        request = f"{path(row.kind, row.n)} ({row.position})"
        print(
            f"{row.count:>6}  {row.kind:<7} {request:<21} {us['baseline']:>9.2f} "
            f"{us['router']:>9.2f} {us['powertools']:>11.2f}   "
            f"{ratio:>5.2f}x {_verdict(ratio <= target)} (<= {target}x)  "
            f"{speedup:>6.1f}x {_verdict(speedup >= POWERTOOLS_TARGET)} "
            f"(>= {POWERTOOLS_TARGET:.0f}x)"
        )
    return outcomes


def per_request(router_http: Any, why: str) -> list[bool]:
    """Measure every source's rows in PASSES rounds, then print the tables.

    A cell's figure is its best run: runs of ~BUDGET_S in process CPU time, alternating
    between contenders and spread over every round, so that a busy neighbour slows all
    contenders alike and the quiet moments are found.
    """
    tables: dict[str, list[Row]] = {}
    for source, title in SOURCES.items():
        builders = contenders(source, router_http)
        if builders is None:
            print(f"{title}: skipped, router_http {why}")
        else:
            tables[title] = build_rows(source, builders)
    print(f"measuring in {PASSES} rounds", end="", flush=True)
    for _ in range(PASSES):
        for rows in tables.values():
            for row in rows:
                row.measure(REPEATS)
        print(".", end="", flush=True)
    print()
    outcomes: list[bool] = []
    for title, rows in tables.items():
        print(f"\n== Per request, {title} ==")
        runs = f"{PASSES * REPEATS} runs of ~{BUDGET_S * 1000:.0f} ms CPU time"
        print(f"µs/request: best of {runs} each")
        outcomes += report(rows)
    return outcomes


def cold_start(router_http: Any) -> list[bool]:
    """Print cold-start medians; return whether each router script meets its target."""
    codes = coldstart.scripts(http_event("/d1/abc") if router_http is not None else None)
    print(
        f"median of {COLD_RUNS} fresh `python -c` processes per line, interleaved, bytecode "
        "cached;\n'inside': measured by the script from its first import to its response "
        "(the target's measure);\n'process': whole process wall time, minus a bare "
        "interpreter's (adds script compile and interpreter teardown)",
        flush=True,
    )
    medians = coldstart.measure(codes, COLD_RUNS)
    labels = list(codes)
    bare_wall = medians[labels[0]][0]
    orjson_wall, orjson_inside = medians[labels[1]]
    print(f"  {'':<44} {'inside':>8} {'process':>9}")
    print(f"  {labels[0]:<44} {'':>8} {bare_wall:8.1f} ms")
    print(f"  {labels[1]:<44} {orjson_inside:8.1f} {orjson_wall - bare_wall:+8.1f} ms")
    outcomes: list[bool] = []
    for label in labels[2:]:
        wall, inside = medians[label]
        over = inside - orjson_inside
        line = (
            f"  {label:<44} {inside:8.1f} {wall - bare_wall:+8.1f} ms; over orjson: "
            f"{over:+.1f} inside, {wall - orjson_wall:+.1f} process"
        )
        if label.startswith("router"):
            outcomes.append(over <= COLD_TARGET_MS)
            line += f"  {_verdict(over <= COLD_TARGET_MS)} (<= {COLD_TARGET_MS:.0f} ms)"
        print(line)
    return outcomes


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        module = distribution.replace("-", "_")
        return "source tree" if importlib.util.find_spec(module) else "absent"


def _compression() -> None:
    script = HERE / "compression.py"
    if not script.is_file():
        return
    spec = importlib.util.spec_from_file_location("bench_compression", script)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {script}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print("\n== Compression ==", flush=True)
    module.main()


def main() -> int:
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"Machine {platform.platform()} {platform.machine()} {platform.processor()}".rstrip())
    distributions = ("router-core", "router-rest", "router-http", "aws-lambda-powertools")
    print("Packages " + ", ".join(f"{d} {_version(d)}" for d in (*distributions, "orjson")))
    router_http, why = _import_router_http()
    print()
    outcomes = per_request(router_http, why)
    print("\n== Cold start: interpreter start to first response ==")
    outcomes += cold_start(router_http)
    _compression()
    print(f"\n{sum(outcomes)} of {len(outcomes)} targets met (reported, not gated).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
