"""Powertools apps run unchanged: each app of apps/ is written once for Powertools, ported by
changing its imports as docs/migration.md says (porting.py), and both run side by side on the
same events of each source. The responses must be identical, except where a deliberate
difference of migration.md applies: each such case names the entry (its bold title there),
and the difference itself is asserted, so that nothing is waved through.
"""

from __future__ import annotations

import base64
import copy
import gzip
import json
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable

import pytest
import replay_events as events
from loading import load
from porting import MIGRATION

pytest.importorskip("aws_lambda_powertools")

Result = dict[str, Any]


@dataclass(frozen=True)
class Difference:
    """A deliberate difference: its migration.md entry, and how ours differs (asserted)."""

    entry: str
    adjust: Callable[[Result, Result], None]  # asserts ours' form, then makes ours comparable


def _headers(result: Result) -> dict[str, Any]:
    return result["multiValueHeaders"] if "multiValueHeaders" in result else result["headers"]


def _drop_vary(value: str, result: Result) -> None:
    headers = _headers(result)
    key = "Vary"
    vary = headers.pop(key)
    joined = vary[0] if isinstance(vary, list) else vary
    left = [v for v in joined.split(", ") if v != value]
    assert len(left) < len(joined.split(", ")), f"no {value} in Vary"
    if left:
        headers[key] = [", ".join(left)] if isinstance(vary, list) else ", ".join(left)


def _vary_origin(powertools: Result, ours: Result) -> None:
    assert "Vary" not in _headers(powertools)
    _drop_vary("Origin", ours)


def _vary_accept_encoding(powertools: Result, ours: Result) -> None:
    _drop_vary("Accept-Encoding", ours)


def _preflight_per_path(powertools: Result, ours: Result) -> None:
    # Ours lists the path's methods and says Allow; Powertools lists every method of the app.
    ours_methods = _headers(ours).pop("Access-Control-Allow-Methods")
    powertools_methods = _headers(powertools).pop("Access-Control-Allow-Methods")
    allow = _headers(ours).pop("Allow")
    ours_set = set("".join(ours_methods).split(","))
    assert ours_set <= set("".join(powertools_methods).split(","))
    assert ours_set <= set("".join(allow).replace(" ", "").split(","))


def _gunzip(result: Result) -> None:
    assert result["isBase64Encoded"] is True
    result["body"] = gzip.decompress(base64.b64decode(result["body"])).decode()


def _compressed_bytes(powertools: Result, ours: Result) -> None:
    _gunzip(powertools)
    _gunzip(ours)
    powertools["isBase64Encoded"] = ours["isBase64Encoded"] = "gzip"


def _json_unescaped(powertools: Result, ours: Result) -> None:
    assert not ours["body"].isascii() and powertools["body"].isascii()
    assert json.loads(ours["body"]) == json.loads(powertools["body"])
    ours["body"] = powertools["body"]


def _body_error_message(powertools: Result, ours: Result) -> None:
    assert json.loads(ours["body"]) == {"error": "Request body is not valid JSON"}
    ours["body"] = powertools["body"]


def _method_not_allowed(powertools: Result, ours: Result) -> None:
    assert (powertools["statusCode"], ours["statusCode"]) == (404, 405)
    assert _headers(ours).pop("Allow") == "DELETE, GET, HEAD, PUT"
    assert json.loads(ours["body"]) == {"statusCode": 405, "message": "Method not allowed"}
    ours.update(statusCode=404, body=powertools["body"])


def _body_of(replace: dict[str, Any]) -> Callable[[Result, Result], None]:
    """Ours answers the handler's JSON with `replace`d values, where Powertools' differ."""

    def adjust(powertools: Result, ours: Result) -> None:
        ours_body, powertools_body = json.loads(ours["body"]), json.loads(powertools["body"])
        for key, value in replace.items():
            assert ours_body[key] == value, key
            ours_body[key] = powertools_body[key]
        assert ours_body == powertools_body
        ours["body"] = powertools["body"]

    return adjust


def _alb_joined(powertools: Result, ours: Result) -> None:
    assert _headers(ours)["X-Rows"] == "1, total"
    assert _headers(powertools)["X-Rows"] == "total"  # the last value alone, with a warning
    _headers(ours)["X-Rows"] = "total"


def _path_decoded(powertools: Result, ours: Result) -> None:
    assert (powertools["body"], ours["body"]) == ("contents of a%20b.txt", "contents of a b.txt")
    ours["body"] = powertools["body"]


VARY_ORIGIN = Difference("`Vary: Origin` on every CORS response", _vary_origin)
VARY_ENCODING = Difference(
    "`Vary: Accept-Encoding` on `compress=True` routes", _vary_accept_encoding
)
COMPRESSED = Difference("Compressed bytes may differ", _compressed_bytes)
PREFLIGHT = Difference("CORS pre-flight per path", _preflight_per_path)
UNESCAPED = Difference("JSON bodies keep non-ASCII characters unescaped", _json_unescaped)
BODY_ERROR = Difference("Malformed bodies answer 400", _body_error_message)
NOT_ALLOWED = Difference("405 with `Allow` instead of 404", _method_not_allowed)
ALB_DECODED = Difference("ALB query strings are decoded", _body_of({"q": "tea pot!"}))
ALB_MULTI = Difference(
    "ALB `decode_query_parameters`",
    _body_of({"q": "tea pot!", "agent": events.USER_AGENT}),
)
ALB_JOINED = Difference("ALB single-value headers", _alb_joined)
PATH_DECODED = Difference("Path parameters are decoded once per source", _path_decoded)


@dataclass(frozen=True)
class Case:
    app: str
    resolver: str
    event: dict[str, Any]
    differences: tuple[Difference, ...] = ()
    name: str = field(default="")


SHOP_ORIGIN = {"Origin": "https://shop.example.com"}
ADMIN_ORIGIN = {"Origin": "https://admin.example.com"}
JWT = {"jwt": {"claims": {"sub": "u-7", "iss": "https://id.example.com"}, "scopes": ["read"]}}
R, H, A, F = events.rest, events.http, events.alb, events.function_url
CASES = [
    # A REST API with CORS (credentials, extra origins), a prefixed router, middlewares.
    Case("shop", "app", R("GET", "/products?limit=1", SHOP_ORIGIN), (VARY_ORIGIN,)),
    Case("shop", "app", R("GET", "/products/p-9", ADMIN_ORIGIN), (VARY_ORIGIN,)),
    Case(
        "shop", "app", R("GET", "/products/p-1", {"Origin": "https://evil.example"}), (VARY_ORIGIN,)
    ),
    Case("shop", "app", R("GET", "/v1/products/p-1"), (VARY_ORIGIN,)),
    Case(
        "shop",
        "app",
        R("GET", "/catalog", {**SHOP_ORIGIN, "Accept-Encoding": "gzip, deflate"}),
        (VARY_ORIGIN, VARY_ENCODING, COMPRESSED),
    ),
    Case("shop", "app", R("GET", "/catalog", SHOP_ORIGIN), (VARY_ORIGIN, VARY_ENCODING)),
    Case("shop", "app", R("GET", "/logo.png"), (VARY_ORIGIN,)),
    Case("shop", "app", R("GET", "/whoami?tag=a&tag=b", SHOP_ORIGIN), (VARY_ORIGIN,)),
    Case("shop", "app", R("POST", "/session", SHOP_ORIGIN, '{"user": "ana"}'), (VARY_ORIGIN,)),
    Case("shop", "app", R("PURGE", "/cache", SHOP_ORIGIN), (VARY_ORIGIN,)),
    Case("shop", "app", R("GET", "/orders", SHOP_ORIGIN), (VARY_ORIGIN,)),
    Case("shop", "app", R("GET", "/orders/", SHOP_ORIGIN, authorizer={}), (VARY_ORIGIN,)),
    Case("shop", "app", R("GET", "/orders/o-1", SHOP_ORIGIN), (VARY_ORIGIN,)),
    Case("shop", "app", R("POST", "/orders", SHOP_ORIGIN, '{"items": ["p-1"]}'), (VARY_ORIGIN,)),
    Case("shop", "app", R("POST", "/orders", SHOP_ORIGIN, '{"items": "p-1"}'), (VARY_ORIGIN,)),
    Case("shop", "app", R("POST", "/orders", SHOP_ORIGIN, "{oops"), (VARY_ORIGIN, BODY_ERROR)),
    Case("shop", "app", R("DELETE", "/orders/o-1", SHOP_ORIGIN), (VARY_ORIGIN,)),
    Case("shop", "app", R("GET", "/nope", SHOP_ORIGIN), (VARY_ORIGIN,)),
    Case(
        "shop",
        "app",
        R("OPTIONS", "/orders", {**SHOP_ORIGIN, "Access-Control-Request-Method": "POST"}),
        (VARY_ORIGIN, PREFLIGHT),
    ),
    # An HTTP API: JWT claims, a router with relative rules, class middleware, cookies.
    Case("catalog", "app", H("GET", "/me", authorizer=JWT)),
    Case("catalog", "app", H("GET", "/me")),
    Case("catalog", "app", H("GET", "/search?q=kettle&q=pot")),
    Case("catalog", "app", H("GET", "/search")),
    Case("catalog", "app", H("GET", "/admin")),
    Case("catalog", "app", H("GET", "/hello")),
    Case("catalog", "app", H("POST", "/prefs", body='{"theme": "dark"}')),
    Case("catalog", "app", H("GET", "/items/42")),
    Case("catalog", "app", H("GET", "/items/99")),
    Case("catalog", "app", H("PUT", "/items/7", body='{"title": "Caf\\u00e9"}'), (UNESCAPED,)),
    Case("catalog", "app", H("GET", "/zzz")),
    Case("catalog", "app", H("PATCH", "/items/42"), (NOT_ALLOWED,)),
    Case("catalog", "app", H("DELETE", "/items/42")),
    Case("catalog", "app", H("PUT", "/items/8")),
    Case("catalog", "app", H("GET", "/divide?by=0")),
    Case("catalog", "app", H("GET", "/divide?by=4")),
    Case(
        "catalog",
        "app",
        H("POST", "/echo", body='{"n": 123456789012345678901234567890, "price": 1.10}'),
    ),
    Case("catalog", "app", H("GET", "/logo.svg")),
    Case("catalog", "app", H("GET", "/empty.bin")),
    # ALB and Function URL apps built from ApiGatewayResolver(proxy_type=...).
    Case("gateway", "alb", A("GET", "/health")),
    Case("gateway", "alb", A("GET", "/echo?q=tea+pot%21"), (ALB_DECODED,)),
    Case("gateway", "alb", A("GET", "/echo?q=tea+pot%21", multi_value=True), (ALB_MULTI,)),
    Case("gateway", "alb", A("POST", "/ingest", body="[1, 2, 3]")),
    Case("gateway", "alb", A("GET", "/report.csv"), (ALB_JOINED,)),
    Case("gateway", "alb", A("GET", "/report.csv", multi_value=True)),
    Case("gateway", "alb", A("GET", "/nothing")),
    Case("gateway", "alb", A("GET", "/nothing", multi_value=True)),
    Case(
        "gateway",
        "url",
        F("GET", "/files/report.txt", {"Origin": "https://x.example"}),
        (VARY_ORIGIN,),
    ),
    Case("gateway", "url", F("GET", "/files/a%20b.txt"), (VARY_ORIGIN, PATH_DECODED)),
    Case("gateway", "url", F("GET", "/raw/ab"), (VARY_ORIGIN,)),
    Case("gateway", "url", F("POST", "/files", body=b"\x00\x01hello"), (VARY_ORIGIN,)),
    Case("gateway", "url", F("POST", "/files", body="plain text"), (VARY_ORIGIN,)),
    Case(
        "gateway",
        "url",
        F(
            "OPTIONS",
            "/files",
            {"Origin": "https://x.example", "Access-Control-Request-Method": "POST"},
        ),
        (VARY_ORIGIN, PREFLIGHT),
    ),
]


def _id(case: Case) -> str:
    event = case.event
    method = event.get("httpMethod") or event["requestContext"]["http"]["method"]
    path = event.get("rawPath") or event["path"]
    mode = "-multi" if "multiValueHeaders" in event and case.resolver == "alb" else ""
    return f"{case.app}.{case.resolver}{mode}:{method} {path}"


def _plain(result: Result) -> Result:
    """The result as the runtime sends it: JSON (Powertools' headers are a defaultdict)."""
    plain: Result = json.loads(json.dumps(result))
    return plain


def replay(case: Case) -> tuple[Result, Result]:
    """Both apps, freshly loaded, answer the same event."""
    answers = []
    for ported in (False, True):
        app = getattr(load(case.app, ported), case.resolver)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Powertools warns on ALB's single-value joins
            answers.append(_plain(app.resolve(copy.deepcopy(case.event), None)))
    return answers[0], answers[1]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_ported_app_answers_as_the_original(case: Case) -> None:
    powertools, ours = replay(case)
    for difference in case.differences:
        difference.adjust(powertools, ours)
    assert ours == powertools


@pytest.mark.parametrize("case", [c for c in CASES if c.differences], ids=_id)
def test_each_difference_is_needed(case: Case) -> None:
    """A listed difference that no longer shows must be removed from the case (and perhaps
    from migration.md): without it, the answers differ."""
    powertools, ours = replay(case)
    assert ours != powertools


def test_each_difference_names_an_entry_of_the_migration_notes() -> None:
    text = MIGRATION.read_text("utf-8")
    entries = {d.entry for case in CASES for d in case.differences}
    missing = [entry for entry in sorted(entries) if f"**{entry}" not in text]
    assert missing == []


def test_every_source_and_app_is_replayed() -> None:
    shapes = {_id(case).split(":")[0] for case in CASES}
    assert shapes == {"shop.app", "catalog.app", "gateway.alb", "gateway.alb-multi", "gateway.url"}
