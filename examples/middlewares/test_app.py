from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_the_route_middleware_answers_by_itself_without_a_key(example):
    response = example.app.app.test_client().post("/todos", json={"title": "Buy milk"})

    assert response.status_code == 401
    assert response.json() == {"statusCode": 401, "message": "Missing X-Api-Key header"}
    # The app's middleware wraps it, so even this answer carries the header.
    assert response.header("X-Correlation-Id") is not None


def test_the_app_middleware_wraps_routing_answers_too(example):
    client = example.app.app.test_client()

    response = client.get("/nowhere", headers={"X-Correlation-Id": "c-1"})

    assert response.status_code == 404
    assert response.header("X-Correlation-Id") == "c-1"
