from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_the_literal_route_wins_over_the_parameter(example):
    client = example.app.app.test_client()

    assert client.get("/users/me/todos").json()["user"] == "me"
    assert client.get("/users/bob/todos").json() == {
        "user": "bob",
        "todos": [{"id": 1, "title": "Fix the bike"}],
    }


def test_a_segment_that_is_not_an_int_does_not_match_int(example):
    client = example.app.app.test_client()

    assert client.get("/users/alice/todos/two").status_code == 404
