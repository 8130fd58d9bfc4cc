"""Plain routes: static and dynamic, 2 and 2,000 of them, on REST and HTTP API events.

Three contenders per request: the hand-written baseline (`apps.baseline`), router and
Powertools, each asked for the last registered route and for the middle one. Targets
(DESIGN.md, "Speed"): a static route costs no more than the baseline, a dynamic one at most
1.5x of it, and Powertools takes at least 5x router's time.
"""

from __future__ import annotations

import importlib
import importlib.util

from apps import EVENTS, KINDS, baseline, check, path, register
from report import table, us
from timing import Ratio, Timer, median

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence
    from typing import Any, Callable, NamedTuple

    from apps import App, Handler
    from timing import Contest

    Builder = Callable[[str, int], Handler]
else:
    from typing import NamedTuple

SIZES = (2, 2000)
STATIC_TARGET, DYNAMIC_TARGET, POWERTOOLS_TARGET = 1.0, 1.5, 5.0
SOURCES = {"rest": "API Gateway REST (payload 1.0)", "http": "API Gateway HTTP API (payload 2.0)"}
CONTENDERS = ("baseline", "router", "powertools")


class Row(NamedTuple):
    """One request: route `n` of `total` routes of `kind`, on `source`'s events."""

    source: str
    total: int
    kind: str
    position: str
    n: int

    def key(self, contender: str) -> Hashable:
        return ("routes", *self, contender)


def router_http() -> tuple[Any, str]:
    """router_http's module, or None and why it is missing (a run with router-rest alone)."""
    if importlib.util.find_spec("router_http") is None:
        return None, "not installed"
    return importlib.import_module("router_http"), ""


def _resolver_builder(factory: Callable[[], App]) -> Builder:
    def build(kind: str, count: int) -> Handler:
        return register(factory(), kind, count).resolve

    return build


def contenders(source: str, http_module: Any) -> dict[str, Builder] | None:
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
    elif http_module is not None:
        router, powertools = http_module.APIGatewayHttpResolver, APIGatewayHttpResolver
    else:
        return None
    return {
        "baseline": lambda kind, count: baseline(source, kind, count),
        "router": _resolver_builder(router),
        "powertools": _resolver_builder(powertools),
    }


def add_timers(contest: Contest, budget: float) -> list[Row]:
    """Check every contender's answer to every row's request, then add its timer."""
    http_module, why = router_http()
    rows: list[Row] = []
    for source, title in SOURCES.items():
        builders = contenders(source, http_module)
        if builders is None:
            print(f"{title}: skipped, router_http {why}")
            continue
        for count in SIZES:
            for kind in KINDS:
                handlers = {name: build(kind, count) for name, build in builders.items()}
                for position, n in (("last", count - 1), ("middle", (count - 1) // 2)):
                    row = Row(source, count, kind, position, n)
                    event = EVENTS[source](path(kind, n))
                    for name, handler in handlers.items():
                        check(handler(event, None), n)
                        contest.add(row.key(name), Timer(handler, event, None, budget=budget))
                    rows.append(row)
    return rows


def report(rows: Sequence[Row], runs: Sequence[dict[Hashable, float]]) -> list[bool | None]:
    """Print one markdown table per source; return each target's outcome."""
    outcomes: list[bool | None] = []
    for source, title in SOURCES.items():
        lines = []
        for row in (r for r in rows if r.source == source):
            target = STATIC_TARGET if row.kind == "static" else DYNAMIC_TARGET
            cost = Ratio(runs, row.key("router"), row.key("baseline"), target)
            speedup = Ratio(
                runs, row.key("powertools"), row.key("router"), POWERTOOLS_TARGET, at_most=False
            )
            outcomes += [cost.passed, speedup.passed]
            figures = [us(median([run[row.key(c)] for run in runs])) for c in CONTENDERS]
            lines.append(
                [
                    f"{row.total:,}",
                    row.kind,
                    f"`{path(row.kind, row.n)}` ({row.position})",
                    *figures,
                    cost.figure(),
                    cost.verdict(),
                    speedup.figure(),
                    speedup.verdict(),
                ]
            )
        if lines:
            print(f"\n{title}:\n")
            header = ["routes", "kind", "request", *(f"{c} µs" for c in CONTENDERS)]
            header += ["router / baseline", "target", "powertools / router", "target"]
            print(table(header, lines))
    return outcomes
