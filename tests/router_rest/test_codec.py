"""The REST response shape, and the codec's HTTP <-> event mapping both ways."""

from __future__ import annotations

import base64
from typing import Any

from router_core import Cookie, Response
from router_core.codec import HTTPRequest
from router_rest import APIGatewayProxyEvent, APIGatewayRestResolver, RestCodec


def test_exact_rest_shape_for_a_json_route(rest_event: Any) -> None:
    app = APIGatewayRestResolver()

    @app.get("/my/path")
    def handler() -> dict[str, int]:
        return {"route": 1}

    assert app.resolve(rest_event(), None) == {
        "statusCode": 200,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
        "body": '{"route":1}',
        "isBase64Encoded": False,
    }


def test_headers_become_lists_and_cookies_set_cookie_values(rest_event: Any) -> None:
    app = APIGatewayRestResolver()

    @app.get("/my/path")
    def handler() -> Response:
        return Response(
            200,
            "text/plain",
            "ok",
            headers={"X-One": "1", "X-Many": ["a", "b"], "Set-Cookie": "legacy=1"},
            cookies=[Cookie("a", "1"), Cookie("b", "2", secure=False)],
        )

    assert app.resolve(rest_event(), None) == {
        "statusCode": 200,
        "multiValueHeaders": {
            "X-One": ["1"],
            "X-Many": ["a", "b"],
            "Set-Cookie": ["legacy=1", "a=1; Secure", "b=2"],
            "Content-Type": ["text/plain"],
        },
        "body": "ok",
        "isBase64Encoded": False,
    }


def test_to_event_builds_a_documented_rest_event() -> None:
    request = HTTPRequest(
        "POST",
        "/todos/a%20b",
        headers=[("Host", "api.example.com"), ("X-Tag", "1"), ("X-Tag", "2")],
        query=[("q", "x y"), ("q", "z")],
        body=b'{"a":1}',
    )
    event = RestCodec().to_event(request, stage="dev")
    parsed = APIGatewayProxyEvent(event)
    assert parsed.http_method == "POST"
    assert event["path"] == "/todos/a%20b"
    assert event["requestContext"]["path"] == "/dev/todos/a%20b"
    assert event["requestContext"]["stage"] == "dev"
    assert event["headers"]["X-Tag"] == "2"
    assert event["multiValueHeaders"]["X-Tag"] == ["1", "2"]
    assert event["queryStringParameters"] == {"q": "z"}
    assert event["multiValueQueryStringParameters"] == {"q": ["x y", "z"]}
    assert (event["body"], event["isBase64Encoded"]) == ('{"a":1}', False)


def test_to_event_base64_encodes_binary_bodies() -> None:
    event = RestCodec().to_event(HTTPRequest("PUT", "/blob", body=b"\xff\x00"))
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == b"\xff\x00"


def test_to_http_merges_header_forms_and_decodes_base64() -> None:
    http = RestCodec().to_http(
        {
            "statusCode": 201,
            "headers": {"X-Single": "s", "X-Both": "ignored"},
            "multiValueHeaders": {"X-Both": ["m1", "m2"], "Set-Cookie": ["a=1", "b=2"]},
            "body": base64.b64encode(b"\x00\x01").decode(),
            "isBase64Encoded": True,
        }
    )
    assert http.status_code == 201
    assert http.headers == [
        ("X-Both", "m1"),
        ("X-Both", "m2"),
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "b=2"),
        ("X-Single", "s"),
    ]
    assert http.body == b"\x00\x01"


def test_to_http_of_a_malformed_result_is_a_502_as_api_gateway_answers() -> None:
    http = RestCodec().to_http({"body": "no status"})
    assert http.status_code == 502


def test_to_http_of_a_result_with_invalid_base64_is_a_502() -> None:
    http = RestCodec().to_http({"statusCode": 200, "body": "%%%", "isBase64Encoded": True})
    assert http.status_code == 502
