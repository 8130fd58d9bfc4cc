"""`ALBEvent`: the request as handlers see it, in single-value and multi-value mode."""

from __future__ import annotations

import base64

import pytest

from router_alb import ALBEvent
from router_core.exceptions import BadRequestError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    EventFactory = Callable[..., dict[str, Any]]

TARGET_GROUP = (
    "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/shop/6d0ecf831eec9f09"
)


def test_single_value_event_members(single_event):
    event = ALBEvent(
        single_event(
            "post",
            "/todos/a%20b",
            query={"q": "x"},
            headers={"content-type": "application/json", "cookie": "session=abc; theme=dark"},
            body='{"title": "milk"}',
        )
    )

    assert event.http_method == "POST"
    assert event.path == "/todos/a%20b"
    assert event.multi_value is False
    assert event.target_group_arn == TARGET_GROUP
    assert event.headers["Content-Type"] == "application/json"
    assert event.get_header_value("CONTENT-TYPE") == "application/json"
    # Powertools 3 ignores case_sensitive: header names are case-insensitive in HTTP.
    assert event.get_header_value("Content-Type", case_sensitive=True) == "application/json"
    assert event.cookies == {"session": "abc", "theme": "dark"}
    assert event.json_body == {"title": "milk"}
    assert event.body == '{"title": "milk"}'
    assert event.request_context == {"elb": {"targetGroupArn": TARGET_GROUP}}
    assert event.raw_event["path"] == "/todos/a%20b"


def test_multi_value_event_members(multi_event):
    event = ALBEvent(
        multi_event(
            headers={"accept": ["text/html", "application/json"], "cookie": ["a=1", "b=2"]},
        )
    )

    assert event.multi_value is True
    assert event.headers["accept"] == "application/json"
    assert event.headers.get_all("Accept") == ["text/html", "application/json"]
    assert event.get_header_value("accept", case_sensitive=True) == "application/json"
    assert event.get_header_value("Accept", "none", case_sensitive=True) == "application/json"
    assert event.cookies == {"a": "1", "b": "2"}


def test_target_group_arn_is_none_when_missing(single_event):
    raw = single_event()
    raw["requestContext"]["elb"] = {}

    assert ALBEvent(raw).target_group_arn is None


# `?q=a+b%2Bc&tag=x&tag=y` as a client sends it: `+` is a space and `%2B` a plus sign.
def test_single_value_query_is_decoded_once_and_keeps_the_last_repeat(single_event):
    # Without multi-value headers ALB keeps the last value of a repeated name.
    event = ALBEvent(single_event(query={"q": "a+b%2Bc", "tag": "y", "na%20me": "%2520"}))

    assert event.query_string_parameters == {"q": "a b+c", "tag": "y", "na me": "%20"}
    assert event.get_query_string_value("q") == "a b+c"
    assert event.get_query_string_value("missing", "default") == "default"
    assert event.multi_value_query_string_parameters == {
        "q": ["a b+c"],
        "tag": ["y"],
        "na me": ["%20"],
    }
    assert event.get_multi_value_query_string_values("tag") == ["y"]


def test_multi_value_query_is_decoded_once(multi_event):
    event = ALBEvent(multi_event(query={"q": ["a+b%2Bc"], "tag": ["x", "y"]}))

    assert event.multi_value_query_string_parameters == {"q": ["a b+c"], "tag": ["x", "y"]}
    assert event.get_multi_value_query_string_values("tag") == ["x", "y"]
    assert event.query_string_parameters == {"q": "a b+c", "tag": "y"}
    assert event.get_query_string_value("tag") == "y"


def test_two_spellings_of_a_name_merge_in_multi_value_mode(multi_event):
    event = ALBEvent(multi_event(query={"a+b": ["1"], "a%20b": ["2"]}))

    assert event.multi_value_query_string_parameters == {"a b": ["1", "2"]}


@pytest.mark.parametrize(
    ("sent", "seen"),
    [
        ("100%", "100%"),  # a lone percent sign
        ("%zz", "%zz"),  # not hex
        ("%4", "%4"),  # truncated
        ("%FF%FE", "%FF%FE"),  # escapes that are not UTF-8 stay as sent
        ("caf%C3%A9", "café"),
        ("%252B", "%2B"),  # decoded once, never twice
    ],
)
def test_malformed_query_escapes_are_left_as_sent(single_event, sent, seen):
    event = ALBEvent(single_event(query={"v": sent}))

    assert event.query_string_parameters == {"v": seen}


def test_malformed_query_dicts_are_ignored(single_event, multi_event):
    single = single_event()
    single["queryStringParameters"] = {"ok": "1", "bad": 2, "list": ["x"]}
    multi = multi_event()
    multi["multiValueQueryStringParameters"] = {"ok": ["1", 2], "bad": "x", "empty": []}

    assert ALBEvent(single).query_string_parameters == {"ok": "1"}
    assert ALBEvent(multi).multi_value_query_string_parameters == {"ok": ["1"]}


def test_base64_body(single_event):
    payload = b"\x89PNG\r\n\x1a\n\x00"
    event = ALBEvent(single_event("POST", body=base64.b64encode(payload).decode(), base64=True))

    assert event.body_bytes == payload
    with pytest.raises(BadRequestError):
        _ = event.decoded_body


def test_base64_json_body(single_event):
    encoded = base64.b64encode(b'{"n": 1}').decode()
    event = ALBEvent(single_event("POST", body=encoded, base64=True))

    assert event.decoded_body == '{"n": 1}'
    assert event.json_body == {"n": 1}


@pytest.mark.parametrize(
    ("body", "is_base64"),
    [("{not json", False), ("@@not base64@@", True), (base64.b64encode(b"{").decode(), True)],
)
def test_malformed_bodies_raise_bad_request(single_event, body, is_base64):
    event = ALBEvent(single_event("POST", body=body, base64=is_base64))

    with pytest.raises(BadRequestError):
        _ = event.json_body


def test_empty_body_is_no_json(single_event):
    assert ALBEvent(single_event()).json_body is None


PAYLOAD_V1 = {
    "resource": "/{proxy+}",
    "path": "/todos",
    "httpMethod": "GET",
    "headers": {"Host": "abc.execute-api.us-east-1.amazonaws.com"},
    "requestContext": {"stage": "prod", "httpMethod": "GET", "resourcePath": "/{proxy+}"},
    "body": None,
    "isBase64Encoded": False,
}
PAYLOAD_V2 = {
    "version": "2.0",
    "routeKey": "$default",
    "rawPath": "/todos",
    "rawQueryString": "",
    "headers": {"host": "abc.execute-api.us-east-1.amazonaws.com"},
    "requestContext": {"http": {"method": "GET", "path": "/todos"}, "stage": "$default"},
    "isBase64Encoded": False,
}


@pytest.mark.parametrize(
    ("event", "resolver"),
    [
        (PAYLOAD_V1, "APIGatewayRestResolver"),
        (PAYLOAD_V2, "APIGatewayHttpResolver"),
    ],
)
def test_events_of_other_sources_name_the_resolver_that_fits(event, resolver):
    with pytest.raises(
        ValueError, match="ALBResolver expects an Application Load Balancer"
    ) as info:
        ALBEvent(event)

    assert resolver in str(info.value)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda e: e.pop("requestContext"),
        lambda e: e["requestContext"].pop("elb"),
        lambda e: e["requestContext"].update(elb="arn"),
        lambda e: e.pop("httpMethod"),
        lambda e: e.update(httpMethod=None),
        lambda e: e.update(path=["/"]),
    ],
)
def test_broken_alb_events_are_refused(single_event, mutate):
    raw = single_event()
    mutate(raw)

    with pytest.raises(ValueError, match="ALBResolver expects an Application Load Balancer"):
        ALBEvent(raw)


@pytest.mark.parametrize("raw", [None, [], "event", 42])
def test_non_dict_events_are_refused(raw):
    with pytest.raises(ValueError, match="ALBResolver expects"):
        ALBEvent(raw)


# -- decode_query_parameters (Powertools' ALBResolver option) ----------------------------------
def test_query_decoded_by_default_and_kept_encoded_on_request(
    single_event: EventFactory, multi_event: EventFactory
) -> None:
    raw = single_event(query={"q": "green%20tea+bags", "caf%C3%A9": "1"})
    decoded = ALBEvent(raw)
    assert decoded.decode_query_parameters is True
    assert decoded.query_string_parameters == {"q": "green tea bags", "café": "1"}
    kept = ALBEvent(raw, decode_query_parameters=False)
    assert kept.decode_query_parameters is False
    assert kept.query_string_parameters == {"q": "green%20tea+bags", "caf%C3%A9": "1"}
    assert kept.resolved_query_string_parameters == {"q": ["green%20tea+bags"], "caf%C3%A9": ["1"]}
    multi = ALBEvent(multi_event(query={"tag": ["a%2Cb", "c"]}), decode_query_parameters=False)
    assert multi.multi_value_query_string_parameters == {"tag": ["a%2Cb", "c"]}
    assert multi.get_query_string_value("tag") == "c"


def test_setting_decode_query_parameters_recomputes_the_query(single_event: EventFactory) -> None:
    event = ALBEvent(single_event(query={"q": "a%20b"}))
    assert event.get_query_string_value("q") == "a b"
    event.decode_query_parameters = False  # what a resolver does with its option
    assert event.get_query_string_value("q") == "a%20b"
    assert event.get_multi_value_query_string_values("q") == ["a%20b"]


def test_raw_query_matches_powertools_either_way(single_event: EventFactory) -> None:
    data_classes = pytest.importorskip("aws_lambda_powertools.utilities.data_classes")
    raw = single_event(query={"q": "green%20tea", "tag": "a%2Cb"})
    theirs = data_classes.ALBEvent(raw)
    # Powertools never decodes query_string_parameters: ours with the option off is the same.
    kept = ALBEvent(raw, decode_query_parameters=False)
    assert kept.query_string_parameters == theirs.query_string_parameters
    assert kept.resolved_query_string_parameters == theirs.resolved_query_string_parameters
    # With its option on, Powertools decodes the resolved values (once, without `+`): ours too.
    theirs.decode_query_parameters = True
    assert ALBEvent(raw).resolved_query_string_parameters == theirs.resolved_query_string_parameters


def test_multi_value_headers_and_resolved_fields(multi_event: EventFactory) -> None:
    event = ALBEvent(multi_event(headers={"X-Tag": ["a", "b"]}, query={"t": ["1", "2"]}))
    assert event.multi_value_headers["x-tag"] == ["a", "b"]
    assert event.multi_value_headers.get("X-TAG") == ["a", "b"]
    assert event.resolved_headers_field["X-Tag"] == ["a", "b"]
    assert event.resolved_query_string_parameters == {"t": ["1", "2"]}
    assert event.request_context.elb_target_group_arn == TARGET_GROUP
