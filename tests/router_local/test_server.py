"""The local server over real HTTP on 127.0.0.1, for each of the four sources.

Each test starts a server on an ephemeral port (the `servers` fixture stops it), sends a
request with `http.client` and checks what a client of the real service would receive.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time

import pytest

from router_core import Cookie, Response
from router_local.guards import ALB_BODY_LIMIT
from router_local.server import LAMBDA_PAYLOAD_LIMIT
from router_local.targets import SOURCES, Target, codec_for, load_target, source_of

# Each source as `router serve` emulates it; ALB with multi-value headers on, so that
# repeated query keys and several cookies get through (single-value ALB is tested apart).
CASES = [
    pytest.param("rest", False, id="rest"),
    pytest.param("http", False, id="http"),
    pytest.param("alb", True, id="alb-multi-value"),
    pytest.param("function-url", False, id="function-url"),
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def resolver(source: str, **options: object):
    module = pytest.importorskip(SOURCES[source].module)
    return getattr(module, SOURCES[source].resolver)(**options)


def echo(app) -> dict[str, object]:
    event = app.current_event
    return {
        "method": event.http_method,
        "tags": event.get_multi_value_query_string_values("tag"),
        "q": event.get_query_string_value("q"),
        "cookies": event.cookies,
        "test_header": event.get_header_value("x-test"),
        "json": event.json_body,
    }


def todo_app(source: str, **options: object):
    """An app with a route for each thing the tests check."""
    app = resolver(source, **options)

    @app.get("/echo")
    def read():
        return echo(app)

    @app.route("/echo", method=["POST", "PUT", "PATCH", "DELETE"])
    def write():
        return echo(app)

    @app.get("/files/<name>")
    def file(name: str):
        return {"name": name}

    @app.post("/upload")
    def upload():
        data = app.current_event.body_bytes
        return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    @app.get("/login")
    def login():
        cookies = [Cookie("session", "abc", http_only=True), Cookie("theme", "dark")]
        headers = {"X-Tag": ["a", "b"]}
        return Response(200, "application/json", {"ok": True}, headers=headers, cookies=cookies)

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    @app.get("/stage")
    def stage():
        return {"stage": app.current_event.request_context.get("stage")}

    return app


def serve(servers, app, multi_value: bool = False, stage: str | None = None):
    source = source_of(app)
    codec = codec_for(source, multi_value) if multi_value else type(app).codec
    return servers.start(Target("app:app", app.resolve, source, codec), stage)


# -- methods, query strings, headers ---------------------------------------------------------
@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_get_passes_repeated_query_keys_and_headers(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("GET", "/echo?tag=a&tag=b&q=x%20y", [("X-Test", "yes")])

    assert reply.status == 200
    assert reply.header("Content-Type") == "application/json"
    assert reply.json() == {
        "method": "GET",
        "tags": ["a", "b"],
        "q": "x y",
        "cookies": {},
        "test_header": "yes",
        "json": None,
    }


@pytest.mark.parametrize(("source", "multi_value"), CASES)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_each_method_reaches_its_route_with_the_json_body(servers, source, multi_value, method):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request(
        method, "/echo", [("Content-Type", "application/json")], b'{"title":"milk"}'
    )

    assert reply.status == 200
    body = reply.json()
    assert body["method"] == method
    assert body["json"] == {"title": "milk"}


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_head_is_answered_by_the_get_route_without_a_body(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("HEAD", "/echo")

    assert reply.status == 200
    assert reply.body == b""


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_percent_encoded_path_parameter_is_decoded_once(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    assert client.request("GET", "/files/a%20b").json() == {"name": "a b"}
    assert client.request("GET", "/files/100%25").json() == {"name": "100%"}


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_malformed_json_body_answers_400(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("POST", "/echo", [("Content-Type", "application/json")], b"{oops")

    assert reply.status == 400
    assert reply.json() == {"statusCode": 400, "message": "Request body is not valid JSON"}


# -- cookies both ways -----------------------------------------------------------------------
@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_request_cookies_reach_the_handler(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("GET", "/echo", [("Cookie", "session=abc; theme=dark")])

    assert reply.json()["cookies"] == {"session": "abc", "theme": "dark"}


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_response_cookies_and_multi_value_headers_reach_the_client(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("GET", "/login")

    assert reply.status == 200
    assert reply.json() == {"ok": True}
    assert reply.values("Set-Cookie") == ["session=abc; HttpOnly; Secure", "theme=dark; Secure"]
    # REST and multi-value ALB send the header twice; payload 2.0 joins the values.
    assert ", ".join(reply.values("X-Tag")) == "a, b"


def test_single_value_alb_keeps_the_last_repeated_query_key_and_cookie(servers):
    client = serve(servers, todo_app("alb"))

    assert client.request("GET", "/echo?tag=a&tag=b").json()["tags"] == ["b"]
    assert client.request("GET", "/login").values("Set-Cookie") == ["theme=dark; Secure"]


# -- bodies ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_binary_request_body_reaches_the_handler_intact(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("POST", "/upload", [("Content-Type", "image/png")], PNG)

    assert reply.json() == {"size": len(PNG), "sha256": hashlib.sha256(PNG).hexdigest()}


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_binary_response_is_base64_decoded_for_the_client(servers, source, multi_value):
    pytest.importorskip("router_binary")
    app = resolver(source)

    @app.get("/logo.png")
    def logo():
        return Response(200, "image/png", PNG)

    client = serve(servers, app, multi_value)
    reply = client.request("GET", "/logo.png")

    assert reply.status == 200
    assert reply.header("Content-Type") == "image/png"
    assert reply.body == PNG


@pytest.mark.parametrize(("source", "multi_value"), CASES)
@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compressed_response_reaches_the_client_compressed(servers, source, multi_value, encoding):
    pytest.importorskip("router_compression")
    brotli = pytest.importorskip("brotli")
    app = resolver(source)
    todos = [{"id": n, "title": f"todo {n}", "done": False} for n in range(50)]

    @app.get("/todos", compress=True)
    def list_todos():
        return {"todos": todos}

    client = serve(servers, app, multi_value)
    reply = client.request("GET", "/todos", [("Accept-Encoding", encoding)])

    assert reply.status == 200
    assert reply.header("Content-Encoding") == encoding
    assert "Accept-Encoding" in (reply.header("Vary") or "")
    data = gzip.decompress(reply.body) if encoding == "gzip" else brotli.decompress(reply.body)
    assert (
        data
        == b'{"todos":['
        + b",".join(f'{{"id":{n},"title":"todo {n}","done":false}}'.encode() for n in range(50))
        + b"]}"
    )


# -- CORS ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_cors_preflight_is_answered_for_the_path(servers, source, multi_value):
    router_cors = pytest.importorskip("router_cors")
    config = router_cors.CORSConfig(allow_origin="https://app.example.com", max_age=300)
    app = resolver(source, cors=config)

    @app.get("/todos")
    def list_todos():
        return {"todos": []}

    @app.post("/todos")
    def create_todo():
        return {"id": 1}, 201

    client = serve(servers, app, multi_value)
    reply = client.request(
        "OPTIONS",
        "/todos",
        [("Origin", "https://app.example.com"), ("Access-Control-Request-Method", "POST")],
    )

    assert reply.status == 204
    assert reply.header("Access-Control-Allow-Origin") == "https://app.example.com"
    allowed = {m.strip() for m in (reply.header("Access-Control-Allow-Methods") or "").split(",")}
    assert {"GET", "POST"} <= allowed
    assert reply.header("Access-Control-Max-Age") == "300"
    assert "Origin" in (reply.header("Vary") or "")

    actual = client.request("GET", "/todos", [("Origin", "https://app.example.com")])
    assert actual.header("Access-Control-Allow-Origin") == "https://app.example.com"


# -- routing's own answers, errors -----------------------------------------------------------
@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_unknown_path_answers_404(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("GET", "/nowhere")

    assert reply.status == 404
    assert reply.json() == {"statusCode": 404, "message": "Not found"}


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_wrong_method_answers_405_with_allow(servers, source, multi_value):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("DELETE", "/login")

    assert reply.status == 405
    assert reply.header("Allow") == "GET, HEAD"
    assert reply.json() == {"statusCode": 405, "message": "Method not allowed"}


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_raising_handler_answers_502_and_prints_the_traceback(servers, source, multi_value, capsys):
    client = serve(servers, todo_app(source), multi_value)

    reply = client.request("GET", "/boom")

    assert reply.status == 502
    assert reply.header("Content-Type") == "application/json"
    assert reply.body == b'{"message": "Internal server error"}'
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "RuntimeError: kaboom" in err
    assert "GET /boom -> 502" in err


@pytest.mark.parametrize(("source", "multi_value"), CASES)
def test_one_access_log_line_per_request(servers, source, multi_value, capsys):
    client = serve(servers, todo_app(source), multi_value)
    capsys.readouterr()

    client.request("GET", "/echo?tag=a")
    client.request("DELETE", "/login")

    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("127.0.0.1 GET /echo?tag=a -> 200 (")
    assert lines[1].startswith("127.0.0.1 DELETE /login -> 405 (")
    assert "request id " in lines[0]


# -- Lambda's rules --------------------------------------------------------------------------
def test_invocations_run_one_at_a_time(servers):
    app = resolver("rest")
    state = {"running": 0, "most": 0}
    guard = threading.Lock()

    @app.get("/slow")
    def slow():
        with guard:
            state["running"] += 1
            state["most"] = max(state["most"], state["running"])
        time.sleep(0.05)
        with guard:
            state["running"] -= 1
        return {"ok": True}

    client = serve(servers, app)
    replies: list[int] = []
    threads = [
        threading.Thread(target=lambda: replies.append(client.request("GET", "/slow").status))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)

    assert replies == [200, 200, 200, 200]
    assert state["most"] == 1


def test_handler_gets_a_lambda_context(servers):
    app = resolver("rest")

    @app.get("/context")
    def context():
        ctx = app.lambda_context
        return {
            "request_id": ctx.aws_request_id,
            "remaining": ctx.get_remaining_time_in_millis(),
            "name": ctx.function_name,
        }

    client = serve(servers, app)
    reply = client.request("GET", "/context")

    body = reply.json()
    assert body["request_id"] == reply.header("x-amzn-RequestId")
    assert 0 < body["remaining"] <= 30_000
    assert body["name"] == "app"


def test_request_over_lambdas_payload_limit_answers_413(servers, capsys):
    client = serve(servers, todo_app("rest"))

    reply = client.request("POST", "/upload", [("Content-Type", "text/plain")], b"x" * (6 << 20))

    assert reply.status == 413
    assert reply.json() == {"message": "Request Too Long"}
    assert "over Lambda's 6 MB payload limit" in capsys.readouterr().err
    assert LAMBDA_PAYLOAD_LIMIT == 6 * 1024 * 1024


@pytest.mark.parametrize(("source", "stage"), [("rest", "dev"), ("http", "dev")])
def test_stage_is_put_in_the_event(servers, source, stage):
    client = serve(servers, todo_app(source), stage=stage)

    assert client.request("GET", "/stage").json() == {"stage": stage}


# -- plain functions and malformed results ---------------------------------------------------
def test_plain_lambda_handler_is_served_as_the_given_source(servers, modules):
    pytest.importorskip("router_rest")
    name = modules.write(
        "def lambda_handler(event, context):\n"
        "    return {'statusCode': 201, 'multiValueHeaders': {'X-Path': [event['path']]},\n"
        "            'body': 'made', 'isBase64Encoded': False}\n"
    )
    target = load_target(f"{name}:lambda_handler", "rest", str(modules.folder))
    client = servers.start(target)

    reply = client.request("PUT", "/things/1")

    assert reply.status == 201
    assert reply.header("X-Path") == "/things/1"
    assert reply.body == b"made"


def test_result_that_lambda_cannot_serialize_answers_502(servers, modules, capsys):
    pytest.importorskip("router_rest")
    name = modules.write("def lambda_handler(event, context):\n    return {'body': object()}\n")
    client = servers.start(load_target(f"{name}:lambda_handler", "rest", str(modules.folder)))

    reply = client.request("GET", "/")

    assert reply.status == 502
    assert "a result Lambda cannot serialize" in capsys.readouterr().err


def test_result_without_status_code_answers_502_on_rest(servers, modules):
    pytest.importorskip("router_rest")
    name = modules.write("def lambda_handler(event, context):\n    return {'body': 'hi'}\n")
    client = servers.start(load_target(f"{name}:lambda_handler", "rest", str(modules.folder)))

    reply = client.request("GET", "/")

    assert reply.status == 502
    assert reply.json() == {"message": "Internal server error"}


def test_result_without_status_code_is_a_200_json_body_on_payload_2(servers, modules):
    pytest.importorskip("router_http")
    name = modules.write("def lambda_handler(event, context):\n    return {'hello': 'world'}\n")
    client = servers.start(load_target(f"{name}:lambda_handler", "http", str(modules.folder)))

    reply = client.request("GET", "/")

    assert reply.status == 200
    assert reply.json() == {"hello": "world"}


def test_gzip_body_from_a_plain_handler_passes_through_decoded_from_base64(servers, modules):
    pytest.importorskip("router_rest")
    name = modules.write(
        "import base64, gzip\n"
        "def lambda_handler(event, context):\n"
        "    body = base64.b64encode(gzip.compress(b'hello')).decode()\n"
        "    headers = {'Content-Encoding': ['gzip'], 'Content-Type': ['text/plain']}\n"
        "    return {'statusCode': 200, 'multiValueHeaders': headers, 'body': body,\n"
        "            'isBase64Encoded': True}\n"
    )
    client = servers.start(load_target(f"{name}:lambda_handler", "rest", str(modules.folder)))

    reply = client.request("GET", "/")

    assert reply.header("Content-Encoding") == "gzip"
    assert gzip.decompress(reply.body) == b"hello"


# -- safe on a laptop: Host, body limits, what goes on the wire and to the terminal ---------
@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "[::1]:{port}"])
def test_loopback_host_names_are_served(servers, host):
    client = serve(servers, todo_app("rest"))

    reply = client.request("GET", "/files/a", host=host.format(port=client.port))

    assert reply.status == 200
    assert reply.json() == {"name": "a"}


def test_a_foreign_host_is_refused_before_the_handler_runs(servers, capsys):
    app = resolver("rest")
    calls: list[str] = []

    @app.get("/secret")
    def secret():
        calls.append("secret")
        return {"token": "abc"}

    client = serve(servers, app)
    capsys.readouterr()
    reply = client.request("GET", "/secret", host=f"attacker.example:{client.port}")

    assert reply.status == 421
    assert reply.header("Content-Type") == "application/json"
    message = reply.json()["message"]
    assert message.startswith(f"Host 'attacker.example:{client.port}' is not a name of this server")
    assert "DNS rebinding" in message
    assert calls == []
    assert capsys.readouterr().err == (
        f"127.0.0.1 GET /secret -> 421 (refused: Host 'attacker.example:{client.port}' "
        "is not served here)\n"
    )


def test_a_request_without_host_is_refused(servers):
    client = serve(servers, todo_app("rest"))

    reply = client.request("GET", "/files/a", host="")

    assert reply.status == 400
    assert reply.json() == {"message": "the request needs exactly one Host header"}


def test_the_bound_name_is_served_and_no_other(servers):
    app = todo_app("rest")
    target = Target("app:app", app.resolve, "rest", type(app).codec)
    client = servers.start(target, host="localhost")

    reply = client.request("GET", "/files/a", host=f"localhost:{client.port}")
    refused = client.request("GET", "/files/a", host=f"devbox:{client.port}")

    assert reply.status == 200
    assert refused.status == 421


def read_response(client, connection) -> tuple[bytes, bytes]:
    """The status line and the body of what the server sent before closing."""
    data = client.read_until_closed(connection)
    head, _, body = data.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0], body


@pytest.mark.parametrize(
    ("source", "limit", "answer"),
    [("rest", LAMBDA_PAYLOAD_LIMIT, b'{"message": "Request Too Long"}'),
     ("alb", ALB_BODY_LIMIT, b"<title>413 Request Entity Too Large</title>")],
)  # fmt: skip
def test_a_content_length_over_the_limit_is_answered_before_the_body_is_sent(
    servers, source, limit, answer
):
    client = serve(servers, todo_app(source))

    with client.connect() as connection:
        connection.sendall(
            b"POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            b"Content-Length: " + str(limit + 1).encode() + b"\r\n\r\n"
        )
        status, body = read_response(client, connection)  # not one byte of the body was sent

    assert status == b"HTTP/1.1 413 " + (b"Request Entity Too Large")
    assert answer in body


def test_expect_100_continue_is_not_invited_for_a_body_over_the_limit(servers):
    client = serve(servers, todo_app("alb"))

    with client.connect() as connection:
        connection.sendall(
            b"POST /upload HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
            b"Content-Length: 2000000\r\n\r\n"
        )
        data = client.read_until_closed(connection)

    assert data.startswith(b"HTTP/1.1 413 Request Entity Too Large\r\n")
    assert b"100 Continue" not in data


def test_expect_100_continue_is_answered_once_for_an_accepted_body(servers):
    client = serve(servers, todo_app("rest"))

    with client.connect() as connection:
        connection.sendall(
            b"POST /upload HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
            b"Content-Type: text/plain\r\nContent-Length: 5\r\n\r\n"
        )
        assert connection.recv(25) == b"HTTP/1.1 100 Continue\r\n\r\n"
        connection.sendall(b"hello")
        data = client.read_until_closed(connection)

    assert data.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"100 Continue" not in data
    assert data.endswith(
        b'"size":5,"sha256":"' + hashlib.sha256(b"hello").hexdigest().encode() + b'"}'
    )


def chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def test_a_streamed_body_is_refused_as_soon_as_it_passes_the_limit(servers, capsys):
    client = serve(servers, todo_app("alb"))

    with client.connect() as connection:
        connection.sendall(
            b"POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        for _ in range(17):  # 17 x 64 KiB: just past ALB's 1 MB, and the body never ends
            connection.sendall(chunk(b"x" * 65536))
        status, body = read_response(client, connection)

    assert status == b"HTTP/1.1 413 Request Entity Too Large"
    assert b"<title>413 Request Entity Too Large</title>" in body
    assert (
        "the request body is over 1048576 bytes: the service answers 413" in capsys.readouterr().err
    )


def test_a_streamed_body_within_the_limit_reaches_the_handler(servers):
    client = serve(servers, todo_app("alb"))
    data = b"y" * ALB_BODY_LIMIT

    with client.connect() as connection:
        connection.sendall(
            b"POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
            + b"".join(chunk(data[i : i + 65536]) for i in range(0, len(data), 65536))
            + b"0\r\n\r\n"
        )
        status, body = read_response(client, connection)

    assert status == b"HTTP/1.1 200 OK"
    assert json.loads(body) == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


PLAIN_HANDLER = (
    "def lambda_handler(event, context):\n"
    "    return {{'statusCode': 200, 'multiValueHeaders': {{{name!r}: [{value!r}]}},\n"
    "            'body': 'hello', 'isBase64Encoded': False}}\n"
)


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("X-Next", "/a\r\nSet-Cookie: session=stolen", "header 'X-Next' has a control character"),
        ("X-Next", "/a\nLocation: /evil", "header 'X-Next' has a control character"),
        ("X-Bad\r\nSet-Cookie", "x", "is not a token"),
    ],
)
def test_a_plain_handlers_header_with_cr_or_lf_never_reaches_the_wire(
    servers, modules, capsys, name, value, problem
):
    pytest.importorskip("router_rest")
    module = modules.write(PLAIN_HANDLER.format(name=name, value=value))
    client = servers.start(load_target(f"{module}:lambda_handler", "rest", str(modules.folder)))

    reply = client.request("GET", "/")

    assert reply.status == 502
    assert reply.json() == {"message": "Internal server error"}
    assert reply.values("Set-Cookie") == []
    assert reply.values("Location") == []
    assert problem in capsys.readouterr().err


def test_a_plain_handlers_header_with_a_tab_is_served(servers, modules):
    pytest.importorskip("router_rest")
    module = modules.write(PLAIN_HANDLER.format(name="X-Tab", value="a\tb"))
    client = servers.start(load_target(f"{module}:lambda_handler", "rest", str(modules.folder)))

    reply = client.request("GET", "/")

    assert reply.status == 200
    assert reply.header("X-Tab") == "a\tb"


def test_terminal_escapes_in_a_request_are_logged_escaped(servers, capsys):
    client = serve(servers, todo_app("rest"))
    capsys.readouterr()

    with client.connect() as connection:
        connection.sendall(
            b"G\x1b[2JET /files/\x1b[31mred?q=\x1b]0;owned\x07 HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        client.read_until_closed(connection)
    with client.connect() as connection:
        connection.sendall(b"GET /files/a HTTP/1.1\r\nHost: \x1b[31mevil\r\n\r\n")
        client.read_until_closed(connection)

    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "127.0.0.1 G\\x1b[2JET /files/%1B%5B31mred?q=\\x1b]0;owned\\x07 -> 405 (" in err
    assert "refused: Host '\\x1b[31mevil' is not served here" in err


def test_a_raising_handlers_traceback_is_logged_escaped(servers, capsys):
    app = resolver("rest")

    @app.get("/boom")
    def boom():
        raise RuntimeError("bad \x1b[2J input")

    client = serve(servers, app)
    reply = client.request("GET", "/boom")

    assert reply.body == b'{"message": "Internal server error"}'
    err = capsys.readouterr().err
    assert "RuntimeError: bad \\x1b[2J input" in err
    assert "\x1b" not in err


def test_tracebacks_are_served_only_in_debug_mode(servers):
    app = resolver("rest", debug=True)

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    client = serve(servers, app)
    reply = client.request("GET", "/boom")

    assert reply.status == 500
    assert b"Traceback (most recent call last)" in reply.body
    assert b"RuntimeError: kaboom" in reply.body
