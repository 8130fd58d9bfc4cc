from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_list_and_missing_todo(example):
    client = example.app.app.test_client()

    listed = client.get("/todos")
    assert listed.status_code == 200
    assert [todo["id"] for todo in listed.json()["todos"]] == [1, 2]

    missing = client.get("/todos/3")
    assert missing.status_code == 404
    assert missing.json() == {"statusCode": 404, "message": "Todo 3 not found"}
