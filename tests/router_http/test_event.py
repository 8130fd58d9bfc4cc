"""`APIGatewayProxyEventV2`: what a handler reads from an HTTP API payload 2.0 event."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from router_core.exceptions import BadRequestError
from router_http import APIGatewayProxyEventV2


# -- path and stage ----------------------------------------------------------------------------
def test_named_stage_is_stripped_on_the_execute_api_host(http_event: Any) -> None:
    event = APIGatewayProxyEventV2(http_event("GET", "/prod/todos/1", stage="prod"))

    assert event.path == "/todos/1"
    assert event.raw_path == "/prod/todos/1"
    assert event.stage == "prod"


def test_the_stage_alone_becomes_the_root(http_event: Any) -> None:
    assert APIGatewayProxyEventV2(http_event("GET", "/prod", stage="prod")).path == "/"
    assert APIGatewayProxyEventV2(http_event("GET", "/prod/", stage="prod")).path == "/"


def test_the_stage_is_stripped_only_as_a_whole_segment(http_event: Any) -> None:
    event = APIGatewayProxyEventV2(http_event("GET", "/production/items", stage="prod"))

    assert event.path == "/production/items"


def test_a_path_without_the_stage_prefix_is_kept(http_event: Any) -> None:
    event = APIGatewayProxyEventV2(http_event("GET", "/todos/prod", stage="prod"))

    assert event.path == "/todos/prod"


def test_the_stage_is_never_stripped_under_a_custom_domain(http_event: Any) -> None:
    raw = http_event("GET", "/prod/todos/1", stage="prod", domain_name="api.example.com")

    assert APIGatewayProxyEventV2(raw).path == "/prod/todos/1"


def test_a_china_region_execute_api_host_is_the_default_host(http_event: Any) -> None:
    domain = "r3pmxmplak.execute-api.cn-north-1.amazonaws.com.cn"
    raw = http_event("GET", "/beta/orders", stage="beta", domain_name=domain)

    assert APIGatewayProxyEventV2(raw).path == "/orders"


def test_the_default_stage_leaves_the_path_alone(http_event: Any) -> None:
    event = APIGatewayProxyEventV2(http_event("GET", "/todos/1"))

    assert event.path == "/todos/1"
    assert event.stage == "$default"


def test_the_path_is_never_decoded_again(http_event: Any) -> None:
    # HTTP API has already decoded `rawPath`: a `%` left in it is a literal percent sign.
    event = APIGatewayProxyEventV2(http_event("GET", "/files/100%25 off"))

    assert event.path == "/files/100%25 off"
    assert APIGatewayProxyEventV2.PATH_ENCODED is False


def test_the_method_comes_from_the_request_context(http_event: Any) -> None:
    assert APIGatewayProxyEventV2(http_event("patch", "/")).http_method == "PATCH"


# -- headers, query strings, cookies -----------------------------------------------------------
def test_headers_are_looked_up_without_regard_to_case(http_event: Any) -> None:
    raw = http_event("GET", "/", headers={"x-request-id": "r-1", "accept-language": "en,fr"})
    event = APIGatewayProxyEventV2(raw)

    assert event.headers["X-Request-Id"] == "r-1"
    assert event.get_header_value("X-REQUEST-ID") == "r-1"
    # Powertools 3 ignores case_sensitive: header names are case-insensitive in HTTP.
    assert event.get_header_value("X-Request-Id", case_sensitive=True) == "r-1"
    assert event.get_header_value("x-missing", "none") == "none"
    # Repeated headers arrive comma-joined by API Gateway and stay that way.
    assert event.headers.get_all("accept-language") == ["en,fr"]


def test_query_string_parameters_are_as_api_gateway_sends_them(http_event: Any) -> None:
    raw = http_event(
        "GET",
        "/search",
        raw_query_string="tag=a%2Cb&tag=c,d&q=hello+world&empty=&flag",
        query_string_parameters={
            "tag": "a,b,c,d",
            "q": "hello world",
            "empty": "",
            "flag": "",
        },
    )
    event = APIGatewayProxyEventV2(raw)

    assert event.query_string_parameters["tag"] == "a,b,c,d"
    assert event.get_query_string_value("q") == "hello world"
    assert event.get_query_string_value("missing", "d") == "d"


def test_multi_value_query_strings_come_from_the_raw_query_string(http_event: Any) -> None:
    raw = http_event(
        "GET",
        "/search",
        raw_query_string="tag=a%2Cb&tag=c,d&q=hello+world&sum=1%2B1&empty=&flag&&caf%C3%A9=1",
        query_string_parameters={"tag": "a,b,c,d"},
    )
    event = APIGatewayProxyEventV2(raw)

    assert event.multi_value_query_string_parameters == {
        "tag": ["a,b", "c,d"],
        "q": ["hello world"],
        "sum": ["1+1"],
        "empty": [""],
        "flag": [""],
        "café": ["1"],
    }
    assert event.get_multi_value_query_string_values("tag") == ["a,b", "c,d"]
    assert event.get_multi_value_query_string_values("none") == []


def test_without_raw_query_string_the_single_values_are_used(http_event: Any) -> None:
    raw = http_event("GET", "/", query_string_parameters={"page": "2"})
    del raw["rawQueryString"]

    assert APIGatewayProxyEventV2(raw).multi_value_query_string_parameters == {"page": ["2"]}


def test_cookies_come_from_the_cookies_list(http_event: Any) -> None:
    raw = http_event("GET", "/", cookies=["session=abc123", "theme=dark", 'quoted="x y"'])
    event = APIGatewayProxyEventV2(raw)

    assert event.cookies == {"session": "abc123", "theme": "dark", "quoted": "x y"}


def test_without_cookies_the_cookie_header_is_read(http_event: Any) -> None:
    raw = http_event("GET", "/", headers={"cookie": "session=abc123; theme=light"})

    assert APIGatewayProxyEventV2(raw).cookies == {"session": "abc123", "theme": "light"}


def test_an_event_without_cookies_has_none(http_event: Any) -> None:
    assert APIGatewayProxyEventV2(http_event("GET", "/")).cookies == {}


# -- body ----------------------------------------------------------------------------------------
def test_a_text_body_is_read_as_sent(http_event: Any) -> None:
    event = APIGatewayProxyEventV2(http_event("POST", "/todos", body='{"title": "Buy milk"}'))

    assert event.body == '{"title": "Buy milk"}'
    assert event.decoded_body == '{"title": "Buy milk"}'
    assert event.body_bytes == b'{"title": "Buy milk"}'
    assert event.json_body == {"title": "Buy milk"}


def test_a_base64_body_is_decoded(http_event: Any) -> None:
    encoded = base64.b64encode('{"title": "Café"}'.encode()).decode()
    event = APIGatewayProxyEventV2(
        http_event("POST", "/todos", body=encoded, is_base64_encoded=True)
    )

    assert event.body == encoded
    assert event.is_base64_encoded is True
    assert event.body_bytes == '{"title": "Café"}'.encode()
    assert event.decoded_body == '{"title": "Café"}'
    assert event.json_body == {"title": "Café"}


def test_a_binary_body_stays_bytes(http_event: Any) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\xff"
    raw = http_event("PUT", "/avatar", body=base64.b64encode(png).decode(), is_base64_encoded=True)
    event = APIGatewayProxyEventV2(raw)

    assert event.body_bytes == png
    with pytest.raises(BadRequestError, match="UTF-8"):
        _ = event.decoded_body


def test_no_body_reads_as_none(http_event: Any) -> None:
    event = APIGatewayProxyEventV2(http_event("GET", "/"))

    assert event.body is None
    assert event.body_bytes == b""
    assert event.json_body is None


def test_invalid_base64_is_a_bad_request(http_event: Any) -> None:
    raw = http_event("POST", "/", body="not base64!", is_base64_encoded=True)

    with pytest.raises(BadRequestError, match="base64"):
        _ = APIGatewayProxyEventV2(raw).body_bytes


def test_malformed_json_is_a_bad_request(http_event: Any) -> None:
    raw = http_event("POST", "/", body='{"title": ')

    with pytest.raises(BadRequestError, match="JSON"):
        _ = APIGatewayProxyEventV2(raw).json_body


# -- payload 2.0 extras --------------------------------------------------------------------------
def test_payload_2_0_members(http_event: Any) -> None:
    raw = http_event("GET", "/prod/todos", stage="prod", raw_query_string="page=2")
    raw["routeKey"] = "GET /todos"
    raw["pathParameters"] = {"proxy": "todos"}
    raw["stageVariables"] = {"table": "todos-prod"}
    raw["requestContext"]["authorizer"] = {"jwt": {"claims": {"sub": "u-1"}, "scopes": None}}
    event = APIGatewayProxyEventV2(raw)

    assert event.version == "2.0"
    assert event.route_key == "GET /todos"
    assert event.raw_query_string == "page=2"
    assert event.path_parameters == {"proxy": "todos"}
    assert event.stage_variables == {"table": "todos-prod"}
    assert event.request_context["requestId"] == "JKJaXmPLvHcESHA="
    assert event.authorizer == {"jwt": {"claims": {"sub": "u-1"}, "scopes": None}}
    assert event.domain_name == "r3pmxmplak.execute-api.eu-west-1.amazonaws.com"
    assert event.source_ip == "198.51.100.7"
    assert event.raw_event is raw
    assert event["routeKey"] == "GET /todos"
    assert repr(event) == "APIGatewayProxyEventV2(GET /todos)"


# -- malformed parts are ignored ------------------------------------------------------------------
def test_malformed_parts_are_ignored(http_event: Any) -> None:
    raw = http_event("GET", "/")
    raw["headers"] = {"x-ok": "yes", "x-number": 5, "x-list": ["a"], 7: "seven"}
    raw["queryStringParameters"] = ["not", "a", "dict"]
    raw["rawQueryString"] = 12
    raw["cookies"] = ["ok=1", 42, None, "no-equals-sign", {"a": "b"}]
    raw["pathParameters"] = {"id": 1, "name": "x"}
    raw["stageVariables"] = "junk"
    raw["body"] = {"not": "a string"}
    raw["version"] = 2
    raw["routeKey"] = None
    raw["requestContext"]["stage"] = 3
    raw["requestContext"]["domainName"] = None
    raw["requestContext"]["authorizer"] = "junk"
    event = APIGatewayProxyEventV2(raw)

    assert dict(event.headers) == {"x-ok": "yes"}
    assert event.query_string_parameters == {}
    assert event.multi_value_query_string_parameters == {}
    assert event.raw_query_string == ""
    assert event.cookies == {"ok": "1"}
    assert event.path_parameters == {"name": "x"}
    assert event.stage_variables == {}
    assert event.body is None
    assert event.json_body is None
    assert event.version == "2.0"
    assert event.route_key is None
    assert event.stage == "$default"
    assert event.domain_name is None
    assert event.authorizer == {}
    assert event.path == "/"


def test_a_cookies_entry_that_is_a_string_instead_of_a_list_is_ignored(http_event: Any) -> None:
    raw = http_event("GET", "/")
    raw["cookies"] = "session=abc"

    assert APIGatewayProxyEventV2(raw).cookies == {}


# -- events of another source ---------------------------------------------------------------------
def test_a_payload_1_0_event_names_the_rest_resolver(payload_1_event: dict[str, Any]) -> None:
    with pytest.raises(ValueError) as raised:
        APIGatewayProxyEventV2(payload_1_event)

    message = str(raised.value)
    assert message.startswith("APIGatewayHttpResolver expects a payload 2.0 event")
    assert "use APIGatewayRestResolver (router-rest)" in message


def test_an_alb_event_names_the_alb_resolver(alb_event: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"use ALBResolver \(router-alb\)"):
        APIGatewayProxyEventV2(alb_event)


@pytest.mark.parametrize(
    "breakage",
    [
        lambda e: e.pop("rawPath"),
        lambda e: e.update(rawPath=None),
        lambda e: e["requestContext"].pop("http"),
        lambda e: e["requestContext"]["http"].update(method=None),
        lambda e: e.update(requestContext="junk"),
    ],
    ids=["no rawPath", "rawPath null", "no http", "method null", "context not a dict"],
)
def test_a_broken_payload_2_0_event_is_refused(http_event: Any, breakage: Any) -> None:
    raw = http_event("GET", "/")
    breakage(raw)

    with pytest.raises(ValueError, match="required fields missing or malformed"):
        APIGatewayProxyEventV2(raw)


@pytest.mark.parametrize("raw", [None, [], "event", 42])
def test_something_that_is_no_event_is_refused(raw: Any) -> None:
    with pytest.raises(ValueError, match=r"APIGatewayHttpResolver expects a payload 2\.0 event"):
        APIGatewayProxyEventV2(raw)


def test_an_empty_raw_query_string_with_single_values_uses_them(http_event: Any) -> None:
    # Hand-written events sometimes fill in only `queryStringParameters`.
    raw = http_event("GET", "/", raw_query_string="", query_string_parameters={"page": "2"})

    assert APIGatewayProxyEventV2(raw).multi_value_query_string_parameters == {"page": ["2"]}
