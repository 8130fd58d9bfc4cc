"""CORS pre-flights per path, a browser-style exchange, and a missing router-cors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from cors_support import (
    ALLOW_HEADERS,
    APP,
    EVIL,
    cors_check,
    cors_headers,
    preflight,
    preflight_passes,
    todo_app,
)

from router_core import Response
from router_core.exceptions import MissingExtraError
from router_cors import CORSConfig

EVENTS = Path(__file__).resolve().parents[3] / "shared" / "events"


# -- pre-flights ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "method", "methods"),
    [
        ("/todos", "POST", "GET,OPTIONS,POST"),
        ("/todos/", "POST", "GET,OPTIONS,POST"),
        ("/todos/42", "DELETE", "DELETE,GET,OPTIONS"),
        ("/todos/42", "delete", "DELETE,GET,OPTIONS"),
    ],
)
def test_preflight_lists_the_methods_of_that_path(
    source: Any, path: str, method: str, methods: str
) -> None:
    config = CORSConfig(allow_origin=APP, max_age=300)
    client = source.client(todo_app(source, cors=config))

    response = preflight(client, path, APP, method, "content-type,x-api-key")

    assert response.status_code == 204
    assert response.body == b""
    assert cors_headers(response) == {
        "Access-Control-Allow-Origin": APP,
        "Access-Control-Allow-Methods": methods,
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
        "Access-Control-Max-Age": "300",
    }
    assert response.header("Vary") == "Origin"


def test_preflight_for_a_method_the_path_lacks_grants_nothing(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    for method in ("DELETE", "PATCH", "BREW", ""):
        response = preflight(client, "/todos", APP, method)

        assert response.status_code == 204
        # The path's methods are listed (as Powertools does), but no origin is granted.
        assert cors_headers(response) == {"Access-Control-Allow-Methods": "GET,OPTIONS,POST"}
        assert response.header("Vary") == "Origin"


def test_preflight_from_a_disallowed_origin_grants_nothing(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, allow_credentials=True, max_age=60)
    client = source.client(todo_app(source, cors=config))

    response = preflight(client, "/todos", EVIL, "POST")

    assert response.status_code == 204
    assert cors_headers(response) == {"Access-Control-Allow-Methods": "GET,OPTIONS,POST"}
    assert response.header("Vary") == "Origin"


def test_preflight_on_an_unknown_path_is_a_404_without_grant(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    response = preflight(client, "/nowhere", APP, "GET")

    assert response.status_code == 404
    assert response.json() == {"statusCode": 404, "message": "Not found"}
    assert cors_headers(response) == {}
    assert response.header("Vary") == "Origin"


def test_options_that_is_not_a_preflight_lists_the_paths_methods(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    response = client.options("/todos/3")

    assert response.status_code == 204
    assert response.header("Allow") == "DELETE, GET, HEAD, OPTIONS"
    assert cors_headers(response) == {"Access-Control-Allow-Methods": "DELETE,GET,OPTIONS"}
    assert response.header("Vary") == "Origin"


def test_a_users_options_route_wins_and_gets_the_grant(source: Any) -> None:
    app = todo_app(source, cors=CORSConfig(allow_origin=APP, max_age=5))

    @app.options("/todos")
    def todos_options() -> Response:
        return Response(200, "application/json", '{"custom":true}', headers={"X-Custom": "1"})

    response = preflight(source.client(app), "/todos", APP, "POST")

    assert response.status_code == 200
    assert response.json() == {"custom": True}
    assert response.header("X-Custom") == "1"
    assert cors_headers(response) == {
        "Access-Control-Allow-Origin": APP,
        "Access-Control-Allow-Methods": "GET,OPTIONS,POST",
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
        "Access-Control-Max-Age": "5",
    }


def test_a_users_options_route_with_cors_false_is_left_alone(source: Any) -> None:
    app = todo_app(source, cors=CORSConfig(allow_origin=APP))

    @app.options("/todos", cors=False)
    def todos_options() -> Response:
        return Response(204, headers={"Access-Control-Allow-Origin": "https://mine.example"})

    response = preflight(source.client(app), "/todos", APP, "POST")

    assert response.status_code == 204
    assert cors_headers(response) == {"Access-Control-Allow-Origin": "https://mine.example"}


def test_preflight_with_strip_prefixes_uses_the_stripped_path(source: Any) -> None:
    client = source.client(
        todo_app(source, cors=CORSConfig(allow_origin=APP), strip_prefixes=["/api"])
    )

    response = preflight(client, "/api/todos/9", APP, "DELETE")

    assert response.header("Access-Control-Allow-Methods") == "DELETE,GET,OPTIONS"


def test_an_explicit_head_route_is_listed(source: Any) -> None:
    app = todo_app(source, cors=CORSConfig(allow_origin=APP))

    @app.head("/todos")
    def head_todos() -> Response:
        return Response(200, headers={"X-Total": "1"})

    response = preflight(source.client(app), "/todos", APP, "HEAD")

    assert response.header("Access-Control-Allow-Methods") == "GET,HEAD,OPTIONS,POST"


# -- a browser's view -----------------------------------------------------------------------------


def test_browser_exchange_preflight_then_request(source: Any) -> None:
    config = CORSConfig(
        allow_origin=APP, allow_headers=["X-Request-Id"], max_age=600, allow_credentials=True
    )
    app = todo_app(source, cors=config)

    @app.put("/todos/<todo_id>")
    def replace_todo(todo_id: str) -> dict[str, Any]:
        return {"id": todo_id, "title": app.current_event.json_body["title"]}

    client = source.client(app)
    request_headers = ["Content-Type", "X-Request-Id"]

    answer = preflight(client, "/todos/5", APP, "PUT", ",".join(h.lower() for h in request_headers))
    assert preflight_passes(answer, APP, "PUT", request_headers, credentials=True)

    response = client.put(
        "/todos/5",
        headers={"Origin": APP, "X-Request-Id": "r-1", "Cookie": "session=abc"},
        json={"title": "water plants"},
    )
    assert response.status_code == 200
    assert response.json() == {"id": "5", "title": "water plants"}
    assert cors_check(response, APP, credentials=True)

    # The same exchange from another site fails where a browser would stop it: the pre-flight.
    refused = preflight(client, "/todos/5", EVIL, "PUT", "content-type")
    assert not preflight_passes(refused, EVIL, "PUT", ["Content-Type"], credentials=True)
    # and a method the path does not have is refused too.
    patch = preflight(client, "/todos/5", APP, "PATCH")
    assert not preflight_passes(patch, APP, "PATCH", [], credentials=True)


# -- the rest ------------------------------------------------------------------------------------


def test_resolver_refuses_a_cors_option_that_is_not_a_config(source: Any) -> None:
    with pytest.raises(TypeError, match="cors= takes True or a CORSConfig"):
        source.app(cors="https://app.example.com")


def test_missing_router_cors_fails_at_construction(
    source: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "router_cors", None)

    with pytest.raises(MissingExtraError, match="pip install router-cors"):
        source.app(cors=True)
    app = source.app()
    with pytest.raises(MissingExtraError, match="cors=True on route '/x' needs router-cors"):
        app.get("/x", cors=True)


def test_sample_rest_event_with_origin() -> None:
    router_rest = pytest.importorskip("router_rest")
    sample = EVENTS / "powertools" / "apiGatewayProxyEvent.json"
    if not sample.is_file():
        pytest.skip("shared sample events are not present")
    event = json.loads(sample.read_text())
    origin = event["headers"]["Origin"]
    app = router_rest.APIGatewayRestResolver(cors=CORSConfig(allow_origin=origin))

    @app.get("/my/path")
    def my_path() -> dict[str, Any]:
        return {"ok": True}

    result = app.resolve(event, None)

    assert result["statusCode"] == 200
    assert result["multiValueHeaders"]["Access-Control-Allow-Origin"] == [origin]
    assert result["multiValueHeaders"]["Vary"] == ["Origin"]
    assert result["multiValueHeaders"]["Access-Control-Allow-Headers"] == [ALLOW_HEADERS]
