"""Request and dependencies, router and Powertools alike, on API Gateway REST events.

Each library's own `Request` and `Depends`, the same app shape:

- `get_tenant(request: Request)` reads the `X-Tenant-Id` header;
- `get_table(tenant: Annotated[str, Depends(get_tenant)])` nests it;
- GET `/orders/<order_id>` declares `request: Request`, `Depends(get_tenant)` and
  `Depends(get_table)` (get_tenant runs once per call: the nested use is a cache hit) and
  returns `{"order": ..., "tenant": ..., "table": ..., "route": request.route}`;
- GET `/plain/<order_id>` returns the same document built inline: the injection's own cost;
- GET `/r0`, `/r1` return `{"route": n}`.

Rows: the dependency route, the same route without injection, and a plain GET `/r1` in two
apps: one with `/r0` and `/r1` only, one that also holds the dependency route ("a route without
`Depends` pays nothing": the gated ratio, at most `PLAIN_TARGET`). Each answer is checked first.
"""

from __future__ import annotations

import json

from apps import rest_event
from report import table, us
from timing import Ratio, Timer, median

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence
    from typing import Any, NamedTuple

    from timing import Contest
else:
    from typing import NamedTuple

LIBRARIES = ("router", "powertools")
TENANT = "acme"
# "Pays nothing", with room for the noise between two apps timed in turns (a few percent).
PLAIN_TARGET = 1.05


IMPORTS = {
    "router": "from router_core import Depends, Request\n"
    "from router_rest import APIGatewayRestResolver",
    "powertools": "from aws_lambda_powertools.event_handler import "
    "APIGatewayRestResolver, Depends, Request",
}

PLAIN_ROUTES = """
app = APIGatewayRestResolver()

@app.get("/r0")
def r0():
    return {"route": 0}

@app.get("/r1")
def r1():
    return {"route": 1}
"""

DEPENDS_ROUTES = """
from typing import Annotated

def get_tenant(request: Request) -> str:
    return request.headers.get("x-tenant-id", "")

def get_table(tenant: Annotated[str, Depends(get_tenant)]) -> str:
    return f"orders-{tenant}"

@app.get("/orders/<order_id>")
def order(
    order_id: str,
    request: Request,
    tenant: Annotated[str, Depends(get_tenant)],
    table: Annotated[str, Depends(get_table)],
) -> dict:
    return {"order": order_id, "tenant": tenant, "table": table, "route": request.route}

@app.get("/plain/<order_id>")
def plain(order_id: str) -> dict:
    tenant = app.current_event.headers.get("x-tenant-id", "")
    return {
        "order": order_id,
        "tenant": tenant,
        "table": f"orders-{tenant}",
        "route": "/orders/{order_id}",
    }
"""


def build(library: str, with_depends: bool) -> Any:
    """The app of `library`; the dependency routes only when `with_depends`.

    Written as source and run in its own namespace (without this module's postponed
    annotations), so that each library reads real `Annotated[..., Depends(...)]` objects.
    """
    code = IMPORTS[library] + PLAIN_ROUTES + (DEPENDS_ROUTES if with_depends else "")
    namespace: dict[str, Any] = {"__name__": f"bench_depends_{library}"}
    exec(compile(code, f"<{library} app>", "exec", dont_inherit=True), namespace)
    return namespace["app"]


class Row(NamedTuple):
    """One request to the app with or without the dependency routes."""

    name: str
    title: str
    with_depends: bool
    path: str
    body: dict[str, Any]


ORDER = {
    "order": "42",
    "tenant": TENANT,
    "table": f"orders-{TENANT}",
    "route": "/orders/{order_id}",
}
ROWS = (
    Row("depends", "`Request` + 2 `Depends` (one nested)", True, "/orders/42", ORDER),
    Row("inline", "the same answer, no injection", True, "/plain/42", ORDER),
    Row("plain-alone", "plain GET, no `Depends` route in the app", False, "/r1", {"route": 1}),
    Row("plain-beside", "plain GET, a `Depends` route in the app", True, "/r1", {"route": 1}),
)


def _key(row: str, library: str) -> Hashable:
    return ("depends", row, library)


def add_timers(contest: Contest, budget: float) -> None:
    """Check every row's answer for each library, then add its timer."""
    apps = {(lib, deps): build(lib, deps) for lib in LIBRARIES for deps in (False, True)}
    for row in ROWS:
        event = rest_event(row.path, headers={"X-Tenant-Id": TENANT})
        for library in LIBRARIES:
            resolve = apps[library, row.with_depends].resolve
            response = resolve(event, None)
            body = response.get("body")
            if response.get("statusCode") != 200 or json.loads(body or "null") != row.body:
                raise RuntimeError(f"{row.name} ({library}): unexpected answer {response!r}")
            contest.add(_key(row.name, library), Timer(resolve, event, None, budget=budget))


def report(runs: Sequence[dict[Hashable, float]]) -> list[bool | None]:
    """Print the dependencies table and the ratios within each library."""

    def figure(row: str, library: str) -> str:
        return us(median([run[_key(row, library)] for run in runs]))

    lines = []
    for row in ROWS:
        ratio = Ratio(runs, _key(row.name, "powertools"), _key(row.name, "router"))
        lines.append([row.title, figure(row.name, "router"), figure(row.name, "powertools")])
        lines[-1].append(ratio.figure())
    print("\n" + table(["request", "router µs", "powertools µs", "powertools / router"], lines))

    outcomes: list[bool | None] = []
    lines = []
    for library in LIBRARIES:
        # The "pays nothing" target is router's; Powertools' figure is reported beside it.
        gate = PLAIN_TARGET if library == "router" else None
        own = [
            ("`Depends` route / the same answer inline", "depends", "inline", None),
            ("plain GET beside a `Depends` route / alone", "plain-beside", "plain-alone", gate),
        ]
        for title, numerator, denominator, target in own:
            ratio = Ratio(runs, _key(numerator, library), _key(denominator, library), target)
            if target is not None:
                outcomes.append(ratio.passed)
            cells = [figure(numerator, library), figure(denominator, library), ratio.figure()]
            lines.append([library, title, *cells, ratio.verdict()])
    print("\nWithin each library:\n")
    print(table(["library", "ratio", "µs", "reference µs", "ratio", "target"], lines))
    return outcomes
