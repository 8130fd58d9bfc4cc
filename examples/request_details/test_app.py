from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_defaults_when_the_request_carries_less(example):
    client = example.app.app.test_client()

    body = client.post("/todos", json={"title": "Call mum"}).json()

    assert body["tags"] == []
    assert body["dry_run"] is False
    assert body["api_key"] is None
    assert body["session"] is None


def test_a_body_that_is_not_json_answers_400(example):
    client = example.app.app.test_client()

    response = client.post("/todos", body="{title:", headers={"Content-Type": "application/json"})

    assert response.status_code == 400
    assert response.json() == {"statusCode": 400, "message": "Request body is not valid JSON"}
