"""`ALBCodec`: responses in the request's mode, and the HTTP <-> event mapping both ways."""

from __future__ import annotations

import base64
import logging

import pytest

from router_alb import ALBCodec, ALBEvent
from router_alb.codec import ONE_MB
from router_core import Cookie, Response
from router_core.codec import HTTPRequest


def test_single_value_response_shape(single_event):
    response = Response(
        201,
        "application/json",
        '{"id":1}',
        headers={"Location": "/todos/1", "X-Tags": ["a", "b"]},
        cookies=[Cookie("session", "abc", http_only=True)],
    )

    result = ALBCodec().encode(response, ALBEvent(single_event()))

    assert result == {
        "statusCode": 201,
        "headers": {
            "Location": "/todos/1",
            "X-Tags": "a, b",
            "Content-Type": "application/json",
            "Set-Cookie": "session=abc; HttpOnly; Secure",
        },
        "body": '{"id":1}',
        "isBase64Encoded": False,
    }


def test_multi_value_response_shape(multi_event):
    response = Response(
        200,
        "text/plain",
        "hi",
        headers={"X-Tags": ["a", "b"]},
        cookies=[Cookie("a", "1"), Cookie("b", "2", path="/")],
    )

    result = ALBCodec().encode(response, ALBEvent(multi_event()))

    assert result == {
        "statusCode": 200,
        "multiValueHeaders": {
            "X-Tags": ["a", "b"],
            "Content-Type": ["text/plain"],
            "Set-Cookie": ["a=1; Secure", "b=2; Path=/; Secure"],
        },
        "body": "hi",
        "isBase64Encoded": False,
    }


def test_single_value_mode_sends_only_the_last_cookie_and_warns(single_event, caplog):
    response = Response(
        200,
        "text/plain",
        "hi",
        headers={"set-cookie": "first=1"},
        cookies=[Cookie("second", "2"), Cookie("third", "3")],
    )

    with caplog.at_level(logging.WARNING, logger="router"):
        result = ALBCodec().encode(response, ALBEvent(single_event()))

    assert result["headers"] == {"Content-Type": "text/plain", "set-cookie": "third=3; Secure"}
    [record] = caplog.records
    assert record.levelname == "WARNING"
    assert "lambda.multi_value_headers.enabled" in record.getMessage()
    assert "3 cookies" in record.getMessage()
    assert "third" in record.getMessage()


def test_a_single_cookie_is_sent_without_warning(single_event, caplog):
    response = Response(200, "text/plain", "hi", cookies=[Cookie("only", "1")])

    with caplog.at_level(logging.WARNING, logger="router"):
        result = ALBCodec().encode(response, ALBEvent(single_event()))

    assert result["headers"]["Set-Cookie"] == "only=1; Secure"
    assert caplog.records == []


@pytest.mark.parametrize("body", [None, ""])
def test_body_is_never_null(single_event, multi_event, body):
    for event in (single_event(), multi_event()):
        result = ALBCodec().encode(Response(204, None, body), ALBEvent(event))

        assert result["body"] == ""
        assert result["isBase64Encoded"] is False
        assert "statusDescription" not in result


@pytest.mark.parametrize(
    "headers", [{"X-Bad": "a\r\nInjected: 1"}, {"X-Bad\n": "a"}, {"X-List": ["ok", "b\rc"]}]
)
def test_cr_or_lf_in_a_header_is_refused(single_event, multi_event, headers):
    for event in (single_event(), multi_event()):
        with pytest.raises(ValueError, match="CR or LF"):
            ALBCodec().encode(Response(200, None, "", headers=headers), ALBEvent(event))


def test_fast_path_answers_in_the_request_mode(single_event, multi_event):
    codec = ALBCodec()

    assert codec.encode_json(200, '{"a":1}', ALBEvent(single_event())) == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": '{"a":1}',
        "isBase64Encoded": False,
    }
    assert codec.encode_json(200, '{"a":1}', ALBEvent(multi_event())) == {
        "statusCode": 200,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
        "body": '{"a":1}',
        "isBase64Encoded": False,
    }


def test_limit_and_source_name_alb():
    assert ALBCodec.max_response_bytes == ONE_MB == 1_048_576
    assert "ALB" in ALBCodec.source
    assert "1 MB" in ALBCodec.source


REQUEST = HTTPRequest(
    "post",
    "/search/a%20b",
    headers=[("Content-Type", "text/plain"), ("X-Tag", "one"), ("X-Tag", "two")],
    query=[("q", "a b+c"), ("tag", "x"), ("tag", "y"), ("path", "/x?y=z&w")],
    body=b"hello",
    host="shop.example.com",
    source_ip="198.51.100.9",
)


def test_to_event_single_value():
    event = ALBCodec().to_event(REQUEST)

    assert event["requestContext"]["elb"]["targetGroupArn"].startswith(
        "arn:aws:elasticloadbalancing:"
    )
    assert event["httpMethod"] == "POST"
    assert event["path"] == "/search/a%20b"
    # Encoded as a client sends them, the last of repeated names kept.
    assert event["queryStringParameters"] == {"q": "a+b%2Bc", "tag": "y", "path": "/x%3Fy%3Dz%26w"}
    headers = event["headers"]
    assert headers["content-type"] == "text/plain"
    assert headers["x-tag"] == "two"
    assert headers["host"] == "shop.example.com"
    assert headers["x-forwarded-for"] == "198.51.100.9"
    assert headers["x-forwarded-proto"] == "https"
    assert headers["x-amzn-trace-id"].startswith("Root=1-")
    assert all(name == name.lower() for name in headers)
    assert "multiValueHeaders" not in event
    assert event["body"] == "hello"
    assert event["isBase64Encoded"] is False
    assert ALBEvent(event).query_string_parameters == {
        "q": "a b+c",
        "tag": "y",
        "path": "/x?y=z&w",
    }


def test_to_event_multi_value():
    event = ALBCodec(multi_value=True).to_event(REQUEST)

    assert event["multiValueQueryStringParameters"] == {
        "q": ["a+b%2Bc"],
        "tag": ["x", "y"],
        "path": ["/x%3Fy%3Dz%26w"],
    }
    assert event["multiValueHeaders"]["x-tag"] == ["one", "two"]
    assert "headers" not in event
    assert "queryStringParameters" not in event
    parsed = ALBEvent(event)
    assert parsed.multi_value is True
    assert parsed.multi_value_query_string_parameters["tag"] == ["x", "y"]


def test_to_event_body_base64_when_not_utf8_and_empty_string_when_absent():
    binary = ALBCodec().to_event(HTTPRequest("PUT", "/f", body=b"\xff\x00\xfe"))
    empty = ALBCodec().to_event(HTTPRequest("GET", "/"))

    assert binary["isBase64Encoded"] is True
    assert base64.b64decode(binary["body"]) == b"\xff\x00\xfe"
    assert empty["body"] == ""
    assert empty["isBase64Encoded"] is False
    assert empty["queryStringParameters"] == {}


def test_to_event_appends_to_a_forwarded_for_chain():
    request = HTTPRequest(
        "GET", "/", headers=[("X-Forwarded-For", "192.0.2.1")], source_ip="10.0.0.1"
    )

    assert ALBCodec().to_event(request)["headers"]["x-forwarded-for"] == "192.0.2.1, 10.0.0.1"


def test_to_http_single_value():
    response = ALBCodec().to_http(
        {
            "statusCode": 200,
            "headers": {"Content-Type": "text/plain", "Set-Cookie": "a=1"},
            "body": "hi",
            "isBase64Encoded": False,
        }
    )

    assert response.status_code == 200
    assert response.headers == [("Content-Type", "text/plain"), ("Set-Cookie", "a=1")]
    assert response.body == b"hi"


def test_to_http_multi_value_and_base64():
    response = ALBCodec(multi_value=True).to_http(
        {
            "statusCode": 200,
            "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
            "body": base64.b64encode(b"\x00\x01").decode(),
            "isBase64Encoded": True,
        }
    )

    assert response.headers == [("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]
    assert response.body == b"\x00\x01"


@pytest.mark.parametrize(
    ("codec", "result"),
    [
        (ALBCodec(), {"body": "no status"}),
        (ALBCodec(), {"statusCode": "200", "body": ""}),
        (ALBCodec(), {"statusCode": 200, "body": "%%%", "isBase64Encoded": True}),
        # A multi-value target group refuses a single-value result.
        (ALBCodec(multi_value=True), {"statusCode": 200, "headers": {"A": "b"}, "body": ""}),
    ],
)
def test_to_http_malformed_result_is_a_502(codec, result):
    response = codec.to_http(result)

    assert response.status_code == 502
    assert b"502 Bad Gateway" in response.body


POWERTOOLS_EVENT_SINGLE = {
    "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:region:1:tg/t/1"}},
    "httpMethod": "GET",
    "path": "/shape",
    "queryStringParameters": {},
    "headers": {"host": "lb.example.com", "user-agent": "curl/8.4.0"},
    "body": "",
    "isBase64Encoded": False,
}


@pytest.mark.parametrize("multi", [False, True], ids=["single-value", "multi-value"])
@pytest.mark.parametrize("status", [200, 201, 404, 418])
def test_response_keys_match_powertools(multi, status):
    powertools = pytest.importorskip("aws_lambda_powertools.event_handler")
    from router_alb import ALBResolver

    event = dict(POWERTOOLS_EVENT_SINGLE)
    if multi:
        event["multiValueQueryStringParameters"] = {}
        event["multiValueHeaders"] = {k: [v] for k, v in event.pop("headers").items()}
        del event["queryStringParameters"]
    results = []
    for resolver, response_class in (
        (powertools.ALBResolver, powertools.Response),
        (ALBResolver, Response),
    ):
        app = resolver()

        @app.get("/shape")
        def shape(response_class=response_class):
            return response_class(status, "text/plain", "hi", headers={"X-A": "1"})

        results.append(app.resolve(dict(event), None))
    theirs, ours = results

    assert ours == theirs
    assert "statusDescription" not in ours
