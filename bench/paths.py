"""Every path a request can take, for router and Powertools alike, on API Gateway REST events.

One app shape per library, built from its public API only: GET `/r0` and `/r1` return
`{"route": n}`, GET `/fail` raises `BadRequestError` (a `ServiceError`), GET `/big` returns a
1 MB ASCII JSON document (a list of dicts) and GET `/big-unicode` a 1 MB non-ASCII one. A
scenario picks the app's options (CORS, three app middlewares) and one request:

- plain: GET `/r1`, no CORS (the reference of the CORS ratio);
- cors: GET `/r1` with an allowed `Origin`, `CORSConfig(allow_origin=ORIGIN, max_age=300)`;
- preflight: OPTIONS `/r1` with `Origin` and `Access-Control-Request-Method: GET`;
- middlewares: GET `/r1` behind three `app.use` middlewares, each `return next_middleware(app)`;
- service-error: GET `/fail`, answered 400 by the library from the raised `BadRequestError`;
- not-found: GET `/nowhere`, routing's own 404;
- json-1mb, json-1mb-unicode: GET `/big`, `/big-unicode`.

Each answer is checked (status, body, the headers that make it what it is) before any timing.
"""

from __future__ import annotations

import functools
import json
import random

import orjson
from apps import endpoint, rest_event
from report import table, us
from timing import Ratio, Timer, median

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence
    from typing import Any, Callable, NamedTuple

    from apps import Event, Handler
    from timing import Contest
else:
    from typing import NamedTuple

ORIGIN = "https://app.example.com"
MAX_AGE = 300
ONE_MB = 1024 * 1024


class Library(NamedTuple):
    """What a scenario needs of a library: its REST resolver, CORSConfig and a ServiceError."""

    name: str
    resolver: Callable[..., Any]
    cors_config: Callable[..., Any]
    service_error: Callable[[str], Exception]


def router() -> Library:
    from router_core.exceptions import BadRequestError
    from router_cors import CORSConfig
    from router_rest import APIGatewayRestResolver

    return Library("router", APIGatewayRestResolver, CORSConfig, BadRequestError)


def powertools() -> Library:
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig
    from aws_lambda_powertools.event_handler.exceptions import BadRequestError

    return Library("powertools", APIGatewayRestResolver, CORSConfig, BadRequestError)


class Scenario(NamedTuple):
    """One request to an app built with `cors` and `middlewares`, and what must come back."""

    name: str
    title: str
    event: Event
    status: int
    body: Any  # the JSON value the body must parse to, or the exact text when a str
    headers: dict[str, str]  # response headers that must be present, with these values
    cors: bool = False
    middlewares: bool = False
    gated: bool = True  # held to the 3x target against Powertools


def document(size: int, ascii_only: bool = True, seed: int = 7) -> list[dict[str, Any]]:
    """A list of varied dicts whose compact JSON is at least `size` bytes of UTF-8."""
    rng = random.Random(seed)
    if ascii_only:
        words = ["water", "plants", "call", "mom", "buy", "milk", "fix", "bike", "read", "book"]
    else:
        words = ["café", "naïve", "façade", "Grüße", "日本語", "東京", "Αθήνα", "Москва", "🚲"]
    rows: list[dict[str, Any]] = []
    length = 2
    while length < size:
        row = {
            "id": len(rows),
            "title": " ".join(rng.choice(words) for _ in range(rng.randint(2, 6))),
            "done": rng.random() < 0.5,
            "priority": rng.randint(1, 5),
            "score": round(rng.uniform(0, 1000), 3),
            "owner": f"user-{rng.randint(1, 10_000):05d}",
            "tags": [rng.choice(words) for _ in range(rng.randint(0, 3))],
        }
        rows.append(row)
        length += len(orjson.dumps(row)) + 1
    return rows


@functools.cache
def documents() -> dict[str, list[dict[str, Any]]]:
    """The 1 MB answers by rule, built once and shared by every app."""
    return {"/big": document(ONE_MB), "/big-unicode": document(ONE_MB, ascii_only=False)}


def _first(app: Any, next_middleware: Callable[[Any], Any]) -> Any:
    return next_middleware(app)


def _second(app: Any, next_middleware: Callable[[Any], Any]) -> Any:
    return next_middleware(app)


def _third(app: Any, next_middleware: Callable[[Any], Any]) -> Any:
    return next_middleware(app)


def _returning(value: Any) -> Callable[[], Any]:
    def big() -> Any:
        return value

    return big


def build(library: Library, cors: bool, middlewares: bool) -> Handler:
    """The scenario app of `library`; returns its `resolve`."""
    options = {"cors": library.cors_config(allow_origin=ORIGIN, max_age=MAX_AGE)} if cors else {}
    app = library.resolver(**options)
    if middlewares:
        app.use([_first, _second, _third])

    def fail() -> dict[str, int]:
        raise library.service_error("missing field 'title'")

    app.get("/r0")(endpoint("static", 0))
    app.get("/r1")(endpoint("static", 1))
    app.get("/fail")(fail)
    for rule, value in documents().items():
        app.get(rule)(_returning(value))
    resolve: Handler = app.resolve
    return resolve


def scenarios() -> list[Scenario]:
    """Every scenario, in the order of the report."""
    ok, json_type = {"route": 1}, {"content-type": "application/json"}
    granted = {"access-control-allow-origin": ORIGIN}
    preflight = {"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    return [
        Scenario("plain", "plain GET", rest_event("/r1"), 200, ok, json_type, gated=False),
        Scenario(
            "cors",
            "CORS GET",
            rest_event("/r1", headers={"Origin": ORIGIN}),
            200,
            ok,
            {**json_type, **granted},
            cors=True,
        ),
        Scenario(
            "preflight",
            "CORS pre-flight",
            rest_event("/r1", "OPTIONS", preflight),
            204,
            "",
            {**granted, "access-control-max-age": str(MAX_AGE)},
            cors=True,
        ),
        Scenario(
            "middlewares", "3 middlewares", rest_event("/r1"), 200, ok, json_type, middlewares=True
        ),
        Scenario(
            "service-error",
            "raised ServiceError",
            rest_event("/fail"),
            400,
            {"statusCode": 400, "message": "missing field 'title'"},
            json_type,
        ),
        Scenario(
            "not-found",
            "unmatched 404",
            rest_event("/nowhere"),
            404,
            {"statusCode": 404, "message": "Not found"},
            json_type,
        ),
        Scenario(
            "json-1mb", "1 MB ASCII JSON", rest_event("/big"), 200, documents()["/big"], json_type
        ),
        Scenario(
            "json-1mb-unicode",
            "1 MB non-ASCII JSON",
            rest_event("/big-unicode"),
            200,
            documents()["/big-unicode"],
            json_type,
            gated=False,
        ),
    ]


def headers_of(response: dict[str, Any]) -> dict[str, str]:
    """A REST result's headers, names lower-cased, multi-value ones joined with `, `."""
    found = {k.lower(): ", ".join(v) for k, v in (response.get("multiValueHeaders") or {}).items()}
    found.update({k.lower(): v for k, v in (response.get("headers") or {}).items()})
    return found


def check(scenario: Scenario, library: str, response: dict[str, Any]) -> None:
    """Raise unless `response` is the scenario's answer (a broken app must not look fast)."""
    where = f"{scenario.name} ({library})"
    if response.get("statusCode") != scenario.status:
        raise RuntimeError(f"{where}: expected status {scenario.status}, got {response!r:.500}")
    body = response.get("body")
    if not isinstance(body, str) or response.get("isBase64Encoded"):
        raise RuntimeError(f"{where}: expected a text body, got {response!r:.500}")
    expected = scenario.body
    if isinstance(expected, str) and body != expected:
        raise RuntimeError(f"{where}: expected body {expected!r}, got {body!r:.500}")
    if not isinstance(expected, str) and json.loads(body) != expected:
        raise RuntimeError(f"{where}: the body is not the expected JSON: {body!r:.500}")
    headers = headers_of(response)
    for name, value in scenario.headers.items():
        if not headers.get(name, "").startswith(value):
            raise RuntimeError(f"{where}: expected header {name}: {value}, got {headers!r}")


def header_differences(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """`Access-Control-*` headers one library sends and the other does not (worth a note)."""
    mine, other = headers_of(ours), headers_of(theirs)
    cors = {n for n in (*mine, *other) if n.startswith("access-control-")}
    return sorted(
        f"{name}: {'router only' if name in mine else 'powertools only'}"
        for name in cors
        if (name in mine) != (name in other)
    )


# -- the section: timers and report ----------------------------------------------------------
ORJSON = "orjson.dumps alone"
POWERTOOLS_TARGET, CORS_TARGET, JSON_TARGET = 3.0, 2.0, 1.5


def _key(scenario: str, contender: str) -> Hashable:
    return ("paths", scenario, contender)


def add_timers(contest: Contest, budget: float) -> list[str]:
    """Check both libraries' answers to every scenario, then add their timers.

    Returns notes on CORS headers one library sends and the other does not: the answers are
    checked for what makes them CORS answers, not for every header Powertools sends.
    """
    libraries = (router(), powertools())
    handlers: dict[tuple[str, bool, bool], Handler] = {}
    notes: list[str] = []
    for scenario in scenarios():
        responses = []
        for library in libraries:
            shape = (library.name, scenario.cors, scenario.middlewares)
            if shape not in handlers:
                handlers[shape] = build(library, scenario.cors, scenario.middlewares)
            handler = handlers[shape]
            response = handler(scenario.event, None)
            check(scenario, library.name, response)
            responses.append(response)
            timer = Timer(handler, scenario.event, None, budget=budget)
            contest.add(_key(scenario.name, library.name), timer)
        notes += [f"{scenario.title}: {d}" for d in header_differences(*responses)]
        if scenario.name.startswith("json-"):
            # The reference right after the contenders, so that its samples interleave theirs.
            contest.add(
                _key(scenario.name, ORJSON), Timer(orjson.dumps, scenario.body, budget=budget)
            )
    return notes


def report(runs: Sequence[dict[Hashable, float]], notes: Sequence[str]) -> list[bool | None]:
    """Print the per-path table and router's own ratios; return each target's outcome."""

    def figure(scenario: str, contender: str) -> str:
        return us(median([run[_key(scenario, contender)] for run in runs]))

    outcomes: list[bool | None] = []
    lines = []
    for scenario in scenarios():
        limit = POWERTOOLS_TARGET if scenario.gated else None
        name = scenario.name
        speedup = Ratio(runs, _key(name, "powertools"), _key(name, "router"), limit, at_most=False)
        outcomes.append(speedup.passed)
        figures = [figure(name, "router"), figure(name, "powertools")]
        lines.append([scenario.title, *figures, speedup.figure(), speedup.verdict()])
    print(
        "\n" + table(["path", "router µs", "powertools µs", "powertools / router", "target"], lines)
    )

    own = [
        ("CORS GET / plain GET", ("cors", "router"), ("plain", "router"), CORS_TARGET),
        (f"1 MB ASCII JSON / {ORJSON}", ("json-1mb", "router"), ("json-1mb", ORJSON), JSON_TARGET),
        (
            f"1 MB non-ASCII JSON / {ORJSON}",
            ("json-1mb-unicode", "router"),
            ("json-1mb-unicode", ORJSON),
            None,
        ),
    ]
    lines = []
    for title, numerator, denominator, target in own:
        ratio = Ratio(runs, _key(*numerator), _key(*denominator), target)
        outcomes.append(ratio.passed)
        lines.append(
            [title, figure(*numerator), figure(*denominator), ratio.figure(), ratio.verdict()]
        )
    print("\nRouter against its own references:\n")
    print(table(["ratio", "router µs", "reference µs", "ratio", "target"], lines))
    for note in notes:
        print(f"\nNote: {note}")
    return outcomes
