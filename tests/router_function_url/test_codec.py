"""`FunctionUrlCodec`: Function URL events built from HTTP requests, and results back to HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from router_core import Cookie, Response
from router_core.codec import HTTPRequest
from router_core.testing import TestClient
from router_function_url import FunctionUrlCodec, LambdaFunctionUrlResolver
from router_http import HttpCodec

codec = FunctionUrlCodec()


def test_it_reuses_the_http_api_codec() -> None:
    assert isinstance(codec, HttpCodec)
    assert codec.source == "Lambda Function URL (Lambda 6 MB)"
    assert codec.max_response_bytes == 6 * 1024 * 1024


def test_to_event_has_the_documented_function_url_shape() -> None:
    request = HTTPRequest(
        "POST",
        "/files/a%2Fb",
        headers=[("User-Agent", "agent/1"), ("Cookie", "session=abc"), ("X-A", "1"), ("x-a", "2")],
        query=[("p", "v1"), ("p", "v2")],
        body=b"Hello from client!",
        source_ip="203.0.113.5",
    )

    event = codec.to_event(request, "ignored-stage")

    assert event["version"] == "2.0"
    assert event["routeKey"] == "$default"
    # Function URLs hand the path over as the client sent it, percent-encoded.
    assert event["rawPath"] == "/files/a%2Fb"
    assert event["rawQueryString"] == "p=v1&p=v2"
    assert event["cookies"] == ["session=abc"]
    assert event["queryStringParameters"] == {"p": "v1,v2"}
    assert event["headers"]["x-a"] == "1,2"
    assert "cookie" not in event["headers"]
    assert event["pathParameters"] is None
    assert event["stageVariables"] is None
    assert event["body"] == "Hello from client!"
    assert event["isBase64Encoded"] is False
    context = event["requestContext"]
    domain = context["domainName"]
    url_id, rest = domain.split(".", 1)
    assert rest == "lambda-url.us-east-1.on.aws"
    assert len(url_id) == 32
    assert context["apiId"] == url_id
    assert context["domainPrefix"] == url_id
    assert event["headers"]["host"] == domain
    assert context["stage"] == "$default"
    assert context["routeKey"] == "$default"
    assert context["authentication"] is None
    assert "authorizer" not in context
    assert context["http"] == {
        "method": "POST",
        "path": "/files/a%2Fb",
        "protocol": "HTTP/1.1",
        "sourceIp": "203.0.113.5",
        "userAgent": "agent/1",
    }


def test_to_http_follows_the_payload_2_0_rules() -> None:
    assert codec.to_http({"ok": True}).body == b'{"ok":true}'
    response = codec.to_http(
        {"statusCode": 302, "headers": {"Location": "/x"}, "cookies": ["a=1"], "body": ""}
    )
    assert response.status_code == 302
    assert response.headers == [("Location", "/x"), ("Set-Cookie", "a=1")]


@pytest.fixture
def app() -> LambdaFunctionUrlResolver:
    app = LambdaFunctionUrlResolver()

    @app.put("/files/<name>")
    def put_file(name: str) -> Response:
        event = app.current_event
        return Response(
            200,
            "application/json",
            {
                "name": name,
                "size": len(event.body_bytes),
                "tags": event.get_multi_value_query_string_values("tag"),
                "user": event.cookies.get("user"),
            },
            cookies=[Cookie("uploaded", name.replace("/", "_"))],
        )

    return app


def test_the_test_client_round_trip(app: LambdaFunctionUrlResolver) -> None:
    response = app.test_client().put(
        "/files/a%2Fb",
        query={"tag": ["x,y", "z"]},
        body=b"\x00\xff\x10",
        cookies={"user": "ann"},
    )

    assert response.status_code == 200
    assert response.json() == {"name": "a/b", "size": 3, "tags": ["x,y", "z"], "user": "ann"}
    assert response.cookies == {"uploaded": "a_b"}
    assert response.raw["cookies"] == ["uploaded=a_b; Secure"]


def test_a_stage_given_to_the_test_client_changes_nothing(app: LambdaFunctionUrlResolver) -> None:
    response = TestClient(app, stage="prod").put("/files/n", body="x")

    assert response.json()["name"] == "n"


def test_the_test_client_sees_routing_errors(app: LambdaFunctionUrlResolver) -> None:
    client = app.test_client()

    assert client.get("/files/n").status_code == 405
    assert client.get("/nope").json() == {"statusCode": 404, "message": "Not found"}


def test_encode_json(app: LambdaFunctionUrlResolver) -> None:
    result: dict[str, Any] = codec.encode_json(200, "{}", None)  # type: ignore[arg-type]

    assert result == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": "{}",
        "isBase64Encoded": False,
    }
