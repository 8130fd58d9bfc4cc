from __future__ import annotations

import asyncio

import pytest


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_warm_invocations_share_the_clients_loop(example):
    # The client's lock is bound to the loop of the first invocation: a new loop per
    # invocation would make the second one fail.
    for _ in range(3):
        assert example.app.lambda_handler(example.event, None)["statusCode"] == 200


def test_resolve_async_from_a_running_loop(example):
    async def main():
        return await example.app.app.resolve_async(example.event, None)

    assert asyncio.run(main())["statusCode"] == 200


def test_the_async_dependency_answers_401_without_a_token(example):
    client = example.app.app.test_client()

    response = client.get("/todos/1")

    assert response.status_code == 401
    assert response.json() == {"statusCode": 401, "message": "Missing bearer token"}


@pytest.mark.parametrize("todo_id, status", [(1, 200), (2, 404)])
def test_the_test_client_runs_async_routes(example, todo_id, status):
    client = example.app.app.test_client()

    response = client.get(f"/todos/{todo_id}", headers={"Authorization": "Bearer bob"})

    assert response.status_code == status
