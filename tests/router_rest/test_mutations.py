"""Property test: mutated REST events never crash the resolver.

Keys are removed, values replaced with the wrong type or junk, bodies broken. Every event
gets a well-formed REST response (a 4xx where the client sent something bad, never a 500)
or the documented ValueError for an event that is not a REST event at all.
"""

from __future__ import annotations

import copy
from typing import Any

from event_mutations import mutated
from hypothesis import HealthCheck, given, settings

from router_rest import APIGatewayRestResolver

BASE: dict[str, Any] = {
    "resource": "/{proxy+}",
    "path": "/todos/1",
    "httpMethod": "POST",
    "headers": {"Content-Type": "application/json", "Cookie": "session=abc; theme=dark"},
    "multiValueHeaders": {
        "Content-Type": ["application/json"],
        "Cookie": ["session=abc; theme=dark"],
        "X-Tag": ["a", "b"],
    },
    "queryStringParameters": {"verbose": "1"},
    "multiValueQueryStringParameters": {"verbose": ["1"], "tag": ["x", "y"]},
    "pathParameters": {"proxy": "todos/1"},
    "stageVariables": {"env": "test"},
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "abc123",
        "httpMethod": "POST",
        "path": "/prod/todos/1",
        "stage": "prod",
        "requestId": "id",
        "identity": {"sourceIp": "192.0.2.1"},
    },
    "body": '{"title": "write tests"}',
    "isBase64Encoded": False,
}


def build_app() -> APIGatewayRestResolver:
    app = APIGatewayRestResolver()

    @app.post("/todos/<todo_id>")
    def update(todo_id: str) -> dict[str, Any]:
        event = app.current_event
        return {
            "id": todo_id,
            "content_type": event.headers.get("content-type"),
            "tags": event.headers.get_all("x-tag"),
            "verbose": event.get_query_string_value("verbose"),
            "tag": event.get_multi_value_query_string_values("tag"),
            "cookies": event.cookies,
            "body": event.json_body,
            "stage": event.stage_variables,
            "source_ip": event.request_context.get("identity"),
        }

    return app


APP = build_app()


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=mutated(BASE))
def test_mutated_events_get_a_well_formed_answer_or_the_documented_error(
    event: dict[str, Any],
) -> None:
    try:
        result = APP.resolve(event, None)
    except ValueError as error:
        assert "APIGatewayRestResolver expects" in str(error)
        return
    assert set(result) == {"statusCode", "multiValueHeaders", "body", "isBase64Encoded"}
    assert isinstance(result["body"], str)
    assert result["statusCode"] in (200, 400, 404, 405), result


def test_the_unmutated_event_succeeds() -> None:
    result = APP.resolve(copy.deepcopy(BASE), None)
    assert result["statusCode"] == 200
    assert '"cookies":{"session":"abc","theme":"dark"}' in result["body"]
