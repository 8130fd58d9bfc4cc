from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_a_literal_route_is_tried_before_the_catch_all(example):
    client = example.app.app.test_client()

    assert client.get("/files/README").json() == {"file": "README", "size": 1024}


def test_a_regex_segment_spans_slashes(example):
    client = example.app.app.test_client()

    assert client.get("/legacy/a/b/c").json() == {"moved_from": "/legacy/a/b/c"}
    assert client.get("/legacy").status_code == 404
