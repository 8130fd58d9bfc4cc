from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_the_prefix_alone_strips_to_the_root(example):
    client = example.app.app.test_client()

    assert client.get("/payment").json() == {"service": "payment"}


def test_a_regex_prefix_is_anchored_at_the_start(example):
    client = example.app.app.test_client()

    assert client.get("/v2/subscriptions/s-9").json()["subscription_id"] == "s-9"
    assert client.get("/api/v2/subscriptions/s-9").status_code == 404


def test_a_string_prefix_strips_whole_segments_only(example):
    client = example.app.app.test_client()

    assert client.get("/payments/subscriptions/s-9").status_code == 404
