from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_the_context_is_cleared_after_the_invocation(example):
    example.app.lambda_handler(example.event, None)

    assert example.app.app.context == {}


def test_each_router_answers_under_its_prefix(example):
    event = example.event
    for path, expected in [
        ("/todos/1", {"id": 1, "title": "Ship the release"}),
        ("/health", {"status": "ok"}),
    ]:
        result = example.app.lambda_handler({**event, "path": path}, None)
        assert (result["statusCode"], result["body"]) == (200, _json(expected))


def test_another_tenant_sees_its_own_todos(example):
    context = {**example.event["requestContext"], "authorizer": {"tenant": "globex"}}

    result = example.app.lambda_handler({**example.event, "requestContext": context}, None)

    assert result["body"] == _json(
        {"tenant": "globex", "todos": [{"id": 1, "title": "Plan the offsite"}]}
    )


def _json(value: object) -> str:
    import json

    return json.dumps(value, separators=(",", ":"))
