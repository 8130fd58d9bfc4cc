"""`APIGatewayHttpResolver`: routing payload 2.0 events and answering in payload 2.0's shape."""

from __future__ import annotations

import base64
import logging
from typing import Any

import orjson
import pytest

from router_core import Cookie, Response
from router_core.exceptions import NotFoundError
from router_http import APIGatewayHttpResolver


@pytest.fixture
def app() -> APIGatewayHttpResolver:
    app = APIGatewayHttpResolver()

    @app.get("/todos")
    def list_todos() -> dict[str, Any]:
        return {"todos": [], "page": app.current_event.get_query_string_value("page", "1")}

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, Any]:
        return {"id": todo_id}

    @app.post("/todos")
    def create_todo() -> tuple[dict[str, Any], int]:
        return {"created": app.current_event.json_body}, 201

    @app.get("/files/<name>")
    def get_file(name: str) -> dict[str, Any]:
        return {"name": name}

    @app.get("/prod/reports")
    def prod_reports() -> dict[str, Any]:
        return {"reports": "under a custom domain"}

    return app


def _json(result: dict[str, Any]) -> Any:
    return orjson.loads(result["body"])


# -- routing ------------------------------------------------------------------------------------
def test_a_static_route_answers_in_the_payload_2_0_shape(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    result = app.resolve(http_event("GET", "/todos", query_string_parameters={"page": "3"}), None)

    assert result == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": '{"todos":[],"page":"3"}',
        "isBase64Encoded": False,
    }


def test_a_dynamic_parameter_is_passed_by_name(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    assert _json(app.resolve(http_event("GET", "/todos/42"), None)) == {"id": "42"}


def test_a_percent_sign_in_the_decoded_path_stays_literal(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    # The client asked for /files/a%252Fb and /files/100%25; HTTP API decoded them once.
    assert _json(app.resolve(http_event("GET", "/files/a%2Fb"), None)) == {"name": "a%2Fb"}
    assert _json(app.resolve(http_event("GET", "/files/100%"), None)) == {"name": "100%"}
    assert _json(app.resolve(http_event("GET", "/files/caf%C3%A9"), None)) == {"name": "caf%C3%A9"}


def test_a_decoded_slash_is_a_segment_boundary(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    assert app.resolve(http_event("GET", "/files/a/b"), None)["statusCode"] == 404


def test_a_trailing_slash_reaches_the_same_route(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    assert _json(app.resolve(http_event("GET", "/todos/7/"), None)) == {"id": "7"}


def test_the_named_stage_is_stripped_before_routing(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    result = app.resolve(http_event("GET", "/prod/todos/9", stage="prod"), None)

    assert _json(result) == {"id": "9"}


def test_under_a_custom_domain_the_stage_name_is_part_of_the_path(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    event = http_event("GET", "/prod/reports", stage="prod", domain_name="api.example.com")

    assert _json(app.resolve(event, None)) == {"reports": "under a custom domain"}


def test_strip_prefixes_apply_after_the_stage(http_event: Any) -> None:
    app = APIGatewayHttpResolver(strip_prefixes=["/payments"])

    @app.get("/refunds")
    def refunds() -> dict[str, str]:
        return {"ok": "yes"}

    result = app.resolve(http_event("GET", "/live/payments/refunds", stage="live"), None)
    assert _json(result) == {"ok": "yes"}


def test_the_json_body_is_read(app: APIGatewayHttpResolver, http_event: Any) -> None:
    result = app.resolve(http_event("POST", "/todos", body='{"title": "Buy milk"}'), None)

    assert result["statusCode"] == 201
    assert _json(result) == {"created": {"title": "Buy milk"}}


def test_a_base64_json_body_is_read(app: APIGatewayHttpResolver, http_event: Any) -> None:
    body = base64.b64encode(b'{"title": "Walk"}').decode()
    event = http_event("POST", "/todos", body=body, is_base64_encoded=True)

    assert _json(app.resolve(event, None)) == {"created": {"title": "Walk"}}


def test_head_is_answered_by_get_without_a_body(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    result = app.resolve(http_event("HEAD", "/todos/1"), None)

    assert result["statusCode"] == 200
    assert result["body"] == ""
    assert result["headers"] == {"Content-Type": "application/json"}


def test_the_resolver_is_callable_as_the_handler(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    lambda_handler = app

    assert lambda_handler(http_event("GET", "/todos/1"), None)["statusCode"] == 200


# -- response shape -----------------------------------------------------------------------------
def test_headers_are_joined_and_cookies_listed(http_event: Any) -> None:
    app = APIGatewayHttpResolver()

    @app.get("/login")
    def login() -> Response:
        return Response(
            200,
            "text/plain",
            "welcome",
            headers={"Cache-Control": ["no-store", "private"], "X-Version": "3"},
            cookies=[Cookie("session", "abc", http_only=True), Cookie("theme", "dark")],
        )

    assert app.resolve(http_event("GET", "/login"), None) == {
        "statusCode": 200,
        "headers": {
            "Cache-Control": "no-store, private",
            "X-Version": "3",
            "Content-Type": "text/plain",
        },
        "cookies": ["session=abc; HttpOnly; Secure", "theme=dark; Secure"],
        "body": "welcome",
        "isBase64Encoded": False,
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Set-Cookie", "a=1"),
        ("set-cookie", "a=1"),
        ("SET-COOKIE", ["a=1", "b=2"]),
    ],
)
def test_a_set_cookie_header_moves_into_cookies(
    http_event: Any, name: str, value: str | list[str]
) -> None:
    app = APIGatewayHttpResolver()

    @app.get("/")
    def index() -> Response:
        return Response(204, None, None, headers={name: value}, cookies=[Cookie("c", "3")])

    result = app.resolve(http_event("GET", "/"), None)
    values = value if isinstance(value, list) else [value]
    assert result == {
        "statusCode": 204,
        "headers": {},
        "cookies": [*values, "c=3; Secure"],
        "body": "",
        "isBase64Encoded": False,
    }


@pytest.mark.parametrize(
    "headers",
    [{"X-Bad": "a\r\nInjected: yes"}, {"X-Bad": ["ok", "a\nb"]}, {"Set-Cookie": "a=1\r\nx"}],
)
def test_cr_or_lf_in_a_header_is_refused_with_a_logged_500(
    http_event: Any, headers: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    app = APIGatewayHttpResolver()

    @app.get("/")
    def index() -> Response:
        return Response(200, "text/plain", "x", headers=headers)

    with caplog.at_level(logging.ERROR, logger="router"):
        result = app.resolve(http_event("GET", "/"), None)

    assert result == {
        "statusCode": 500,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": '{"statusCode":500,"message":"Internal Server Error"}',
        "isBase64Encoded": False,
    }
    assert "CR or LF" in caplog.text


def test_a_response_over_six_megabytes_is_a_logged_500(
    http_event: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = APIGatewayHttpResolver()

    @app.get("/big")
    def big() -> Response:
        return Response(200, "text/plain", "x" * (6 * 1024 * 1024))

    with caplog.at_level(logging.ERROR, logger="router"):
        result = app.resolve(http_event("GET", "/big"), None)

    assert result["statusCode"] == 500
    assert "API Gateway HTTP API (Lambda 6 MB)" in caplog.text


# -- errors ---------------------------------------------------------------------------------------
def test_an_unknown_path_answers_404(app: APIGatewayHttpResolver, http_event: Any) -> None:
    assert app.resolve(http_event("GET", "/nowhere"), None) == {
        "statusCode": 404,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": '{"statusCode":404,"message":"Not found"}',
        "isBase64Encoded": False,
    }


def test_a_known_path_with_another_method_answers_405(
    app: APIGatewayHttpResolver, http_event: Any
) -> None:
    assert app.resolve(http_event("DELETE", "/todos"), None) == {
        "statusCode": 405,
        "headers": {"Content-Type": "application/json", "Allow": "GET, HEAD, POST"},
        "cookies": [],
        "body": '{"statusCode":405,"message":"Method not allowed"}',
        "isBase64Encoded": False,
    }


def test_not_found_handler(http_event: Any) -> None:
    app = APIGatewayHttpResolver()

    @app.not_found
    def missing(error: NotFoundError) -> Response:
        return Response(404, "text/plain", f"no {app.current_event.path}")

    result = app.resolve(http_event("GET", "/prod/x", stage="prod"), None)
    assert (result["statusCode"], result["body"]) == (404, "no /x")


def test_malformed_json_answers_400(app: APIGatewayHttpResolver, http_event: Any) -> None:
    result = app.resolve(http_event("POST", "/todos", body='{"title": "unfinished'), None)

    assert result == {
        "statusCode": 400,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": '{"statusCode":400,"message":"Request body is not valid JSON"}',
        "isBase64Encoded": False,
    }


def test_invalid_base64_answers_400(app: APIGatewayHttpResolver, http_event: Any) -> None:
    event = http_event("POST", "/todos", body="%%%not-base64", is_base64_encoded=True)

    result = app.resolve(event, None)
    assert result["statusCode"] == 400
    assert _json(result) == {"statusCode": 400, "message": "Request body is not valid base64"}


def test_a_payload_1_0_event_is_refused_naming_the_rest_resolver(
    app: APIGatewayHttpResolver, payload_1_event: dict[str, Any]
) -> None:
    with pytest.raises(ValueError) as raised:
        app.resolve(payload_1_event, None)

    assert str(raised.value) == (
        "APIGatewayHttpResolver expects a payload 2.0 event (HTTP API or Lambda Function URL), "
        "but got an API Gateway payload 1.0 event (REST API, or HTTP API with version 1.0): "
        "use APIGatewayRestResolver (router-rest)"
    )


def test_an_alb_event_is_refused_naming_the_alb_resolver(
    app: APIGatewayHttpResolver, alb_event: dict[str, Any]
) -> None:
    with pytest.raises(ValueError) as raised:
        app.resolve(alb_event, None)

    assert str(raised.value) == (
        "APIGatewayHttpResolver expects a payload 2.0 event (HTTP API or Lambda Function URL), "
        "but got an Application Load Balancer event: use ALBResolver (router-alb)"
    )


def test_the_current_event_is_the_payload_2_0_event(http_event: Any) -> None:
    app = APIGatewayHttpResolver()
    seen: list[Any] = []

    @app.get("/me")
    def me() -> dict[str, Any]:
        seen.append(app.current_event)
        return {"cookies": app.current_event.cookies}

    result = app.resolve(http_event("GET", "/me", cookies=["session=s1"]), None)

    assert _json(result) == {"cookies": {"session": "s1"}}
    assert type(seen[0]).__name__ == "APIGatewayProxyEventV2"
