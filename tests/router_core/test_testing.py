"""`TestClient`: requests built with the source's codec, answers decoded as the service
delivers them; `LambdaContext`, the stand-in context it passes."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fake_source import FakeCodec, FakeResolver

from router_core import Cookie, LambdaContext, Response
from router_core.testing import TestClient


def _echo_app() -> FakeResolver:
    app = FakeResolver()

    @app.route("/echo/<name>", method=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    def echo(name: str) -> dict[str, Any]:
        current = app.current_event
        return {
            "method": current.http_method,
            "name": name,
            "path": current.path,
            "query": current.multi_value_query_string_parameters,
            "headers": {k: current.headers.get_all(k) for k in sorted(current.headers)},
            "cookies": current.cookies,
            "body": current.body,
            "base64": current.is_base64_encoded,
        }

    return app


def test_query_headers_cookies_and_json_reach_the_handler() -> None:
    client = _echo_app().test_client()

    response = client.post(
        "/echo/x?tag=a&empty=",
        query={"tag": ["b", "c"], "page": "2"},
        headers=[("X-Trace", "1"), ("X-Trace", "2")],
        cookies={"session": "abc", "theme": "dark"},
        json={"a": 1},
    )

    assert response.status_code == 200
    assert response.json() == {
        "method": "POST",
        "name": "x",
        "path": "/echo/x",
        "query": {"tag": ["a", "b", "c"], "empty": [""], "page": ["2"]},
        "headers": {
            "content-type": ["application/json"],
            "cookie": ["session=abc; theme=dark"],
            "x-trace": ["1", "2"],
        },
        "cookies": {"session": "abc", "theme": "dark"},
        "body": '{"a":1}',
        "base64": False,
    }


def test_json_keeps_a_content_type_given_by_the_caller() -> None:
    client = _echo_app().test_client()

    response = client.put("/echo/x", json=[1], headers={"content-type": "application/x-json"})

    assert response.json()["headers"]["content-type"] == ["application/x-json"]
    assert response.json()["body"] == "[1]"


def test_a_path_is_percent_encoded_as_on_the_wire() -> None:
    response = _echo_app().test_client().get("/echo/a b/é")

    assert response.status_code == 404  # the path has two segments after /echo
    response = _echo_app().test_client().get("/echo/a b")
    assert response.json()["path"] == "/echo/a%20b"
    assert response.json()["name"] == "a b"


def test_bodies_as_text_and_as_bytes() -> None:
    client = _echo_app().test_client()

    text = client.patch("/echo/x", body="día").json()
    binary = client.delete("/echo/x", body=b"\xff\x00").json()
    empty = client.options("/echo/x").json()

    assert (text["body"], text["base64"]) == ("día", False)
    assert (binary["body"], binary["base64"]) == ("/wA=", True)
    assert (empty["body"], empty["base64"]) == (None, False)


def test_the_response_as_the_client_receives_it() -> None:
    app = FakeResolver()

    @app.get("/page")
    def page() -> Response:
        return Response(
            201,
            "text/html; charset=utf-8",
            "<p>héllo</p>",
            headers={"X-Multi": ["1", "2"]},
            cookies=[
                Cookie("session", "abc", http_only=True),
                Cookie("theme", "dark", secure=False),
            ],
        )

    response = app.test_client().get("/page")

    assert response.status_code == 201
    assert response.text == "<p>héllo</p>"
    assert response.body == "<p>héllo</p>".encode()
    assert response.header("content-type") == "text/html; charset=utf-8"
    assert response.header("x-multi") == "2"
    assert response.header_values("X-MULTI") == ["1", "2"]
    assert response.header("missing") is None
    assert response.cookies == {"session": "abc", "theme": "dark"}
    assert response.raw["status"] == 201
    assert response.raw["cookies"] == ["session=abc; HttpOnly; Secure", "theme=dark"]


def test_head_answers_the_headers_without_the_body() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})

    response = app.test_client().head("/a")

    assert response.status_code == 200
    assert response.body == b""
    assert response.header("Content-Type") == "application/json"


def test_a_client_with_another_codec_and_a_stage() -> None:
    stages: list[str | None] = []

    class StageCodec(FakeCodec):
        def to_event(self, request: Any, stage: str | None = None) -> dict[str, Any]:
            stages.append(stage)
            return super().to_event(request, stage)

    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})

    client = TestClient(app, stage="prod", codec=StageCodec())

    assert client.get("/a").json() == {"a": 1}
    assert stages == ["prod"]
    assert app.test_client().codec is app.codec


def test_the_lambda_context_stand_in() -> None:
    app = FakeResolver()

    @app.get("/ctx")
    def ctx() -> dict[str, Any]:
        context = app.lambda_context
        return {
            "name": context.function_name,
            "arn": context.invoked_function_arn,
            "version": context.function_version,
            "memory": context.memory_limit_in_mb,
            "group": context.log_group_name,
            "id_length": len(context.aws_request_id),
            "remaining": context.get_remaining_time_in_millis(),
        }

    answer = app.test_client().get("/ctx").json()

    assert answer["name"] == "router-app"
    assert answer["arn"] == "arn:aws:lambda:us-east-1:123456789012:function:router-app"
    assert (answer["version"], answer["memory"]) == ("$LATEST", 128)
    assert answer["group"] == "/aws/lambda/router-app"
    assert answer["id_length"] == 36
    assert 0 < answer["remaining"] <= 30_000


def test_remaining_time_counts_down_and_stops_at_zero() -> None:
    context = LambdaContext("orders", timeout_seconds=0.05)

    assert context.log_stream_name.startswith(time.strftime("%Y/%m/%d/[$LATEST]"))
    first = context.get_remaining_time_in_millis()
    assert 0 <= first <= 50
    time.sleep(0.06)
    assert context.get_remaining_time_in_millis() == 0


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options"])
def test_each_method_helper_sends_its_method(method: str) -> None:
    client = _echo_app().test_client()

    response = getattr(client, method)("/echo/m")

    assert response.json()["method"] == method.upper()
