from __future__ import annotations

import pytest


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_a_valid_limit_is_served(example):
    client = example.app.app.test_client()

    assert len(client.get("/todos?limit=2").json()["todos"]) == 2


def test_an_exception_without_a_handler_fails_the_invocation(example):
    app = example.app.app

    @app.get("/broken")
    def broken() -> dict:
        raise KeyError("no such column")

    with pytest.raises(KeyError, match="no such column"):
        app.test_client().get("/broken")
