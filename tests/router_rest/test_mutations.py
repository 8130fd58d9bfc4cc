"""Property test: mutated REST events never crash the resolver.

Keys are removed, values replaced with the wrong type or junk, bodies broken. Every event
gets a well-formed REST response (a 4xx where the client sent something bad, never a 500)
or the documented ValueError for an event that is not a REST event at all.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(
        st.text(max_size=5), st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=3
    ),
)
BODIES = st.one_of(
    st.just("{not json"),
    st.just(""),
    st.just("\ud800"),
    st.just("%%%"),
    st.just("/w=="),
    st.text(max_size=30),
    st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            found.append((*prefix, key))
            found.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.append((*prefix, index))
            found.extend(_paths(child, (*prefix, index)))
    return found


PATHS = _paths(BASE)


@st.composite
def mutated_events(draw: st.DrawFn) -> dict[str, Any]:
    event = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = event
        try:
            for key in path[:-1]:
                parent = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(parent, (dict, list)):
            continue
        action = draw(st.sampled_from(["delete", "junk", "body", "base64"]))
        try:
            if action == "delete" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif action == "body":
                event["body"] = draw(BODIES)
            elif action == "base64":
                event["body"] = draw(BODIES)
                event["isBase64Encoded"] = True
            else:
                parent[path[-1]] = draw(JUNK)
        except (IndexError, KeyError, TypeError):
            continue  # an earlier mutation changed the shape under this path
    return event


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
@given(event=mutated_events())
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
