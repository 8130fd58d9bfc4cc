"""The `router` command: `event`, `invoke` and the wiring of `serve`, through `main([...])`."""

from __future__ import annotations

import io
import json

import pytest

from router_local import __version__
from router_local.cli import main
from router_local.server import LocalApp
from router_local.targets import SOURCES

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


def test_serve_runs_the_app_as_its_source(capsys, modules, run_simple):
    name = modules.write(TODO_APP)

    status, _, err = run(
        capsys, "serve", f"{name}:app", "--app-dir", str(modules.folder), "--port", "3456"
    )

    assert status == 0
    [(args, kwargs)] = run_simple.calls
    host, port, app = args
    assert (host, port) == ("127.0.0.1", 3456)
    assert isinstance(app, LocalApp)
    assert app.target.source == "rest"
    assert kwargs["use_reloader"] is False
    assert f"serving {name}:app as API Gateway REST events" in err
    assert "http://127.0.0.1:3456" in err


def test_serve_explains_a_target_it_cannot_load_and_does_not_start(capsys, run_simple):
    status, _, err = run(capsys, "serve", "missing_module_for_serve:app")

    assert status == 2
    assert "router: error: cannot import module 'missing_module_for_serve'" in err
    assert run_simple.calls == []


def test_serve_plain_function_without_source_is_explained(capsys, modules, run_simple):
    name = modules.write("def lambda_handler(event, context):\n    return {}\n")

    status, _, err = run(
        capsys, "serve", f"{name}:lambda_handler", "--app-dir", str(modules.folder)
    )

    assert status == 2
    assert "pass --source rest|http|alb|function-url" in err
    assert run_simple.calls == []


def test_serve_reload_watches_without_importing_in_the_watching_process(
    capsys, modules, run_simple
):
    name = modules.write("raise RuntimeError('half-written code')\n")

    status, _, _ = run(capsys, "serve", f"{name}:app", "--reload", "--app-dir", str(modules.folder))

    assert status == 0
    [(_args, kwargs)] = run_simple.calls
    assert kwargs["use_reloader"] is True


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
