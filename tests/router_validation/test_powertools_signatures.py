"""Side by side with Powertools 3.37: signatures written the way Powertools apps write them,
in an app module with `from __future__ import annotations` (every annotation a string), models
defined after the routes that use them, `X | None` and `Optional` query parameters, `list[T]`
query and header parameters, a model annotated `Query()`, `Body(embed=True)`,
`Response[Model]` and a `-> None` handler.

The app module is one source executed three times, as a real module each time (so that its
string annotations resolve in it): with Powertools, with router and pydantic models, and with
router and msgspec Structs. The pydantic engine answers as Powertools does, entry for entry;
the msgspec engine answers the same successes and, for each failing parameter, the first
error msgspec finds, which is one of Powertools' entries for it.
"""

from __future__ import annotations

import json
import sys
import types
from typing import Any
from urllib.parse import parse_qsl

import pytest
from results import status_and_body

pytest.importorskip("pydantic")
pytest.importorskip("aws_lambda_powertools")
pytest.importorskip("router_rest")
pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 10), reason="the app module writes `X | None` annotations"
)

APP = """
from __future__ import annotations

from typing import Annotated, Optional

{imports}

app = APIGatewayRestResolver(enable_validation=True)


@app.get("/search")
def search(
    q: str | None = None,
    limit: Optional[int] = None,
    tags: Annotated[list[str], Query()] = [],
    x_ids: Annotated[list[int], Header()] = [],
    x_mode: Annotated[Optional[str], Header()] = None,
) -> dict:
    return {{"q": q, "limit": limit, "tags": tags, "ids": x_ids, "mode": x_mode}}


@app.get("/filter")
def filter_items(f: Annotated[Filter, Query()]) -> Filter:
    return f


@app.get("/filter-headers")
def filter_headers(f: Annotated[Filter, Header()]) -> dict:
    return {{"color": f.color, "size": f.size}}


@app.post("/embed")
def embed(item: Annotated[Item, Body(embed=True)]) -> Item:
    return item


@app.post("/items")
def add(item: Item) -> None:
    return None


@app.post("/wrapped")
def wrapped(item: Item) -> Response[Item]:
    return Response(201, "application/json", item)


@app.get("/nullable/<n>")
def nullable(n: int, at: Annotated[int | None, Query(ge=0)] = None) -> Item | None:
    return None if at is None else Item(name=str(n), qty=at)


class Filter({base}):
    color: str
    size: int = 1
    sizes: list[int] = []


class Item({base}):
    name: str
    qty: int = 1
"""

ROUTER = """
from router_rest import APIGatewayRestResolver
from router_core import Response
from router_validation import Body, Header, Query
"""
POWERTOOLS = """
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Header, Query
"""
FLAVOURS = {
    "powertools": (POWERTOOLS, "import pydantic", "pydantic.BaseModel"),
    "pydantic": (ROUTER, "import pydantic", "pydantic.BaseModel"),
    "msgspec": (ROUTER, "import msgspec", "msgspec.Struct"),
}


def load(flavour: str) -> Any:
    """The app module, executed as `postponed_<flavour>` and registered in sys.modules."""
    imports, models, base = FLAVOURS[flavour]
    name = f"postponed_{flavour}"
    module = types.ModuleType(name)
    sys.modules[name] = module
    source = APP.format(imports=imports + models, base=base)
    exec(compile(source, f"<{name}>", "exec", dont_inherit=True), module.__dict__)
    return module.app


@pytest.fixture(scope="module")
def apps() -> Any:
    yield {flavour: load(flavour) for flavour in FLAVOURS}
    for flavour in FLAVOURS:
        sys.modules.pop(f"postponed_{flavour}", None)


def event(
    method: str, target: str, body: Any = None, headers: list[tuple[str, str]] | None = None
) -> dict[str, Any]:
    path, _, query = target.partition("?")
    multi: dict[str, list[str]] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        multi.setdefault(key, []).append(value)
    pairs = list(headers or [])
    if body is not None:
        body = json.dumps(body)
        pairs.append(("Content-Type", "application/json"))
    multi_headers: dict[str, list[str]] = {}
    for key, value in pairs:
        multi_headers.setdefault(key, []).append(value)
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": method,
        "headers": {k: v[-1] for k, v in multi_headers.items()},
        "multiValueHeaders": multi_headers,
        "queryStringParameters": {k: v[-1] for k, v in multi.items()} or None,
        "multiValueQueryStringParameters": multi or None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {"httpMethod": method, "path": path, "stage": "prod"},
        "body": body,
        "isBase64Encoded": False,
    }


REQUESTS = [
    ("GET", "/search", None, None),
    ("GET", "/search?q=a&limit=3&tags=x&tags=y", None, [("X-Ids", "1"), ("X-Ids", "2")]),
    ("GET", "/search?tags=solo", None, [("X-Ids", "7"), ("X-Mode", "fast")]),
    ("GET", "/search?limit=many", None, [("X-Ids", "1"), ("X-Ids", "two")]),
    ("GET", "/search?q=", None, None),
    ("GET", "/filter?color=red&size=2&sizes=1&sizes=3", None, None),
    ("GET", "/filter?color=red", None, None),
    ("GET", "/filter?size=x", None, None),
    ("GET", "/filter?color=blue&sizes=1&sizes=z", None, None),
    ("GET", "/filter-headers", None, [("Color", "green"), ("Size", "4")]),
    ("GET", "/filter-headers", None, [("Size", "big")]),
    ("POST", "/embed", {"item": {"name": "pen", "qty": "2"}}, None),
    ("POST", "/embed", {"name": "pen"}, None),
    ("POST", "/embed", {"item": {"qty": "x"}}, None),
    ("POST", "/items", {"name": "pen"}, None),
    ("POST", "/items", {"qty": 1}, None),
    ("POST", "/wrapped", {"name": "pen", "qty": 3}, None),
    ("POST", "/wrapped", {"name": 5}, None),
    ("GET", "/nullable/3", None, None),
    ("GET", "/nullable/3?at=2", None, None),
    ("GET", "/nullable/3?at=-1", None, None),
    ("GET", "/nullable/x?at=", None, None),
]


@pytest.mark.parametrize(("method", "target", "body", "headers"), REQUESTS)
def test_the_pydantic_engine_answers_as_powertools(
    apps: dict[str, Any], method: str, target: str, body: Any, headers: Any
) -> None:
    expected = status_and_body(
        apps["powertools"].resolve(event(method, target, body, headers), None)
    )

    got = status_and_body(apps["pydantic"].resolve(event(method, target, body, headers), None))

    assert got == expected


@pytest.mark.parametrize(("method", "target", "body", "headers"), REQUESTS)
def test_the_msgspec_engine_answers_the_first_error_of_each_parameter(
    apps: dict[str, Any], method: str, target: str, body: Any, headers: Any
) -> None:
    status, expected = status_and_body(
        apps["powertools"].resolve(event(method, target, body, headers), None)
    )

    got_status, got = status_and_body(
        apps["msgspec"].resolve(event(method, target, body, headers), None)
    )

    assert got_status == status
    if status != 422:
        assert got == expected
        return
    # One entry per failing parameter, each one of Powertools' entries for that parameter
    # (msgspec finds a wrong field before it notices a missing one).
    parameters = list(dict.fromkeys(tuple(e["loc"][:2]) for e in expected["detail"]))
    assert [tuple(e["loc"][:2]) for e in got["detail"]] == parameters
    assert all(entry in expected["detail"] for entry in got["detail"])


def test_the_answers_are_what_the_handlers_say(apps: dict[str, Any]) -> None:
    """A few absolute answers, so that the comparison above cannot pass on shared mistakes."""
    app = apps["msgspec"]

    search = status_and_body(
        app.resolve(event("GET", "/search?tags=x&tags=y", None, [("X-Ids", "1"), ("X-Ids", "2")]),
                    None)
    )  # fmt: skip
    wrapped = app.resolve(event("POST", "/wrapped", {"name": "pen"}), None)
    added = app.resolve(event("POST", "/items", {"name": "pen"}), None)

    assert search == (200, {"q": None, "limit": None, "tags": ["x", "y"], "ids": [1, 2],
                            "mode": None})  # fmt: skip
    assert (wrapped["statusCode"], json.loads(wrapped["body"])) == (201, {"name": "pen", "qty": 1})
    assert (added["statusCode"], added["body"]) == (200, "null")
