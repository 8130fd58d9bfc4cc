"""CORS: which origins get a grant, pre-flights per path, and CORS on every kind of answer."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from router_core import Response
from router_core.exceptions import MissingExtraError, NotFoundError, UnauthorizedError
from router_cors import DEFAULT_ALLOW_HEADERS, CORSConfig, CORSExtension, create_extension

APP = "https://app.example.com"
STAGING = "https://staging.example.com"
EVIL = "https://evil.example.net"
ALLOW_HEADERS = "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key"
CORS_HEADERS = (
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Credentials",
    "Access-Control-Expose-Headers",
    "Access-Control-Max-Age",
)
EVENTS = Path(__file__).resolve().parents[3] / "shared" / "events"


def cors_headers(response: Any) -> dict[str, str]:
    """The response's Access-Control-* headers (what a browser's CORS checks read)."""
    return {name: response.header(name) for name in CORS_HEADERS if response.header(name)}


def preflight(client: Any, path: str, origin: str, method: str, headers: str = "") -> Any:
    request_headers = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    return client.options(path, headers=request_headers)


def todo_app(source: Any, **options: Any) -> Any:
    """Two paths with different methods, so that pre-flights can tell them apart."""
    app = source.app(**options)

    @app.get("/todos")
    def list_todos() -> list[dict[str, Any]]:
        return [{"id": 1}]

    @app.post("/todos")
    def create_todo() -> tuple[dict[str, Any], int]:
        return {"id": 2}, 201

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, Any]:
        return {"id": todo_id}

    @app.delete("/todos/<todo_id>")
    def delete_todo(todo_id: str) -> Response:
        return Response(204)

    return app


# -- CORSConfig ---------------------------------------------------------------------------------


def test_config_defaults_are_powertools_defaults() -> None:
    config = CORSConfig()

    assert config.allow_origin == "*"
    assert config.extra_origins == []
    assert config.allow_headers == list(DEFAULT_ALLOW_HEADERS)
    assert config.expose_headers == []
    assert config.max_age is None
    assert config.allow_credentials is False
    assert config.varies is False


def test_allow_headers_add_to_the_defaults_without_repeats() -> None:
    config = CORSConfig(allow_headers=["X-Request-Id", "content-type", "X-Request-Id"])

    assert config.allow_headers == [*DEFAULT_ALLOW_HEADERS, "X-Request-Id"]


@pytest.mark.parametrize(
    ("options", "origin", "expected"),
    [
        ({}, APP, "*"),
        ({}, None, None),
        ({}, "", None),
        ({"allow_origin": APP}, APP, APP),
        ({"allow_origin": APP}, STAGING, None),
        ({"allow_origin": APP}, APP.upper(), None),
        ({"allow_origin": APP}, APP + "/", None),
        ({"allow_origin": APP, "extra_origins": [STAGING]}, STAGING, STAGING),
        ({"allow_origin": APP, "extra_origins": [STAGING]}, EVIL, None),
        ({"allow_origin": "*", "extra_origins": [STAGING]}, STAGING, STAGING),
        ({"allow_origin": "*", "extra_origins": [STAGING]}, EVIL, "*"),
        ({"allow_origin": APP}, "null", None),
        ({"allow_origin": "null"}, "null", "null"),
    ],
)
def test_allowed_origin(options: dict[str, Any], origin: str | None, expected: str | None) -> None:
    assert CORSConfig(**options).allowed_origin(origin) == expected


@given(st.one_of(st.none(), st.text(max_size=40), st.sampled_from([APP, STAGING, "*", "null"])))
def test_only_listed_origins_are_ever_echoed(origin: str | None) -> None:
    specific = CORSConfig(allow_origin=APP, extra_origins=[STAGING], allow_credentials=True)
    anyone = CORSConfig()

    assert specific.allowed_origin(origin) == (origin if origin in (APP, STAGING) else None)
    assert anyone.allowed_origin(origin) == ("*" if origin else None)


@pytest.mark.parametrize(
    ("options", "varies"),
    [
        ({}, False),
        ({"allow_origin": APP}, True),
        ({"allow_origin": "*", "extra_origins": [STAGING]}, True),
    ],
)
def test_the_answer_varies_by_origin_unless_everyone_gets_star(
    options: dict[str, Any], varies: bool
) -> None:
    assert CORSConfig(**options).varies is varies


@pytest.mark.parametrize(
    "options",
    [
        {"allow_credentials": True},
        {"allow_origin": "*", "allow_credentials": True},
        {"allow_origin": APP, "extra_origins": ["*"], "allow_credentials": True},
    ],
)
def test_credentials_with_any_origin_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"allow_credentials=True cannot .* allow_origin='\*'"):
        CORSConfig(**options)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"allow_origin": "https://app.example.com/"}, ValueError, "trailing '/'"),
        ({"allow_origin": "app.example.com"}, ValueError, "not an origin"),
        ({"allow_origin": "https://app.example.com/path"}, ValueError, "not an origin"),
        ({"allow_origin": "https://app.example.com\r\nX: y"}, ValueError, "not an origin"),
        ({"allow_origin": None}, TypeError, "origin strings"),
        ({"extra_origins": [STAGING + "/"]}, ValueError, "extra_origins entry"),
        ({"extra_origins": STAGING}, TypeError, "list of origins"),
        ({"allow_headers": ["X-Ok", "Bad Header"]}, ValueError, "'Bad Header'"),
        ({"allow_headers": ["X-A\nX-B"]}, ValueError, "not a header name"),
        ({"allow_headers": "X-Request-Id"}, TypeError, "list of header names"),
        ({"expose_headers": ["X-A,X-B"]}, ValueError, "expose_headers"),
        ({"max_age": -1}, ValueError, "max_age"),
        ({"max_age": "600"}, ValueError, "max_age"),
        ({"max_age": True}, ValueError, "max_age"),
        ({"allow_origin": APP, "allow_credentials": "yes"}, TypeError, "allow_credentials"),
    ],
)
def test_bad_configuration_fails_at_construction(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        CORSConfig(**options)


def test_create_extension_takes_true_or_a_config() -> None:
    config = CORSConfig(allow_origin=APP)

    assert create_extension(config, True).config is config
    assert create_extension(True, False).config.allow_origin == "*"
    with pytest.raises(TypeError, match="cors= takes True or a CORSConfig, got 'yes'"):
        create_extension("yes", True)


def test_only_app_wide_cors_adds_options_to_every_path() -> None:
    assert create_extension(True, True).adds_methods == frozenset({"OPTIONS"})
    assert create_extension(True, False).adds_methods == frozenset()
    assert CORSExtension.order == 10


# -- actual requests ------------------------------------------------------------------------------


def test_allowed_origin_is_echoed(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    response = client.get("/todos", headers={"Origin": APP})

    assert response.status_code == 200
    assert response.json() == [{"id": 1}]
    assert cors_headers(response) == {"Access-Control-Allow-Origin": APP}
    assert response.header("Vary") == "Origin"


def test_extra_origin_is_echoed(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, extra_origins=[STAGING])
    client = source.client(todo_app(source, cors=config))

    response = client.get("/todos/7", headers={"Origin": STAGING})

    assert cors_headers(response) == {"Access-Control-Allow-Origin": STAGING}
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


def test_star_answers_star_without_vary(source: Any) -> None:
    client = source.client(todo_app(source, cors=True))

    with_origin = client.get("/todos", headers={"Origin": EVIL})
    without_origin = client.get("/todos")

    assert cors_headers(with_origin) == {"Access-Control-Allow-Origin": "*"}
    assert with_origin.header("Vary") is None
    assert cors_headers(without_origin) == {}
    assert without_origin.header("Vary") is None


def test_credentials_go_with_a_specific_origin(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, allow_credentials=True)
    client = source.client(todo_app(source, cors=config))

    response = client.get("/todos", headers={"Origin": APP})

    assert cors_headers(response) == {
        "Access-Control-Allow-Origin": APP,
        "Access-Control-Allow-Credentials": "true",
    }


def test_expose_headers_on_actual_responses(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, expose_headers=["X-Request-Id", "X-Total-Count"])
    client = source.client(todo_app(source, cors=config))

    response = client.get("/todos", headers={"Origin": APP})

    assert cors_headers(response) == {
        "Access-Control-Allow-Origin": APP,
        "Access-Control-Expose-Headers": "X-Request-Id,X-Total-Count",
    }


def test_max_age_and_allow_headers_are_for_preflights_only(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, max_age=600, allow_headers=["X-Request-Id"])
    client = source.client(todo_app(source, cors=config))

    actual = client.get("/todos", headers={"Origin": APP})
    answer = preflight(client, "/todos", APP, "POST")

    assert "Access-Control-Max-Age" not in cors_headers(actual)
    assert "Access-Control-Allow-Headers" not in cors_headers(actual)
    assert answer.header("Access-Control-Max-Age") == "600"
    assert answer.header("Access-Control-Allow-Headers") == ALLOW_HEADERS + ",X-Request-Id"


def test_head_request_gets_the_get_routes_cors_headers(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    response = client.head("/todos", headers={"Origin": APP})

    assert response.status_code == 200
    assert response.body == b""
    assert cors_headers(response) == {"Access-Control-Allow-Origin": APP}


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
    assert cors_headers(client.get("/public", headers={"Origin": APP})) == {
        "Access-Control-Allow-Origin": APP
    }


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
    assert cors_headers(refused) == {}
    assert granted.header("Access-Control-Allow-Methods") == "GET,HEAD,OPTIONS"


def test_route_cors_true_on_an_app_without_cors_covers_that_route_only(source: Any) -> None:
    app = source.app()

    @app.get("/widget", cors=True)
    def widget() -> dict[str, Any]:
        return {"widget": 1}

    @app.get("/private")
    def private() -> dict[str, Any]:
        return {"private": 1}

    client = source.client(app)

    assert cors_headers(client.get("/widget", headers={"Origin": EVIL})) == {
        "Access-Control-Allow-Origin": "*"
    }
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


# -- pre-flights ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "method", "methods"),
    [
        ("/todos", "POST", "GET,HEAD,OPTIONS,POST"),
        ("/todos/", "POST", "GET,HEAD,OPTIONS,POST"),
        ("/todos/42", "DELETE", "DELETE,GET,HEAD,OPTIONS"),
        ("/todos/42", "delete", "DELETE,GET,HEAD,OPTIONS"),
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
        assert cors_headers(response) == {}
        assert response.header("Vary") == "Origin"


def test_preflight_from_a_disallowed_origin_grants_nothing(source: Any) -> None:
    config = CORSConfig(allow_origin=APP, allow_credentials=True, max_age=60)
    client = source.client(todo_app(source, cors=config))

    response = preflight(client, "/todos", EVIL, "POST")

    assert response.status_code == 204
    assert cors_headers(response) == {}
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
    assert cors_headers(response) == {}


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
        "Access-Control-Allow-Methods": "GET,HEAD,OPTIONS,POST",
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

    assert response.header("Access-Control-Allow-Methods") == "DELETE,GET,HEAD,OPTIONS"


# -- CORS on every kind of answer -----------------------------------------------------------------


def test_routing_404_and_405_carry_cors_headers(source: Any) -> None:
    client = source.client(todo_app(source, cors=CORSConfig(allow_origin=APP)))

    not_found = client.get("/nowhere", headers={"Origin": APP})
    not_allowed = client.put("/todos", headers={"Origin": APP})

    assert not_found.status_code == 404
    assert cors_headers(not_found) == {"Access-Control-Allow-Origin": APP}
    assert not_allowed.status_code == 405
    assert not_allowed.header("Allow") == "GET, HEAD, OPTIONS, POST"
    assert cors_headers(not_allowed) == {"Access-Control-Allow-Origin": APP}
    assert not_allowed.header("Vary") == "Origin"


def test_custom_not_found_answer_carries_cors_headers(source: Any) -> None:
    app = todo_app(source, cors=CORSConfig(allow_origin=APP))

    @app.not_found
    def missing(error: NotFoundError) -> Response:
        return Response(404, "text/plain", "nothing here")

    response = source.client(app).get("/nowhere", headers={"Origin": APP})

    assert response.status_code == 404
    assert response.text == "nothing here"
    assert cors_headers(response) == {"Access-Control-Allow-Origin": APP}


def test_service_error_carries_cors_headers(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP, allow_credentials=True))

    @app.get("/me")
    def me() -> dict[str, Any]:
        raise UnauthorizedError("Sign in first")

    response = source.client(app).get("/me", headers={"Origin": APP})

    assert response.status_code == 401
    assert response.json() == {"statusCode": 401, "message": "Sign in first"}
    assert cors_headers(response) == {
        "Access-Control-Allow-Origin": APP,
        "Access-Control-Allow-Credentials": "true",
    }


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
    assert cors_headers(response) == {"Access-Control-Allow-Origin": APP}


def test_error_of_a_cors_false_route_gets_no_cors_headers(source: Any) -> None:
    app = source.app(cors=CORSConfig(allow_origin=APP))

    @app.get("/internal", cors=False)
    def internal() -> dict[str, Any]:
        raise UnauthorizedError("no")

    response = source.client(app).get("/internal", headers={"Origin": APP})

    assert response.status_code == 401
    assert cors_headers(response) == {}


# -- a browser's view -----------------------------------------------------------------------------


def cors_check(response: Any, origin: str, credentials: bool) -> bool:
    """The Fetch standard's CORS check of a response."""
    allowed = response.header("Access-Control-Allow-Origin")
    if allowed == "*" and not credentials:
        return True
    if allowed != origin:
        return False
    return not credentials or response.header("Access-Control-Allow-Credentials") == "true"


def preflight_passes(
    response: Any, origin: str, method: str, headers: list[str], credentials: bool
) -> bool:
    """The Fetch standard's checks of a pre-flight answer, for `method` with `headers`."""
    if not 200 <= response.status_code < 300 or not cors_check(response, origin, credentials):
        return False
    methods = [
        m.strip() for m in (response.header("Access-Control-Allow-Methods") or "").split(",")
    ]
    if method not in methods and method not in ("GET", "HEAD", "POST"):
        return False
    allowed = {
        h.strip().lower()
        for h in (response.header("Access-Control-Allow-Headers") or "").split(",")
    }
    return all(name.lower() in allowed for name in headers)


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
