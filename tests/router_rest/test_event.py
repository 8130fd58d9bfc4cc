"""`APIGatewayProxyEvent`: every accessor on the documented REST payload."""

from __future__ import annotations

import pytest
from rest_events import EventFactory

from router_core.exceptions import BadRequestError
from router_rest import APIGatewayProxyEvent


def test_basic_members(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event("POST", "/todos/1"))
    assert event.http_method == "POST"
    assert event.path == "/todos/1"
    assert event.resource == "/{proxy+}"
    assert event.path_parameters == {"proxy": "todos/1"}
    assert event.request_context["stage"] == "prod"
    assert event.stage_variables == {}
    assert event.raw_event["path"] == "/todos/1"
    assert event["httpMethod"] == "POST"


def test_headers_are_case_insensitive_and_multi_valued(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event(headers={"X-Trace": ["a", "b"]}))
    assert event.headers["x-trace"] == "b"
    assert event.headers.get_all("X-TRACE") == ["a", "b"]
    assert event.get_header_value("x-trace") == "b"
    # Powertools 3 ignores case_sensitive: header names are case-insensitive in HTTP.
    assert event.get_header_value("x-trace", case_sensitive=True) == "b"
    assert event.get_header_value("X-TRACE", case_sensitive=True) == "b"
    assert event.get_header_value("missing", "dflt") == "dflt"


def test_query_strings(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event(query={"tag": ["a", "b"], "q": ["x y"]}))
    assert event.query_string_parameters == {"tag": "b", "q": "x y"}
    assert event.multi_value_query_string_parameters == {"tag": ["a", "b"], "q": ["x y"]}
    assert event.get_query_string_value("q") == "x y"
    assert event.get_query_string_value("none", "d") == "d"
    assert event.get_multi_value_query_string_values("tag") == ["a", "b"]
    assert event.get_multi_value_query_string_values("none") == []


def test_no_query_string_gives_empty_dicts(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event())
    assert event.query_string_parameters == {}
    assert event.multi_value_query_string_parameters == {}


def test_cookies_from_every_cookie_header(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event(headers={"Cookie": ["a=1; b=2", "c=3"]}))
    assert event.cookies == {"a": "1", "b": "2", "c": "3"}


def test_text_body(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event("POST", body='{"title": "caf\u00e9"}'))
    assert event.body == '{"title": "caf\u00e9"}'
    assert event.decoded_body == event.body
    assert event.body_bytes == '{"title": "caf\u00e9"}'.encode()
    assert event.json_body == {"title": "caf\u00e9"}


def test_base64_body_is_decoded(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event("POST", body=b'{"n": 1}'))
    assert event.is_base64_encoded
    assert event.body == "eyJuIjogMX0="
    assert event.body_bytes == b'{"n": 1}'
    assert event.decoded_body == '{"n": 1}'
    assert event.json_body == {"n": 1}


def test_missing_body(rest_event: EventFactory) -> None:
    event = APIGatewayProxyEvent(rest_event())
    assert (event.body, event.body_bytes, event.json_body) == (None, b"", None)


def test_empty_body_has_no_json(rest_event: EventFactory) -> None:
    assert APIGatewayProxyEvent(rest_event("POST", body="")).json_body is None


@pytest.mark.parametrize(
    ("body", "base64_body", "member", "message"),
    [
        ("{not json", False, "json_body", "not valid JSON"),
        ("%%%not-base64", True, "body_bytes", "not valid base64"),
        ("YWJj!", True, "body_bytes", "not valid base64"),
        ("/w==", True, "decoded_body", "not valid UTF-8"),
        ("\ud800", False, "body_bytes", "not valid UTF-8"),
    ],
)
def test_malformed_bodies_raise_bad_request(
    rest_event: EventFactory, body: str, base64_body: bool, member: str, message: str
) -> None:
    event = APIGatewayProxyEvent(rest_event("POST", body=body, base64_body=base64_body))
    with pytest.raises(BadRequestError, match=message):
        getattr(event, member)


def test_http_api_payload_1_event_is_accepted(rest_event: EventFactory) -> None:
    raw = rest_event()
    raw["version"] = "1.0"
    event = APIGatewayProxyEvent(raw)
    assert event.version == "1.0"
    assert event.path == "/my/path"


def test_payload_2_event_is_refused_naming_the_right_resolver() -> None:
    raw = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": "/my/path",
        "rawQueryString": "",
        "headers": {},
        "requestContext": {"http": {"method": "GET", "path": "/my/path"}, "stage": "$default"},
        "isBase64Encoded": False,
    }
    with pytest.raises(ValueError, match=r"payload 2\.0.*APIGatewayHttpResolver"):
        APIGatewayProxyEvent(raw)


def test_alb_event_is_refused_naming_the_right_resolver(rest_event: EventFactory) -> None:
    raw = rest_event()
    raw["requestContext"] = {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:..."}}
    with pytest.raises(ValueError, match="ALBResolver"):
        APIGatewayProxyEvent(raw)


@pytest.mark.parametrize("raw", [None, [], "event", {}, {"httpMethod": 1, "path": "/"}])
def test_non_events_are_refused(raw: object) -> None:
    with pytest.raises(ValueError, match="APIGatewayRestResolver expects"):
        APIGatewayProxyEvent(raw)  # type: ignore[arg-type]
