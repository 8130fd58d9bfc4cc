from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_a_bad_line_answers_422_naming_it(example):
    client = example.app.app.test_client()

    response = client.post("/orders", json={"customer": "ana", "lines": [{"sku": "PEN", "qty": 0}]})

    assert response.status_code == 422
    assert response.json() == {
        "statusCode": 422,
        "detail": [{"loc": ["body", "lines", 0, "qty"], "type": "greater_than_equal"}],
    }


def test_query_limits_are_checked(example):
    client = example.app.app.test_client()

    assert len(client.get("/orders?limit=3").json()) == 3
    assert client.get("/orders?limit=500").json()["detail"] == [
        {"loc": ["query", "limit"], "type": "less_than_equal"}
    ]
