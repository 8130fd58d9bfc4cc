from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_a_text_body_keeps_its_content_type(example):
    client = example.app.app.test_client()
    client.post("/todos", json={"title": "Buy milk"})

    response = client.get("/todos.csv")

    assert response.header("Content-Type") == "text/csv"
    assert response.header("Cache-Control") == "max-age=60"
    assert response.text == "id,title,completed\n1,Buy milk,False\n"
