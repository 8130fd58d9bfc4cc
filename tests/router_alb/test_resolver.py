"""`ALBResolver`: routing ALB events and answering in the shape the load balancer expects."""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from router_alb import ALBResolver
from router_core import Cookie, Response

EVENTS = Path(__file__).resolve().parents[3] / "shared" / "events"


def make_app() -> ALBResolver:
    app = ALBResolver()

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, str]:
        return {"id": todo_id}

    @app.post("/todos")
    def create_todo() -> tuple[dict[str, object], int]:
        return {"created": app.current_event.json_body}, 201

    @app.get("/search")
    def search() -> dict[str, object]:
        event = app.current_event
        return {
            "q": event.get_query_string_value("q"),
            "tags": event.get_multi_value_query_string_values("tag"),
        }

    @app.get("/login")
    def login() -> Response:
        cookies = [Cookie("session", "abc", http_only=True), Cookie("theme", "dark")]
        return Response(200, "text/plain", "welcome", cookies=cookies)

    @app.get("/whoami")
    def whoami() -> dict[str, object]:
        return {"cookies": app.current_event.cookies, "arn": app.current_event.target_group_arn}

    return app


def body(result: dict[str, object]) -> object:
    assert isinstance(result["body"], str)
    return json.loads(result["body"])


def test_fast_path_single_value(single_event):
    result = make_app().resolve(single_event(path="/todos/7"), None)

    assert result == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": '{"id":"7"}',
        "isBase64Encoded": False,
    }


def test_fast_path_multi_value(multi_event):
    result = make_app().resolve(multi_event(path="/todos/7"), None)

    assert result == {
        "statusCode": 200,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
        "body": '{"id":"7"}',
        "isBase64Encoded": False,
    }


@pytest.mark.parametrize(
    ("path", "todo_id"),
    [("/todos/a%20b", "a b"), ("/todos/%2520", "%20"), ("/todos/a%2Fb", "a/b"), ("/todos/7/", "7")],
)
def test_path_parameters_are_decoded_once(single_event, path, todo_id):
    result = make_app().resolve(single_event(path=path), None)

    assert body(result) == {"id": todo_id}


def test_query_strings_are_decoded_in_single_value_mode(single_event):
    # `?q=a+b%2Bc&tag=x&tag=y` without multi-value headers: ALB keeps the last `tag`.
    event = single_event(path="/search", query={"q": "a+b%2Bc", "tag": "y"})

    assert body(make_app().resolve(event, None)) == {"q": "a b+c", "tags": ["y"]}


def test_query_strings_are_decoded_in_multi_value_mode(multi_event):
    event = multi_event(path="/search", query={"q": ["a+b%2Bc"], "tag": ["x", "y"]})

    assert body(make_app().resolve(event, None)) == {"q": "a b+c", "tags": ["x", "y"]}


def test_request_cookies(single_event, multi_event):
    app = make_app()
    single = single_event(path="/whoami", headers={"cookie": "session=abc; theme=dark"})
    multi = multi_event(path="/whoami", headers={"cookie": ["session=abc", "theme=dark"]})

    for event in (single, multi):
        assert body(app.resolve(event, None)) == {
            "cookies": {"session": "abc", "theme": "dark"},
            "arn": event["requestContext"]["elb"]["targetGroupArn"],
        }


def test_json_body_from_base64(single_event):
    encoded = base64.b64encode(b'{"title":"milk"}').decode()
    result = make_app().resolve(single_event("POST", "/todos", body=encoded, base64=True), None)

    assert result["statusCode"] == 201
    assert body(result) == {"created": {"title": "milk"}}


@pytest.mark.parametrize(
    ("sent", "is_base64"),
    [("{not json", False), ("not base64!", True), (base64.b64encode(b"\xff{").decode(), True)],
)
def test_malformed_bodies_answer_400(single_event, sent, is_base64):
    result = make_app().resolve(single_event("POST", "/todos", body=sent, base64=is_base64), None)

    assert result["statusCode"] == 400
    assert body(result)["statusCode"] == 400


def test_cookies_in_multi_value_mode(multi_event):
    result = make_app().resolve(multi_event(path="/login"), None)

    assert result["multiValueHeaders"] == {
        "Content-Type": ["text/plain"],
        "Set-Cookie": ["session=abc; HttpOnly; Secure", "theme=dark; Secure"],
    }


def test_cookies_in_single_value_mode_keep_the_last_and_warn(single_event, caplog):
    with caplog.at_level(logging.WARNING, logger="router"):
        result = make_app().resolve(single_event(path="/login"), None)

    assert result["headers"] == {"Content-Type": "text/plain", "Set-Cookie": "theme=dark; Secure"}
    assert "lambda.multi_value_headers.enabled" in caplog.text


def test_head_is_answered_by_get_without_a_body(single_event, multi_event):
    app = make_app()
    single = app.resolve(single_event("HEAD", "/todos/7"), None)
    multi = app.resolve(multi_event("HEAD", "/todos/7"), None)

    assert single == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": "",
        "isBase64Encoded": False,
    }
    assert multi["multiValueHeaders"] == {"Content-Type": ["application/json"]}
    assert multi["body"] == ""


def test_unknown_path_answers_404(single_event):
    result = make_app().resolve(single_event(path="/nowhere"), None)

    assert result == {
        "statusCode": 404,
        "headers": {"Content-Type": "application/json"},
        "body": '{"statusCode":404,"message":"Not found"}',
        "isBase64Encoded": False,
    }


def test_wrong_method_answers_405_with_allow(single_event, multi_event):
    app = make_app()
    single = app.resolve(single_event("DELETE", "/todos/7"), None)
    multi = app.resolve(multi_event("DELETE", "/todos/7"), None)

    assert single["statusCode"] == 405
    assert single["headers"]["Allow"] == "GET, HEAD"
    assert multi["multiValueHeaders"]["Allow"] == ["GET, HEAD"]


def test_no_status_description_as_in_powertools(single_event):
    app = ALBResolver()

    @app.get("/teapot")
    def teapot() -> tuple[str, int]:
        return "short and stout", 418

    result = app.resolve(single_event(path="/teapot"), None)

    assert result["statusCode"] == 418
    assert "statusDescription" not in result


def test_header_with_cr_lf_answers_500_and_logs(single_event, caplog):
    app = ALBResolver()

    @app.get("/redirect")
    def redirect() -> Response:
        return Response(302, None, "", headers={"Location": "/x\r\nSet-Cookie: evil=1"})

    with caplog.at_level(logging.ERROR, logger="router"):
        result = app.resolve(single_event(path="/redirect"), None)

    assert result["statusCode"] == 500
    assert "Set-Cookie" not in result["headers"]
    assert "CR or LF" in caplog.text


@pytest.mark.parametrize("make_event", ["single_event", "multi_event"])
def test_responses_over_one_mb_answer_500_naming_the_limit(request, make_event, caplog):
    app = ALBResolver()

    @app.get("/big")
    def big() -> dict[str, str]:
        return {"data": "x" * (1024 * 1024)}

    @app.get("/fits")
    def fits() -> Response:
        return Response(200, "text/plain", "x" * 1_040_000)

    event_factory = request.getfixturevalue(make_event)
    with caplog.at_level(logging.ERROR, logger="router"):
        too_big = app.resolve(event_factory(path="/big"), None)
    fitting = app.resolve(event_factory(path="/fits"), None)

    assert too_big["statusCode"] == 500
    assert body(too_big) == {"statusCode": 500, "message": "Internal Server Error"}
    assert "1048576" in caplog.text
    assert "ALB" in caplog.text
    assert fitting["statusCode"] == 200
    assert len(orjson.dumps(fitting)) <= 1_048_576


def test_test_client_round_trip_single_value():
    client = make_app().test_client()

    found = client.get("/todos/a%2520b")
    searched = client.get("/search?q=a+b%2Bc&tag=x&tag=y")
    created = client.post("/todos", json={"title": "milk"})
    login = client.get("/login")
    whoami = client.get("/whoami", cookies={"session": "abc"})

    assert found.status_code == 200
    assert found.json() == {"id": "a%20b"}
    assert found.header("content-type") == "application/json"
    assert searched.json() == {"q": "a b+c", "tags": ["y"]}
    assert created.status_code == 201
    assert created.json() == {"created": {"title": "milk"}}
    assert login.cookies == {"theme": "dark"}
    assert whoami.json()["cookies"] == {"session": "abc"}
    assert "headers" in found.raw


def test_test_client_round_trip_multi_value():
    client = make_app().test_client(multi_value=True)

    searched = client.get("/search?q=a+b%2Bc&tag=x&tag=y")
    login = client.get("/login")
    missing = client.get("/nowhere")

    assert searched.json() == {"q": "a b+c", "tags": ["x", "y"]}
    assert "multiValueHeaders" in searched.raw
    assert login.header_values("set-cookie") == [
        "session=abc; HttpOnly; Secure",
        "theme=dark; Secure",
    ]
    assert login.cookies == {"session": "abc", "theme": "dark"}
    assert missing.status_code == 404


def test_events_of_other_sources_are_refused_by_resolve():
    app = make_app()
    payload_v2 = {"version": "2.0", "rawPath": "/", "requestContext": {"http": {"method": "GET"}}}

    with pytest.raises(ValueError, match="APIGatewayHttpResolver"):
        app.resolve(payload_v2, None)


# -- sample events from AWS's and Powertools' test suites, when that folder is present ---------
def _samples() -> list[Path]:
    patterns = ["aws-lambda-go/alb-*request*.json", "powertools/alb*.json", "sam/ALBRequest.json"]
    return sorted(p for pattern in patterns for p in EVENTS.glob(pattern))


def _catch_all_app() -> ALBResolver:
    app = ALBResolver()

    @app.route("/.+", method=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def echo() -> dict[str, object]:
        event = app.current_event
        return {"path": event.path, "query": event.query_string_parameters, "mv": event.multi_value}

    @app.get("/")
    def root() -> dict[str, object]:
        return {"root": True, "query": app.current_event.query_string_parameters}

    return app


@pytest.mark.skipif(not EVENTS.is_dir(), reason="sample events folder not present")
@pytest.mark.parametrize("sample", _samples(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_events_answer_in_alb_shape(sample):
    try:
        event = json.loads(sample.read_text())
    except json.JSONDecodeError:
        pytest.skip(f"{sample.name} is not JSON")

    result = _catch_all_app().resolve(event, None)

    multi = isinstance(event.get("multiValueHeaders"), dict)
    assert set(result) == {
        "statusCode",
        "multiValueHeaders" if multi else "headers",
        "body",
        "isBase64Encoded",
    }
    assert isinstance(result["body"], str)
    if event["httpMethod"] in {"GET", "POST"}:
        assert result["statusCode"] == 200
        if multi:
            sent = {k: v[-1] for k, v in event.get("multiValueQueryStringParameters", {}).items()}
        else:
            sent = event.get("queryStringParameters", {})
        assert body(result)["query"] == sent  # these samples hold nothing percent-encoded
    else:  # SAM's template holds a `{{{method}}}` placeholder
        assert result["statusCode"] == 405


# -- property: whatever an event holds, the answer is ALB-shaped or the documented ValueError ---
def _probe_app() -> ALBResolver:
    app = ALBResolver()

    @app.route("/probe/<name>", method=["GET", "POST"])
    def probe(name: str) -> dict[str, object]:
        event = app.current_event
        return {
            "name": name,
            "agent": event.get_header_value("user-agent"),
            "accept": event.headers.get_all("accept"),
            "query": event.query_string_parameters,
            "multi": event.multi_value_query_string_parameters,
            "cookies": event.cookies,
            "json": event.json_body,
        }

    return app


PROBE = _probe_app()
JUNK = st.one_of(
    st.none(),
    st.integers(),
    st.booleans(),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(["%", "%zz", "%ff", "a+b%2B", "{", "=;=", "\r\n"]),
)
KEYS = [
    "requestContext",
    "httpMethod",
    "path",
    "headers",
    "multiValueHeaders",
    "queryStringParameters",
    "multiValueQueryStringParameters",
    "body",
    "isBase64Encoded",
]


@st.composite
def mutated_events(draw):
    multi = draw(st.booleans())
    event: dict[str, object] = {
        "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:x"}},
        "httpMethod": draw(st.sampled_from(["GET", "POST", "get", "PUT"])),
        "path": "/probe/" + draw(st.sampled_from(["x", "a%20b", "%2520", "%", "%zz"])),
    }
    query = {"q": draw(st.sampled_from(["a+b%2Bc", "%", "%E2%82", "x"])), "tag": "y"}
    cookie = draw(st.sampled_from(["a=1; b=2", "=;=", "a", ""]) | st.text(max_size=8))
    headers = {"user-agent": "curl", "accept": "*/*", "cookie": cookie}
    if multi:
        event["multiValueQueryStringParameters"] = {k: [v] for k, v in query.items()}
        event["multiValueHeaders"] = {k: [v] for k, v in headers.items()}
    else:
        event["queryStringParameters"] = query
        event["headers"] = headers
    event["body"] = draw(st.sampled_from(['{"a": 1}', "", "{", "eyJhIjogMX0=", "@@"]))
    event["isBase64Encoded"] = draw(st.booleans())
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=3, unique=True)):
        if draw(st.booleans()):
            event.pop(key, None)
        else:
            event[key] = draw(JUNK)
    return event


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(mutated_events())
def test_mutated_events_answer_alb_shape_or_value_error(event):
    try:
        result = PROBE.resolve(event, None)
    except ValueError as error:
        assert "ALBResolver expects" in str(error)
        return
    multi = isinstance(event.get("multiValueHeaders"), dict)
    assert set(result) == {
        "statusCode",
        "multiValueHeaders" if multi else "headers",
        "body",
        "isBase64Encoded",
    }
    assert result["statusCode"] in {200, 400, 404, 405}
    assert isinstance(result["body"], str)
    assert result["isBase64Encoded"] is False
    if result["statusCode"] == 400:
        assert body(result)["statusCode"] == 400
