from __future__ import annotations

import pytest


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_a_client_that_has_the_tag_gets_304_without_a_body(example):
    client = example.app.app.test_client()
    tag = client.get("/todos/1").header("ETag")

    again = client.get("/todos/1", headers={"If-None-Match": tag})

    assert again.status_code == 304
    assert again.body == b""
    assert again.header("ETag") == tag
    assert again.header("Content-Type") is None


@pytest.mark.parametrize("header", ["*, {tag}", '"other", {tag}', "{strong}"])
def test_if_none_match_lists_and_strong_forms_are_compared_weakly(example, header):
    client = example.app.app.test_client()
    tag = client.get("/todos/1").header("ETag")
    strong = tag.removeprefix("W/")

    response = client.get(
        "/todos/1", headers={"If-None-Match": header.format(tag=tag, strong=strong)}
    )

    assert response.status_code == 304


def test_a_changed_body_gets_a_new_tag(example):
    client = example.app.app.test_client()
    before = client.get("/todos/1").header("ETag")
    example.app.TODOS[1]["completed"] = True
    try:
        after = client.get("/todos/1", headers={"If-None-Match": before})
    finally:
        example.app.TODOS[1]["completed"] = False

    assert after.status_code == 200
    assert after.header("ETag") != before


def test_head_gets_the_same_tag_and_errors_get_none(example):
    client = example.app.app.test_client()

    assert client.head("/todos/1").header("ETag") == client.get("/todos/1").header("ETag")
    assert client.get("/todos/99").header("ETag") is None  # a 404 gets no tag
    assert client.get("/nowhere").header("ETag") is None


def test_a_route_may_opt_out(example):
    assert example.app.app.test_client().get("/time").header("ETag") is None
