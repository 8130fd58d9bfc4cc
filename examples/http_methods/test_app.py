from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_put_patch_and_delete(example):
    client = example.app.app.test_client()

    assert client.put("/todos/1", json={"completed": True}).json()["completed"] is True
    assert client.patch("/todos/1", json={"title": "Buy oat milk"}).json() == {
        "id": 1,
        "title": "Buy oat milk",
        "completed": True,
    }
    deleted = client.delete("/todos/1")
    assert (deleted.status_code, deleted.body) == (204, b"")
    assert client.delete("/todos/1").status_code == 404


def test_head_comes_from_get_and_other_methods_answer_405(example):
    client = example.app.app.test_client()

    head = client.head("/todos")
    assert (head.status_code, head.body) == (200, b"")

    refused = client.post("/todos/1")
    assert refused.status_code == 405
    assert refused.header("Allow") == "DELETE, PATCH, PUT"
