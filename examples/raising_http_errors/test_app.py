from __future__ import annotations

import pytest


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("GET", "/todos/1", 401, "Missing X-Api-Key header"),
        ("POST", "/todos", 400, "A todo needs a title"),
        ("GET", "/admin", 403, "Administrators only"),
        ("GET", "/export", 500, "The export failed"),
        ("GET", "/maintenance", 503, "Back in five minutes"),
        ("GET", "/teapot", 418, "I'm a teapot"),
    ],
)
def test_each_error_answers_its_status(example, method, path, status, message):
    client = example.app.app.test_client()

    response = client.request(method, path, json={} if method == "POST" else None)

    assert response.status_code == status
    assert response.json() == {"statusCode": status, "message": message}
