"""Property test: mutated payload 2.0 events never crash the HTTP API resolver.

Keys are removed, values replaced with the wrong type or junk, bodies broken (invalid JSON,
invalid base64, text that is not UTF-8). Every event gets a well-formed payload 2.0 response
(a 4xx where the client sent something bad, never a 500) or the documented ValueError for an
event that is not a payload 2.0 event at all.
"""

from __future__ import annotations

import copy
from typing import Any

from event_mutations import mutated
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from router_http import APIGatewayHttpResolver

BASE: dict[str, Any] = {
    "version": "2.0",
    "routeKey": "$default",
    "rawPath": "/prod/todos/1",
    "rawQueryString": "verbose=1&tag=x,y&tag=z&q=a+b%21",
    "cookies": ["session=abc", "theme=dark"],
    "headers": {
        "content-type": "application/json",
        "x-tag": "a,b",
        "host": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
    },
    "queryStringParameters": {"verbose": "1", "tag": "x,y,z", "q": "a b!"},
    "pathParameters": {"proxy": "todos/1"},
    "stageVariables": {"env": "test"},
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "r3pmxmplak",
        "domainName": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
        "domainPrefix": "r3pmxmplak",
        "http": {
            "method": "POST",
            "path": "/prod/todos/1",
            "protocol": "HTTP/1.1",
            "sourceIp": "192.0.2.1",
            "userAgent": "agent",
        },
        "requestId": "id",
        "routeKey": "$default",
        "stage": "prod",
        "time": "13/Mar/2024:10:15:42 +0000",
        "timeEpoch": 1710324942123,
    },
    "body": '{"title": "write tests"}',
    "isBase64Encoded": False,
}

QUERY_STRINGS = st.one_of(
    st.text(alphabet="ab=&,+%2F", max_size=20),
    st.text(max_size=20),
)


def _set_query(draw: st.DrawFn, event: dict[str, Any]) -> None:
    event["rawQueryString"] = draw(QUERY_STRINGS)


def _is_payload_2_0(event: Any) -> bool:
    if not isinstance(event, dict) or not isinstance(event.get("rawPath"), str):
        return False
    context = event.get("requestContext")
    http = context.get("http") if isinstance(context, dict) else None
    return isinstance(http, dict) and isinstance(http.get("method"), str)


def build_app() -> APIGatewayHttpResolver:
    app = APIGatewayHttpResolver()

    @app.route("/todos/<todo_id>", method=["POST", "PUT"])
    def update(todo_id: str) -> dict[str, Any]:
        event = app.current_event
        return {
            "id": todo_id,
            "content_type": event.headers.get("content-type"),
            "tags": event.headers.get_all("x-tag"),
            "verbose": event.get_query_string_value("verbose"),
            "tag": event.get_multi_value_query_string_values("tag"),
            "query": len(event.multi_value_query_string_parameters),
            "cookies": len(event.cookies),
            "body": event.json_body,
            "stage": event.stage,
            "route_key": event.route_key,
            "authorizer": len(event.authorizer),
        }

    return app


APP = build_app()


def _assert_well_formed(result: dict[str, Any]) -> None:
    assert list(result) == ["statusCode", "headers", "cookies", "body", "isBase64Encoded"]
    assert isinstance(result["statusCode"], int)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in result["headers"].items())
    assert all(isinstance(c, str) for c in result["cookies"])
    assert isinstance(result["body"], str)
    assert result["isBase64Encoded"] is False


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=mutated(BASE, {"query": _set_query}, not_a_dict=True))
def test_mutated_events_get_a_well_formed_answer_or_the_documented_error(event: Any) -> None:
    try:
        result = APP.resolve(event, None)
    except ValueError as error:
        assert not _is_payload_2_0(event)
        assert str(error).startswith("APIGatewayHttpResolver expects a payload 2.0 event")
        return
    assert _is_payload_2_0(event)
    _assert_well_formed(result)
    assert result["statusCode"] in (200, 400, 404, 405), result


def test_the_unmutated_event_succeeds() -> None:
    result = APP.resolve(copy.deepcopy(BASE), None)

    _assert_well_formed(result)
    assert result["statusCode"] == 200
    assert result["body"] == (
        '{"id":"1","content_type":"application/json","tags":["a,b"],"verbose":"1",'
        '"tag":["x,y","z"],"query":3,"cookies":2,"body":{"title":"write tests"},'
        '"stage":"prod","route_key":"$default","authorizer":0}'
    )
