"""The `router` command: `event`, `invoke` and the wiring of `serve`, through `main([...])`."""

from __future__ import annotations

import io
import json
import os
import shlex
import socket
import subprocess
import sys

import pytest

from router_local import __version__
from router_local.cli import main
from router_local.server import GuardedApp, LocalApp
from router_local.targets import SOURCES
from router_local.wire import Server

TODO_APP = """
from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()


@app.get("/todos")
def list_todos():
    limit = int(app.current_event.get_query_string_value("limit", "10"))
    return {"todos": [{"id": n} for n in range(1, limit + 1)]}


@app.get("/boom")
def boom():
    raise RuntimeError("kaboom")


def lambda_handler(event, context):
    return app.resolve(event, context)
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- router event ----------------------------------------------------------------------------
def test_event_prints_a_rest_event(capsys):
    status, out, _ = run(
        capsys,
        "event", "rest", "GET", "/todos/a%20b?limit=2",
        "--query", "tag=x", "--query", "tag=y",
        "--header", "Accept: application/json",
        "--stage", "dev",
    )  # fmt: skip

    assert status == 0
    event = json.loads(out)
    assert event["httpMethod"] == "GET"
    assert event["path"] == "/todos/a%20b"
    assert event["queryStringParameters"] == {"limit": "2", "tag": "y"}
    assert event["multiValueQueryStringParameters"] == {"limit": ["2"], "tag": ["x", "y"]}
    assert event["headers"]["Accept"] == "application/json"
    assert event["requestContext"]["stage"] == "dev"
    assert event["body"] is None
    assert event["isBase64Encoded"] is False


def test_event_prints_a_payload_2_event_for_http(capsys):
    pytest.importorskip("router_http")
    status, out, _ = run(
        capsys, "event", "http", "post", "/todos", "--header", "Cookie: a=1; b=2",
        "--body", '{"title":"milk"}',
    )  # fmt: skip

    assert status == 0
    event = json.loads(out)
    assert event["version"] == "2.0"
    assert event["rawPath"] == "/todos"
    assert event["requestContext"]["http"]["method"] == "POST"
    assert event["cookies"] == ["a=1", "b=2"]
    assert event["body"] == '{"title":"milk"}'
    assert event["headers"]["content-length"] == "16"


def test_event_prints_an_alb_event_in_either_mode(capsys):
    pytest.importorskip("router_alb")
    _, single, _ = run(capsys, "event", "alb", "GET", "/todos?q=a b")
    _, multi, _ = run(capsys, "event", "alb", "GET", "/todos?q=a b", "--multi-value")

    assert json.loads(single)["queryStringParameters"] == {"q": "a+b"}
    assert "elb" in json.loads(single)["requestContext"]
    assert json.loads(multi)["multiValueQueryStringParameters"] == {"q": ["a+b"]}


def test_event_prints_a_function_url_event(capsys):
    pytest.importorskip("router_function_url")
    _, out, _ = run(capsys, "event", "function-url", "GET", "/")

    event = json.loads(out)
    assert event["version"] == "2.0"
    assert event["requestContext"]["domainName"].endswith(".lambda-url.us-east-1.on.aws")


@pytest.mark.parametrize("source", list(SOURCES))
def test_each_sources_event_is_routed_by_its_resolver(capsys, source):
    module = pytest.importorskip(SOURCES[source].module)
    app = getattr(module, SOURCES[source].resolver)()

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str):
        return {"id": todo_id, "q": app.current_event.get_query_string_value("q")}

    _, out, _ = run(capsys, "event", source, "GET", "/todos/7", "--query", "q=milk")
    result = app.resolve(json.loads(out), None)

    assert result["statusCode"] == 200
    assert json.loads(result["body"]) == {"id": "7", "q": "milk"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--header", "Accept"], "--header 'Accept' is not in the form Accept:application/json"),
        (["--query", "limit"], "--query 'limit' is not in the form limit=10"),
    ],
)
def test_event_refuses_malformed_options(capsys, argv, message):
    status, out, err = run(capsys, "event", "rest", "GET", "/todos", *argv)

    assert status == 2
    assert out == ""
    assert err == f"router: error: {message}\n"


def test_event_refuses_a_path_without_a_leading_slash(capsys):
    status, _, err = run(capsys, "event", "rest", "GET", "todos")

    assert status == 2
    assert "PATH 'todos' must start with '/'" in err


def test_event_refuses_an_unknown_source(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["event", "sqs", "GET", "/"])

    assert raised.value.code == 2
    assert "invalid choice: 'sqs'" in capsys.readouterr().err


# -- router invoke ---------------------------------------------------------------------------
def test_invoke_prints_the_response(capsys, modules, tmp_path):
    name = modules.write(TODO_APP)
    _, event, _ = run(capsys, "event", "rest", "GET", "/todos", "--query", "limit=2")
    (tmp_path / "event.json").write_text(event)

    status, out, _ = run(
        capsys, "invoke", f"{name}:lambda_handler", "--event", str(tmp_path / "event.json"),
        "--app-dir", str(modules.folder),
    )  # fmt: skip

    assert status == 0
    assert json.loads(out) == {
        "statusCode": 200,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
        "body": '{"todos":[{"id":1},{"id":2}]}',
        "isBase64Encoded": False,
    }


def test_invoke_reads_the_event_from_stdin(capsys, modules, monkeypatch):
    name = modules.write(TODO_APP)
    _, event, _ = run(capsys, "event", "rest", "GET", "/nowhere")
    monkeypatch.setattr("sys.stdin", io.StringIO(event))

    status, out, _ = run(
        capsys, "invoke", f"{name}:app", "--event", "-", "--app-dir", str(modules.folder)
    )

    assert status == 0
    assert json.loads(out)["statusCode"] == 404


def test_invoke_reports_a_raising_handler_as_lambda_does(capsys, modules, tmp_path):
    name = modules.write(TODO_APP)
    _, event, _ = run(capsys, "event", "rest", "GET", "/boom")
    (tmp_path / "event.json").write_text(event)

    status, out, err = run(
        capsys, "invoke", f"{name}:app", "--event", str(tmp_path / "event.json"),
        "--app-dir", str(modules.folder),
    )  # fmt: skip

    assert status == 1
    error = json.loads(out)
    assert error["errorType"] == "RuntimeError"
    assert error["errorMessage"] == "kaboom"
    assert any("raise RuntimeError" in line for line in error["stackTrace"])
    assert "Traceback (most recent call last)" in err


def test_invoke_explains_an_unreadable_or_malformed_event(capsys, modules, tmp_path):
    name = modules.write(TODO_APP)
    (tmp_path / "bad.json").write_text("{not json")
    folder = str(modules.folder)

    status, _, err = run(
        capsys, "invoke", f"{name}:app", "--event", str(tmp_path / "no.json"), "--app-dir", folder
    )
    assert status == 2
    assert "router: error: cannot read the event file" in err

    status, _, err = run(
        capsys, "invoke", f"{name}:app", "--event", str(tmp_path / "bad.json"), "--app-dir", folder
    )
    assert status == 2
    assert "router: error: the event in " in err
    assert "is not valid JSON" in err


def test_invoke_in_debug_mode_keeps_stdout_one_json_document(capsys, modules, tmp_path):
    name = modules.write(
        "print('importing the app')\n"
        + TODO_APP.replace("APIGatewayRestResolver()", "APIGatewayRestResolver(debug=True)")
        + "\n@app.get('/chatty')\ndef chatty():\n    print('from the handler')\n"
        "    return {'ok': True}\n"
    )
    _, event, _ = run(capsys, "event", "rest", "GET", "/chatty")
    (tmp_path / "event.json").write_text(event)

    status, out, err = run(
        capsys, "invoke", f"{name}:app", "--event", str(tmp_path / "event.json"),
        "--app-dir", str(modules.folder),
    )  # fmt: skip

    assert status == 0
    result = json.loads(out)  # the whole of stdout is the response
    assert result["statusCode"] == 200
    assert json.loads(result["body"]) == {"ok": True}
    # Debug mode prints the event; the app's own prints go with it, to stderr.
    assert "importing the app" in err
    assert "from the handler" in err
    assert '"path": "/chatty"' in err


def _router(*argv: str, stdout: int = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "router_local", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
    )


# More output than a pipe holds (64 KiB), so that the writer notices the reader leaving.
BIG_BODY = "x" * 100_000


def test_output_into_head_ends_quietly():
    command = (
        f"{shlex.quote(sys.executable)} -m router_local event rest POST /todos "
        f"--body {BIG_BODY} | head -1"
    )

    done = subprocess.run(
        ["sh", "-c", command], capture_output=True, timeout=60, env=_env_without_pipefail()
    )

    assert done.stdout == b"{\n"
    assert done.stderr == b""


def _env_without_pipefail() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "SHELLOPTS"}


@pytest.mark.parametrize("command", ["event", "invoke"])
def test_a_closed_output_is_no_traceback(modules, tmp_path, command):
    name = modules.write(TODO_APP + "\n@app.post('/big')\ndef big():\n    return 'x' * 100_000\n")
    (tmp_path / "event.json").write_text(_router("event", "rest", "POST", "/big").stdout.decode())
    argv = {
        "event": ["event", "rest", "POST", "/todos", "--body", BIG_BODY],
        "invoke": [
            "invoke", f"{name}:app", "--event", str(tmp_path / "event.json"),
            "--app-dir", str(modules.folder),
        ],
    }[command]  # fmt: skip
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        done = _router(*argv, stdout=write_end)
    finally:
        os.close(write_end)

    assert done.stderr == b""
    assert done.returncode == 1


# -- router serve (the server itself is tested over HTTP in test_server.py) -----------------
class FakeRunSimple:
    def __init__(self) -> None:
        self.calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def __call__(self, *args: object, **kwargs: object) -> None:
        self.calls.append((args, kwargs))


@pytest.fixture
def run_simple(monkeypatch):
    fake = FakeRunSimple()
    monkeypatch.setattr("werkzeug.serving.run_simple", fake)
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    return fake


@pytest.fixture
def served(monkeypatch):
    """Servers `router serve` bound; their serve_forever returns at once."""
    bound: list[Server] = []
    monkeypatch.setattr(Server, "serve_forever", lambda self, *a, **k: bound.append(self))
    yield bound
    for server in bound:
        server.server_close()


def test_serve_binds_then_announces_the_app_as_its_source(capsys, modules, served):
    name = modules.write(TODO_APP)

    status, out, err = run(
        capsys, "serve", f"{name}:app", "--app-dir", str(modules.folder), "--port", "0"
    )

    assert status == 0
    [server] = served
    assert server.server_address[0] == "127.0.0.1"
    assert isinstance(server.app, GuardedApp)
    assert isinstance(server.app.app, LocalApp)
    assert server.app.app.target.source == "rest"
    assert out == ""
    assert err == (
        f"router: serving {name}:app as API Gateway REST events (default stage) "
        f"on http://127.0.0.1:{server.server_port}\n"
    )


@pytest.fixture
def busy_port():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


@pytest.mark.parametrize("reload", [False, True], ids=["serve", "reload"])
def test_serve_on_a_port_in_use_says_so_in_one_line(
    capsys, modules, served, run_simple, busy_port, reload
):
    name = modules.write(TODO_APP)
    options = ["--reload"] if reload else []

    status, out, err = run(
        capsys, "serve", f"{name}:app", "--app-dir", str(modules.folder),
        "--port", str(busy_port), *options,
    )  # fmt: skip

    assert status == 1
    assert out == ""
    assert err == (
        f"router: error: cannot serve on 127.0.0.1:{busy_port}: the port is in use by another "
        "program (stop it, or pass another --port)\n"
    )
    assert served == []
    assert run_simple.calls == []


def test_serve_on_an_unknown_host_name_says_so_in_one_line(capsys, modules, served):
    name = modules.write(TODO_APP)

    status, _, err = run(
        capsys, "serve", f"{name}:app", "--app-dir", str(modules.folder),
        "--host", "no-such-host.invalid", "--port", "0",
    )  # fmt: skip

    assert status == 1
    assert err.startswith("router: error: cannot serve on no-such-host.invalid:0: ")
    assert err.count("\n") == 1
    assert "serving" not in err


def test_serve_explains_a_target_it_cannot_load_and_does_not_start(capsys, served):
    status, _, err = run(capsys, "serve", "missing_module_for_serve:app", "--port", "0")

    assert status == 2
    assert "router: error: cannot import module 'missing_module_for_serve'" in err
    assert served == []


def test_serve_plain_function_without_source_is_explained(capsys, modules, served):
    name = modules.write("def lambda_handler(event, context):\n    return {}\n")

    status, _, err = run(
        capsys, "serve", f"{name}:lambda_handler", "--app-dir", str(modules.folder), "--port", "0"
    )

    assert status == 2
    assert "pass --source rest|http|alb|function-url" in err
    assert served == []


@pytest.mark.parametrize(
    ("options", "service"),
    [(["--source", "alb"], "Application Load Balancer"),
     (["--source", "function-url"], "Lambda Function URL"),
     ([], "Application Load Balancer")],
    ids=["alb", "function-url", "alb-resolver"],
)  # fmt: skip
def test_serve_refuses_a_stage_for_a_source_without_stages(
    capsys, modules, served, options, service
):
    pytest.importorskip("router_alb")
    pytest.importorskip("router_function_url")
    name = modules.write(
        "from router_alb import ALBResolver\n"
        "app = ALBResolver()\n"
        "def lambda_handler(event, context):\n    return app.resolve(event, context)\n"
    )

    status, out, err = run(
        capsys, "serve", f"{name}:lambda_handler", "--app-dir", str(modules.folder),
        "--stage", "dev", "--port", "0", *options,
    )  # fmt: skip

    assert status == 2
    assert out == ""
    assert err == (
        f"router: error: --stage is an API Gateway setting: {service} events have no stage; "
        "drop --stage\n"
    )
    assert served == []


def test_event_refuses_a_stage_for_alb(capsys):
    status, out, err = run(capsys, "event", "alb", "GET", "/todos", "--stage", "dev")

    assert status == 2
    assert out == ""
    assert "--stage is an API Gateway setting: Application Load Balancer events" in err


def test_serve_reload_watches_without_importing_in_the_watching_process(
    capsys, modules, run_simple
):
    name = modules.write("raise RuntimeError('half-written code')\n")

    status, _, err = run(
        capsys, "serve", f"{name}:app", "--reload", "--app-dir", str(modules.folder),
        "--port", "0",
    )  # fmt: skip

    assert status == 0
    [(_args, kwargs)] = run_simple.calls
    assert kwargs["use_reloader"] is True
    assert "half-written code" not in err


def test_serve_reload_keeps_serving_an_explanation_while_the_code_is_broken(
    capsys, modules, run_simple, monkeypatch
):
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")  # the restarted, serving process
    name = modules.write("raise RuntimeError('half-written code')\n")

    status, _, err = run(
        capsys, "serve", f"{name}:app", "--reload", "--app-dir", str(modules.folder)
    )

    assert status == 0
    [(args, _kwargs)] = run_simple.calls
    replies: list[str] = []
    body = b"".join(args[2]({}, lambda status, headers: replies.append(status)))
    assert replies == ["500 Internal Server Error"]
    assert b"router: cannot load the app: half-written code" in body
    assert "RuntimeError: half-written code" in err


def test_version(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["--version"])

    assert raised.value.code == 0
    assert capsys.readouterr().out == f"router-local {__version__}\n"
