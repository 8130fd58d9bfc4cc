"""`LambdaFunctionUrlEvent`: what a handler reads from a Function URL event."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from router_core.exceptions import BadRequestError
from router_function_url import LambdaFunctionUrlEvent
from router_http import APIGatewayProxyEventV2


def test_it_is_a_payload_2_0_event() -> None:
    assert issubclass(LambdaFunctionUrlEvent, APIGatewayProxyEventV2)


def test_the_path_is_raw_path_as_sent(url_event: Any) -> None:
    event = LambdaFunctionUrlEvent(url_event("GET", "/files/a%2Fb"))

    assert event.path == "/files/a%2Fb"
    assert event.raw_path == "/files/a%2Fb"
    # Percent-encoded: the route table decodes each segment once.
    assert LambdaFunctionUrlEvent.PATH_ENCODED is True


def test_nothing_is_stripped_even_with_a_stage_in_the_event(
    http_api_event: dict[str, Any],
) -> None:
    # An HTTP API event with a named stage: Function URLs have no stages to strip.
    event = LambdaFunctionUrlEvent(http_api_event)

    assert event.path == "/prod/files/report.pdf"
    assert event.stage == "prod"


def test_members(url_event: Any) -> None:
    raw = url_event(
        "post",
        "/orders",
        raw_query_string="item=a%2Cb&item=c,d&note=hi+there",
        query_string_parameters={"item": "a,b,c,d", "note": "hi there"},
        headers={"content-type": "application/json", "x-request-id": "r-1"},
        cookies=["session=abc", "theme=dark"],
        body='{"qty": 2}',
        iam=True,
    )
    event = LambdaFunctionUrlEvent(raw)

    assert event.http_method == "POST"
    assert event.headers["X-Request-Id"] == "r-1"
    assert event.get_query_string_value("item") == "a,b,c,d"
    assert event.multi_value_query_string_parameters == {
        "item": ["a,b", "c,d"],
        "note": ["hi there"],
    }
    assert event.cookies == {"session": "abc", "theme": "dark"}
    assert event.json_body == {"qty": 2}
    assert event.path_parameters == {}
    assert event.stage_variables == {}
    assert event.stage == "$default"
    assert event.route_key == "$default"
    assert event.domain_name == "xj2mplpozcwpu3ntpbq6yp7l4m0ckskz.lambda-url.eu-west-1.on.aws"
    assert event.authorizer["iam"]["userArn"] == "arn:aws:iam::123456789012:user/deploy"
    assert repr(event) == "LambdaFunctionUrlEvent(POST /orders)"


def test_a_base64_body(url_event: Any) -> None:
    raw = url_event(
        "PUT", "/blob", body=base64.b64encode(b"\x00\x01").decode(), is_base64_encoded=True
    )

    assert LambdaFunctionUrlEvent(raw).body_bytes == b"\x00\x01"


def test_malformed_parts_are_ignored(url_event: Any) -> None:
    raw = url_event("GET", "/")
    raw["headers"] = {"x-ok": "1", "x-bad": None}
    raw["cookies"] = [None, "a=1", 3]
    raw["rawQueryString"] = None
    raw["queryStringParameters"] = {"ok": "1", "bad": 2}
    raw["body"] = 12
    event = LambdaFunctionUrlEvent(raw)

    assert dict(event.headers) == {"x-ok": "1"}
    assert event.cookies == {"a": "1"}
    assert event.multi_value_query_string_parameters == {"ok": ["1"]}
    assert event.body is None


def test_malformed_json_is_a_bad_request(url_event: Any) -> None:
    with pytest.raises(BadRequestError):
        _ = LambdaFunctionUrlEvent(url_event("POST", "/", body="[1,")).json_body


def test_a_payload_1_0_event_names_the_rest_resolver(payload_1_event: dict[str, Any]) -> None:
    with pytest.raises(ValueError) as raised:
        LambdaFunctionUrlEvent(payload_1_event)

    message = str(raised.value)
    assert message.startswith("LambdaFunctionUrlResolver expects a payload 2.0 event")
    assert message.endswith("use APIGatewayRestResolver (router-rest)")


def test_an_alb_event_names_the_alb_resolver(alb_event: dict[str, Any]) -> None:
    with pytest.raises(ValueError) as raised:
        LambdaFunctionUrlEvent(alb_event)

    message = str(raised.value)
    assert message.startswith("LambdaFunctionUrlResolver expects a payload 2.0 event")
    assert message.endswith("use ALBResolver (router-alb)")


def test_a_broken_event_is_refused(url_event: Any) -> None:
    raw = url_event("GET", "/")
    del raw["requestContext"]["http"]

    with pytest.raises(ValueError, match=r"LambdaFunctionUrlResolver expects .* malformed"):
        LambdaFunctionUrlEvent(raw)
