"""`LambdaFunctionUrlResolver`: routing Function URL events, answering in payload 2.0's shape."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from router_core import Cookie, Response
from router_function_url import LambdaFunctionUrlResolver
from router_http import APIGatewayHttpResolver


@pytest.fixture
def app() -> LambdaFunctionUrlResolver:
    app = LambdaFunctionUrlResolver()

    @app.get("/files/<name>")
    def get_file(name: str) -> dict[str, Any]:
        return {"name": name}

    @app.get("/docs/<rest:path>")
    def get_doc(rest: str) -> dict[str, Any]:
        return {"rest": rest}

    @app.get("/café")
    def cafe() -> dict[str, Any]:
        return {"menu": True}

    @app.post("/orders")
    def order() -> Response:
        return Response(
            201,
            "application/json",
            {"order": app.current_event.json_body},
            headers={"Location": "/orders/1", "Vary": ["Accept", "Origin"], "set-cookie": "o=1"},
            cookies=[Cookie("last", "1", http_only=True)],
        )

    return app


def _json(result: dict[str, Any]) -> Any:
    return json.loads(result["body"])


@pytest.mark.parametrize(
    ("raw_path", "name"),
    [
        ("/files/a%2Fb", "a/b"),
        ("/files/a%2520", "a%20"),
        ("/files/100%25", "100%"),
        ("/files/caf%C3%A9", "café"),
        ("/files/plain", "plain"),
    ],
)
def test_a_parameter_is_decoded_exactly_once(
    app: LambdaFunctionUrlResolver, url_event: Any, raw_path: str, name: str
) -> None:
    assert _json(app.resolve(url_event("GET", raw_path), None)) == {"name": name}


def test_an_encoded_static_path_matches_its_decoded_route(
    app: LambdaFunctionUrlResolver, url_event: Any
) -> None:
    assert _json(app.resolve(url_event("GET", "/caf%C3%A9"), None)) == {"menu": True}


def test_a_path_parameter_spans_segments(app: LambdaFunctionUrlResolver, url_event: Any) -> None:
    assert _json(app.resolve(url_event("GET", "/docs/a/b%20c"), None)) == {"rest": "a/b c"}


def test_the_response_shape(app: LambdaFunctionUrlResolver, url_event: Any) -> None:
    result = app.resolve(url_event("POST", "/orders", body='{"qty": 1}'), None)

    assert result == {
        "statusCode": 201,
        "headers": {
            "Location": "/orders/1",
            "Vary": "Accept, Origin",
            "Content-Type": "application/json",
        },
        "cookies": ["o=1", "last=1; HttpOnly; Secure"],
        "body": '{"order":{"qty":1}}',
        "isBase64Encoded": False,
    }


def test_the_fast_path_shape(app: LambdaFunctionUrlResolver, url_event: Any) -> None:
    assert app.resolve(url_event("GET", "/files/x"), None) == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": '{"name":"x"}',
        "isBase64Encoded": False,
    }


def test_404_and_405(app: LambdaFunctionUrlResolver, url_event: Any) -> None:
    missing = app.resolve(url_event("GET", "/nothing"), None)
    wrong = app.resolve(url_event("DELETE", "/orders"), None)

    assert (missing["statusCode"], missing["body"]) == (
        404,
        '{"statusCode":404,"message":"Not found"}',
    )
    assert wrong["statusCode"] == 405
    assert wrong["headers"]["Allow"] == "POST"


def test_malformed_json_answers_400(app: LambdaFunctionUrlResolver, url_event: Any) -> None:
    result = app.resolve(url_event("POST", "/orders", body="{"), None)

    assert result["statusCode"] == 400
    assert _json(result) == {"statusCode": 400, "message": "Request body is not valid JSON"}


def test_a_header_with_cr_lf_is_a_logged_500(
    url_event: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = LambdaFunctionUrlResolver()

    @app.get("/")
    def index() -> Response:
        return Response(200, "text/plain", "x", headers={"X-Bad": "1\r\n2"})

    with caplog.at_level(logging.ERROR, logger="router"):
        assert app.resolve(url_event("GET", "/"), None)["statusCode"] == 500
    assert "CR or LF" in caplog.text


def test_an_http_api_event_is_accepted(http_api_event: dict[str, Any]) -> None:
    app = LambdaFunctionUrlResolver()

    @app.get("/prod/files/<name>")
    def staged(name: str) -> dict[str, str]:
        return {"name": name}

    assert _json(app.resolve(http_api_event, None)) == {"name": "report.pdf"}


def test_the_http_api_resolver_accepts_a_function_url_event(url_event: Any) -> None:
    app = APIGatewayHttpResolver()

    @app.get("/files/<name>")
    def get_file(name: str) -> dict[str, str]:
        return {"name": name}

    assert _json(app.resolve(url_event("GET", "/files/report.pdf"), None)) == {"name": "report.pdf"}


def test_a_payload_1_0_event_is_refused(
    app: LambdaFunctionUrlResolver, payload_1_event: dict[str, Any]
) -> None:
    with pytest.raises(ValueError) as raised:
        app.resolve(payload_1_event, None)

    assert str(raised.value) == (
        "LambdaFunctionUrlResolver expects a payload 2.0 event (HTTP API or Lambda Function "
        "URL), but got an API Gateway payload 1.0 event (REST API, or HTTP API with version "
        "1.0): use APIGatewayRestResolver (router-rest)"
    )


def test_an_alb_event_is_refused(app: LambdaFunctionUrlResolver, alb_event: dict[str, Any]) -> None:
    with pytest.raises(ValueError) as raised:
        app.resolve(alb_event, None)

    assert str(raised.value) == (
        "LambdaFunctionUrlResolver expects a payload 2.0 event (HTTP API or Lambda Function "
        "URL), but got an Application Load Balancer event: use ALBResolver (router-alb)"
    )


def test_the_current_event_is_a_function_url_event(url_event: Any) -> None:
    app = LambdaFunctionUrlResolver()

    @app.get("/who")
    def who() -> dict[str, Any]:
        return {"type": type(app.current_event).__name__, "iam": app.current_event.authorizer}

    body = _json(app.resolve(url_event("GET", "/who", iam=True), None))
    assert body["type"] == "LambdaFunctionUrlEvent"
    assert body["iam"]["iam"]["accountId"] == "123456789012"
