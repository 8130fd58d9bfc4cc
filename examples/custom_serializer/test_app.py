from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_error_bodies_use_the_serializer_too(example):
    response = example.app.app.test_client().get("/nowhere")

    assert response.text == '{"message":"Not found","statusCode":404}'
