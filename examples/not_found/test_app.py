from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_a_known_path_with_another_method_still_answers_405(example):
    client = example.app.app.test_client()

    response = client.delete("/todos")

    assert response.status_code == 405
    assert response.json() == {"statusCode": 405, "message": "Method not allowed"}
