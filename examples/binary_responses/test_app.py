from __future__ import annotations

import base64


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_the_client_receives_the_original_bytes(example):
    response = example.app.app.test_client().get("/logo.png")

    assert response.header("Content-Type") == "image/png"
    assert response.body == example.app.LOGO
    assert base64.b64decode(example.expected["body"]) == example.app.LOGO
