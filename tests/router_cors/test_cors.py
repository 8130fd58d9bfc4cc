"""CORS on actual requests: origins, credentials, Vary, per-route switches, every answer."""

from __future__ import annotations

from typing import Any

import pytest
from cors_support import (
    ALLOW_HEADERS,
    APP,
    EVIL,
    STAGING,
    cors_headers,
    preflight,
    todo_app,
)

from router_core import Response
from router_core.exceptions import NotFoundError, UnauthorizedError
from router_cors import CORSConfig


def grant(origin: str, **more: str) -> dict[str, str]:
    """The CORS headers of an actual response that grants `origin` (Powertools' set)."""
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
        **more,
    }


# -- actual requests ------------------------------------------------------------------------------


def test_allowed_origin_is_echoed(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    response = client.get("/todos", headers={"Origin": APP})

    assert response.status_code == 200
    assert response.json() == [{"id": 1}]
    assert cors_headers(response) == grant(APP)
    assert response.header("Vary") == "Origin"


def test_extra_origin_is_echoed(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, extra_origins=[STAGING])
    client = source.client(todo_app(source, cors=config))

    response = client.get("/todos/7", headers={"Origin": STAGING})

    assert cors_headers(response) == grant(STAGING)
    assert response.header("Vary") == "Origin"


def test_disallowed_origin_gets_no_grant_but_still_vary(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, allow_credentials=True, expose_headers=["X-Id"])
    client = source.client(todo_app(source, cors=config))

    response = client.get("/todos", headers={"Origin": EVIL})

    assert response.status_code == 200
    assert response.json() == [{"id": 1}]
    assert cors_headers(response) == {}
    assert response.header("Vary") == "Origin"


def test_request_without_origin_gets_only_vary(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    response = client.get("/todos")

    assert cors_headers(response) == {}
    assert response.header("Vary") == "Origin"


def test_empty_origin_counts_as_none(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    assert cors_headers(client.get("/todos", headers={"Origin": ""})) == {}


def test_star_answers_star_with_vary(source: Any) -> None:
    client = source.client(todo_app(source, cors=True))

    with_origin = client.get("/todos", headers={"Origin": EVIL})
    without_origin = client.get("/todos")

    assert cors_headers(with_origin) == grant("*")
    # Whether a grant is sent depends on Origin, so caches must tell the two apart.
    assert with_origin.header("Vary") == "Origin"
    assert cors_headers(without_origin) == {}
    assert without_origin.header("Vary") == "Origin"


def test_credentials_go_with_a_specific_origin(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, allow_credentials=True)
    client = source.client(todo_app(source, cors=config))

    response = client.get("/todos", headers={"Origin": APP})

    assert cors_headers(response) == grant(APP, **{"Access-Control-Allow-Credentials": "true"})


def test_expose_headers_on_actual_responses(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, expose_headers=["X-Request-Id", "X-Total-Count"])
    client = source.client(todo_app(source, cors=config))

    response = client.get("/todos", headers={"Origin": APP})

    assert cors_headers(response) == grant(
        APP, **{"Access-Control-Expose-Headers": "X-Request-Id,X-Total-Count"}
    )


def test_max_age_and_allow_headers_go_on_every_cors_response(source: Any) -> None:
    # As Powertools sends them: on actual responses too, not only on pre-flights.
    config = CORSConfig(allow_origin=APP, max_age=600, allow_headers=["X-Request-Id"])
    client = source.client(todo_app(source, cors=config))

    actual = client.get("/todos", headers={"Origin": APP})
    answer = preflight(client, "/todos", APP, "POST")

    for response in (actual, answer):
        assert response.header("Access-Control-Max-Age") == "600"
        assert response.header("Access-Control-Allow-Headers") == ALLOW_HEADERS + ",X-Request-Id"


def test_head_request_gets_the_get_routes_cors_headers(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    response = client.head("/todos", headers={"Origin": APP})

    assert response.status_code == 200
    assert response.body == b""
    assert cors_headers(response) == grant(APP)


def test_handler_set_vary_is_merged_not_overwritten(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP))

    @app.get("/greeting")
    def greeting() -> Response:
        return Response(200, "text/plain", "hello", headers={"Vary": "Accept-Language"})

    response = source.client(app).get("/greeting", headers={"Origin": APP})

    assert response.header("Vary") == "Accept-Language, Origin"


def test_vary_merges_with_compression(source: Any) -> None:
    pytest.importorskip("router_compression")
    app = source.app(cors=CORSConfig(allow_origin=APP))

    @app.get("/report", compress=True)
    def report() -> dict[str, Any]:
        return {"rows": list(range(200))}

    response = source.client(app).get("/report", headers={"Origin": APP, "Accept-Encoding": "gzip"})

    assert response.header("Vary") == "Origin, Accept-Encoding"
    assert response.header("Content-Encoding") == "gzip"
    assert response.header("Access-Control-Allow-Origin") == APP


# -- per-route switches ---------------------------------------------------------------------------


def test_route_with_cors_false_gets_no_cors_headers(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP))

    @app.get("/public")
    def public() -> dict[str, Any]:
        return {"public": True}

    @app.get("/internal", cors=False)
    def internal() -> dict[str, Any]:
        return {"internal": True}

    client = source.client(app)
    internal_response = client.get("/internal", headers={"Origin": APP})

    assert internal_response.json() == {"internal": True}
    assert cors_headers(internal_response) == {}
    assert internal_response.header("Vary") is None
    assert cors_headers(client.get("/public", headers={"Origin": APP})) == grant(APP)


def test_preflight_does_not_grant_a_method_whose_route_has_cors_false(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP))

    @app.get("/orders")
    def list_orders() -> list[Any]:
        return []

    @app.post("/orders", cors=False)
    def create_order() -> dict[str, Any]:
        return {}

    client = source.client(app)
    refused = preflight(client, "/orders", APP, "POST")
    granted = preflight(client, "/orders", APP, "GET")

    assert refused.status_code == 204
    assert cors_headers(refused) == {"Access-Control-Allow-Methods": "GET,OPTIONS"}
    assert granted.header("Access-Control-Allow-Methods") == "GET,OPTIONS"
    assert granted.header("Access-Control-Allow-Origin") == APP


def test_route_cors_true_on_an_app_without_cors_covers_that_route_only(source: Any) -> None:
    app = source.app()

    @app.get("/widget", cors=True)
    def widget() -> dict[str, Any]:
        return {"widget": 1}

    @app.get("/private")
    def private() -> dict[str, Any]:
        return {"private": 1}

    client = source.client(app)

    assert cors_headers(client.get("/widget", headers={"Origin": EVIL})) == grant("*")
    assert cors_headers(client.get("/private", headers={"Origin": EVIL})) == {}
    # Routing's own answers get CORS only from app-wide CORS.
    not_found = client.get("/nowhere", headers={"Origin": EVIL})
    assert not_found.status_code == 404
    assert cors_headers(not_found) == {}


def test_route_cors_true_answers_preflights_of_its_path_only(source: Any) -> None:
    app = source.app()

    @app.put("/widget", cors=True)
    def put_widget() -> dict[str, Any]:
        return {}

    @app.put("/private")
    def put_private() -> dict[str, Any]:
        return {}

    client = source.client(app)
    widget = preflight(client, "/widget", APP, "PUT")
    private = preflight(client, "/private", APP, "PUT")

    assert widget.status_code == 204
    assert cors_headers(widget) == {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "OPTIONS,PUT",
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
    }
    assert private.status_code == 405
    assert private.header("Allow") == "PUT"
    assert cors_headers(private) == {}


# -- CORS on every kind of answer -----------------------------------------------------------------


def test_routing_404_and_405_carry_cors_headers(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    not_found = client.get("/nowhere", headers={"Origin": APP})
    not_allowed = client.put("/todos", headers={"Origin": APP})

    assert not_found.status_code == 404
    assert cors_headers(not_found) == grant(APP)
    assert not_allowed.status_code == 405
    assert not_allowed.header("Allow") == "GET, HEAD, OPTIONS, POST"
    assert cors_headers(not_allowed) == grant(APP)
    assert not_allowed.header("Vary") == "Origin"


def test_custom_not_found_answer_carries_cors_headers(source: Any) -> None:
    app = todo_app(source, cors=CORSConfig(allow_origin=APP))

    @app.not_found
    def missing(error: NotFoundError) -> Response:
        return Response(404, "text/plain", "nothing here")

    response = source.client(app).get("/nowhere", headers={"Origin": APP})

    assert response.status_code == 404
    assert response.text == "nothing here"
    assert cors_headers(response) == grant(APP)


def test_service_error_carries_cors_headers(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP, allow_credentials=True))

    @app.get("/me")
    def me() -> dict[str, Any]:
        raise UnauthorizedError("Sign in first")

    response = source.client(app).get("/me", headers={"Origin": APP})

    assert response.status_code == 401
    assert response.json() == {"statusCode": 401, "message": "Sign in first"}
    assert cors_headers(response) == grant(APP, **{"Access-Control-Allow-Credentials": "true"})


def test_exception_handler_answer_carries_cors_headers(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP))

    @app.exception_handler(Exception)
    def crashed(error: Exception) -> tuple[dict[str, Any], int]:
        return {"message": "Internal error"}, 500

    @app.get("/boom")
    def boom() -> dict[str, Any]:
        raise RuntimeError("database down")

    response = source.client(app).get("/boom", headers={"Origin": APP})

    assert response.status_code == 500
    assert response.json() == {"message": "Internal error"}
    assert cors_headers(response) == grant(APP)


def test_error_of_a_cors_false_route_gets_no_cors_headers(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP))

    @app.get("/internal", cors=False)
    def internal() -> dict[str, Any]:
        raise UnauthorizedError("no")

    response = source.client(app).get("/internal", headers={"Origin": APP})

    assert response.status_code == 401
    assert cors_headers(response) == {}
