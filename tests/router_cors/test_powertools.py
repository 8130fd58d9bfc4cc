"""CORS header sets side by side with Powertools 3.37, on every kind of answer.

The only differences are the documented ones: `Vary: Origin`, and `Allow` on the automatic
OPTIONS answers. The app has one path, so that per-path pre-flights list what Powertools'
app-wide ones list.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from rest_events import make_event

from router_core import Response
from router_cors import CORSConfig

APIGatewayRestResolver = pytest.importorskip("router_rest").APIGatewayRestResolver
handler = pytest.importorskip("aws_lambda_powertools.event_handler")

APP = "https://app.example.com"
CONFIGS = [
    {},
    {"allow_origin": APP},
    {
        "allow_origin": APP,
        "extra_origins": ["https://dev.example.com"],
        "allow_headers": ["x-custom", "X-Trace"],
        "expose_headers": ["X-Id", "X-Total"],
        "max_age": 300,
        "allow_credentials": True,
    },
    {"allow_origin": "*", "max_age": 0},
]
REQUESTS = [
    ("GET", "/todos", {"Origin": APP}),
    ("GET", "/todos", {"Origin": "https://dev.example.com"}),
    ("GET", "/todos", {"Origin": "https://evil.example.net"}),
    ("GET", "/todos", {}),
    ("POST", "/todos", {"Origin": APP}),
    ("DELETE", "/todos", {"Origin": APP}),
    ("PUT", "/todos", {"Origin": APP}),
    ("GET", "/nowhere", {"Origin": APP}),
    ("GET", "/nowhere", {}),
    ("OPTIONS", "/todos", {"Origin": APP, "Access-Control-Request-Method": "POST"}),
    ("OPTIONS", "/todos", {"Origin": APP, "Access-Control-Request-Method": "GET"}),
    ("OPTIONS", "/todos", {}),
]


def _event(method: str, path: str, headers: dict[str, str]) -> dict[str, Any]:
    body = '{"title":"milk"}' if method in ("POST", "PUT") else None
    return make_event(method, path, {name: [value] for name, value in headers.items()}, None, body)


def _app(resolver: Any, config: Any, response_class: Any, not_found_error: Any) -> Any:
    app = resolver(cors=config)

    @app.get("/todos")
    def list_todos() -> dict[str, Any]:
        return {"todos": []}

    @app.post("/todos")
    def create_todo() -> Any:
        raise ValueError("bad title")  # answered by the exception handler below

    @app.delete("/todos")
    def clear_todos() -> Any:
        raise not_found_error("gone")  # a ServiceError's own answer

    @app.put("/todos")
    def replace_todos() -> Any:
        return response_class(status_code=202, content_type="text/plain", body="later")

    @app.exception_handler(ValueError)
    def bad_value(error: ValueError) -> Any:
        return response_class(status_code=400, content_type="application/json", body={"e": 1})

    return app


@pytest.mark.parametrize("options", CONFIGS)
@pytest.mark.parametrize(("method", "path", "headers"), REQUESTS)
def test_cors_headers_match_powertools(
    options: dict[str, Any], method: str, path: str, headers: dict[str, str]
) -> None:
    from aws_lambda_powertools.event_handler.exceptions import NotFoundError as TheirNotFound

    from router_core.exceptions import NotFoundError

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing here warrants a warning
        ours_app = _app(APIGatewayRestResolver, CORSConfig(**options), Response, NotFoundError)
    theirs_app = _app(
        handler.APIGatewayRestResolver,
        handler.CORSConfig(**options),
        handler.Response,
        TheirNotFound,
    )

    ours = ours_app.resolve(_event(method, path, headers), None)
    theirs = theirs_app.resolve(_event(method, path, headers), None)

    assert ours["statusCode"] == theirs["statusCode"]
    our_headers = dict(ours["multiValueHeaders"])
    assert our_headers.pop("Vary") == ["Origin"]
    if method == "OPTIONS":
        assert our_headers.pop("Allow") == ["DELETE, GET, HEAD, OPTIONS, POST, PUT"]
    assert our_headers == dict(theirs["multiValueHeaders"])


def test_credentials_with_star_are_never_sent_as_in_powertools() -> None:
    from router_core.exceptions import NotFoundError

    with pytest.warns(UserWarning, match="allow_credentials=True"):
        ours_app = _app(
            APIGatewayRestResolver, CORSConfig(allow_credentials=True), Response, NotFoundError
        )
    theirs_app = _app(
        handler.APIGatewayRestResolver,
        handler.CORSConfig(allow_credentials=True),
        handler.Response,
        NotFoundError,
    )
    event = _event("GET", "/todos", {"Origin": APP})

    ours = ours_app.resolve(event, None)["multiValueHeaders"]
    theirs = theirs_app.resolve(_event("GET", "/todos", {"Origin": APP}), None)["multiValueHeaders"]

    assert "Access-Control-Allow-Credentials" not in ours
    assert ours["Access-Control-Allow-Origin"] == theirs["Access-Control-Allow-Origin"] == ["*"]
