"""`HttpCodec`: payload 2.0 both ways (HTTP request -> event, Lambda result -> HTTP)."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from router_core import Cookie, Response
from router_core.codec import HTTPRequest
from router_core.testing import TestClient
from router_http import APIGatewayHttpResolver, APIGatewayProxyEventV2, HttpCodec

codec = HttpCodec()


def test_the_source_and_its_limit() -> None:
    assert codec.source == "API Gateway HTTP API (Lambda 6 MB)"
    assert codec.max_response_bytes == 6 * 1024 * 1024


# -- encode -------------------------------------------------------------------------------------
def test_encode_json_is_the_plain_payload_2_0_shape() -> None:
    first = codec.encode_json(201, '{"id":1}', None)  # type: ignore[arg-type]
    second = codec.encode_json(200, "{}", None)  # type: ignore[arg-type]

    assert first == {
        "statusCode": 201,
        "headers": {"Content-Type": "application/json"},
        "cookies": [],
        "body": '{"id":1}',
        "isBase64Encoded": False,
    }
    # Each call gets its own dicts: a caller may change one without touching the next.
    assert first["headers"] is not second["headers"]
    assert first["cookies"] is not second["cookies"]


def test_encode_keeps_the_base64_flag_and_never_sends_a_null_body() -> None:
    response = Response(200, "image/png", None)
    response.is_base64_encoded = True

    result = codec.encode(response, None)  # type: ignore[arg-type]

    assert result == {
        "statusCode": 200,
        "headers": {"Content-Type": "image/png"},
        "cookies": [],
        "body": "",
        "isBase64Encoded": True,
    }


def test_encode_turns_values_into_text_and_drops_empty_lists() -> None:
    response = Response(200, None, "ok", headers={"X-Count": 3, "X-Empty": []})  # type: ignore[dict-item]

    assert codec.encode(response, None)["headers"] == {"X-Count": "3"}  # type: ignore[arg-type]


def test_a_cookie_with_cr_or_lf_is_refused() -> None:
    response = Response(200, None, "", cookies=[Cookie("a", "1\r\nX-Injected: 1")])

    with pytest.raises(ValueError, match="CR or LF"):
        codec.encode(response, None)  # type: ignore[arg-type]


# -- to_event -------------------------------------------------------------------------------------
def test_to_event_builds_a_default_stage_event() -> None:
    request = HTTPRequest(
        "post",
        "/caf%C3%A9/a%2Fb",
        headers=[
            ("Host", "api.example.com"),
            ("User-Agent", "test/1.0"),
            ("Accept", "text/html"),
            ("ACCEPT", "application/json"),
            ("Cookie", "session=abc; theme=dark"),
        ],
        query=[("tag", "a,b"), ("tag", "c"), ("q", "hello world")],
        body=b'{"title": "x"}',
        source_ip="203.0.113.9",
    )

    event = codec.to_event(request)

    assert list(event) == [
        "version",
        "routeKey",
        "rawPath",
        "rawQueryString",
        "cookies",
        "headers",
        "queryStringParameters",
        "requestContext",
        "body",
        "isBase64Encoded",
    ]
    assert event["version"] == "2.0"
    assert event["routeKey"] == "$default"
    assert event["rawPath"] == "/café/a/b"
    assert event["rawQueryString"] == "tag=a%2Cb&tag=c&q=hello+world"
    assert event["cookies"] == ["session=abc", "theme=dark"]
    headers = event["headers"]
    assert "cookie" not in headers
    assert headers["host"] == "api.example.com"
    assert headers["accept"] == "text/html,application/json"
    assert headers["user-agent"] == "test/1.0"
    assert headers["content-length"] == "14"
    assert headers["x-forwarded-for"] == "203.0.113.9"
    assert headers["x-forwarded-proto"] == "https"
    assert all(name == name.lower() for name in headers)
    assert event["queryStringParameters"] == {"tag": "a,b,c", "q": "hello world"}
    context = event["requestContext"]
    assert set(context) == {
        "accountId",
        "apiId",
        "domainName",
        "domainPrefix",
        "http",
        "requestId",
        "routeKey",
        "stage",
        "time",
        "timeEpoch",
    }
    assert context["domainName"] == "api.example.com"
    assert context["domainPrefix"] == "api"
    assert context["stage"] == "$default"
    assert context["routeKey"] == "$default"
    assert context["http"] == {
        "method": "POST",
        "path": "/café/a/b",
        "protocol": "HTTP/1.1",
        "sourceIp": "203.0.113.9",
        "userAgent": "test/1.0",
    }
    assert isinstance(context["timeEpoch"], int)
    assert context["time"].endswith(" +0000")
    assert event["body"] == '{"title": "x"}'
    assert event["isBase64Encoded"] is False


def test_to_event_with_a_named_stage_uses_the_execute_api_host() -> None:
    event = codec.to_event(HTTPRequest("GET", "/todos/1"), "prod")

    assert event["rawPath"] == "/prod/todos/1"
    assert event["requestContext"]["stage"] == "prod"
    domain = event["requestContext"]["domainName"]
    assert domain.endswith(".execute-api.us-east-1.amazonaws.com")
    assert event["headers"]["host"] == domain
    # ...so that the event reads back as the path the client meant.
    assert APIGatewayProxyEventV2(event).path == "/todos/1"


def test_to_event_without_body_cookies_or_query() -> None:
    event = codec.to_event(HTTPRequest("GET", "/"))

    assert event["rawQueryString"] == ""
    assert "body" not in event
    assert "cookies" not in event
    assert "queryStringParameters" not in event
    assert event["isBase64Encoded"] is False


def test_to_event_base64_encodes_a_body_that_is_not_utf8() -> None:
    event = codec.to_event(HTTPRequest("PUT", "/blob", body=b"\x00\xff\xfe"))

    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == b"\x00\xff\xfe"


# -- to_http --------------------------------------------------------------------------------------
def test_to_http_sends_headers_and_each_cookie_as_set_cookie() -> None:
    response = codec.to_http(
        {
            "statusCode": 201,
            "headers": {"Content-Type": "text/plain", "X-Id": "7"},
            "cookies": ["a=1; Secure", "b=2"],
            "body": "made",
            "isBase64Encoded": False,
        }
    )

    assert response.status_code == 201
    assert response.headers == [
        ("Content-Type", "text/plain"),
        ("X-Id", "7"),
        ("Set-Cookie", "a=1; Secure"),
        ("Set-Cookie", "b=2"),
    ]
    assert response.body == b"made"


def test_to_http_decodes_a_base64_body() -> None:
    body = base64.b64encode(b"\x89PNG").decode()
    response = codec.to_http({"statusCode": 200, "body": body, "isBase64Encoded": True})

    assert response.body == b"\x89PNG"


@pytest.mark.parametrize(
    ("result", "body"),
    [
        ({"message": "hello"}, b'{"message":"hello"}'),
        ([1, 2], b"[1,2]"),
        ("Hello from Lambda!", b"Hello from Lambda!"),
    ],
)
def test_a_result_without_status_code_is_a_json_200(result: Any, body: bytes) -> None:
    response = codec.to_http(result)

    assert response.status_code == 200
    assert response.headers == [("content-type", "application/json")]
    assert response.body == body


@pytest.mark.parametrize(
    "result",
    [
        {"statusCode": "200", "body": "x"},
        {"statusCode": None},
        {"statusCode": 200, "body": "***", "isBase64Encoded": True},
    ],
)
def test_a_malformed_result_is_the_services_500(result: dict[str, Any]) -> None:
    response = codec.to_http(result)

    assert response.status_code == 500
    assert response.body == b'{"message":"Internal Server Error"}'


# -- the test client, both ways -------------------------------------------------------------
@pytest.fixture
def app() -> APIGatewayHttpResolver:
    app = APIGatewayHttpResolver()

    @app.post("/todos/<list_id>")
    def add(list_id: str) -> Response:
        event = app.current_event
        return Response(
            201,
            "application/json",
            {
                "list": list_id,
                "path": event.path,
                "title": event.json_body["title"],
                "tags": event.get_multi_value_query_string_values("tag"),
                "tag": event.get_query_string_value("tag"),
                "session": event.cookies.get("session"),
                "trace": event.get_header_value("X-Trace"),
            },
            headers={"Location": f"/todos/{list_id}/1", "Vary": ["Accept", "Cookie"]},
            cookies=[Cookie("seen", "yes", http_only=True)],
        )

    return app


def test_the_test_client_round_trip(app: APIGatewayHttpResolver) -> None:
    response = app.test_client().post(
        "/todos/my%20list?tag=a,b",
        query={"tag": "c"},
        json={"title": "Buy milk"},
        headers={"X-Trace": "t-1"},
        cookies={"session": "s-9"},
    )

    assert response.status_code == 201
    assert response.json() == {
        "list": "my list",
        "path": "/todos/my list",
        "title": "Buy milk",
        "tags": ["a,b", "c"],
        "tag": "a,b,c",
        "session": "s-9",
        "trace": "t-1",
    }
    assert response.header("Location") == "/todos/my list/1"
    assert response.header("Vary") == "Accept, Cookie"
    assert response.cookies == {"seen": "yes"}
    assert response.raw["cookies"] == ["seen=yes; HttpOnly; Secure"]
    assert response.raw["isBase64Encoded"] is False


def test_the_test_client_with_a_named_stage(app: APIGatewayHttpResolver) -> None:
    response = TestClient(app, stage="prod").post("/todos/l1", json={"title": "x"})

    assert response.status_code == 201
    assert response.json()["path"] == "/todos/l1"


def test_the_test_client_sees_errors_as_the_client_would(app: APIGatewayHttpResolver) -> None:
    client = app.test_client()

    assert client.get("/todos/l1").status_code == 405
    assert client.post("/todos/l1", body="{nope").json() == {
        "statusCode": 400,
        "message": "Request body is not valid JSON",
    }
