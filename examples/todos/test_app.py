from __future__ import annotations

import json

import pytest


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_create_read_update_delete(example):
    client = example.app.app.test_client()

    created = client.post("/todos", json={"title": "Water the plants"})
    assert created.status_code == 201
    assert created.header("Location") == "/todos/4"
    assert created.json() == {"id": 4, "title": "Water the plants", "completed": False}

    assert client.get("/todos/4").json()["title"] == "Water the plants"
    assert client.patch("/todos/4", json={"completed": True}).json()["completed"] is True
    assert [t["id"] for t in client.get("/todos?completed=true").json()["todos"]] == [2, 4]

    assert client.delete("/todos/4").status_code == 204
    assert client.get("/todos/4").json() == {"statusCode": 404, "message": "Todo 4 not found"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "A todo needs a title"),
        ({"title": "  "}, "title must be a non-empty string"),
        ({"title": "x", "completed": "yes"}, "completed must be true or false"),
        ([], "The body must be a JSON object"),
    ],
)
def test_invalid_todos_answer_400(example, body, message):
    response = example.app.app.test_client().post("/todos", json=body)

    assert response.status_code == 400
    assert response.json() == {"statusCode": 400, "message": message}


def test_the_front_end_may_call_it_from_the_browser(example):
    origin = "https://todos.example.com"
    response = example.app.app.test_client().options(
        "/todos/1", headers={"Origin": origin, "Access-Control-Request-Method": "PATCH"}
    )

    assert response.status_code == 204
    assert response.header("Access-Control-Allow-Origin") == origin
    methods = response.header("Access-Control-Allow-Methods")
    assert methods == "DELETE,GET,OPTIONS,PATCH,PUT"


def test_the_function_url_handler_serves_the_same_routes(load):
    function_url = load("function_url")
    client = function_url.app.test_client()

    response = client.get("/todos/2")

    assert response.status_code == 200
    assert response.json() == {"id": 2, "title": "Write the docs", "completed": True}
    assert response.raw["cookies"] == []  # the payload 2.0 response shape


def test_the_local_server_serves_it_over_http(example, monkeypatch):
    """What `nox -s demo` runs: `router serve app:app --app-dir examples/todos`."""
    pytest.importorskip("router_local")
    import sys
    import threading
    import urllib.request

    from router_local import load_target, make_server

    # The app's modules (`app`, `routers`, `store`) are imported by name, as Lambda does:
    # they leave sys.modules and sys.path when the test ends.
    for name in [m for m in sys.modules if m in ("app", "store") or m.startswith("routers")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(sys, "modules", dict(sys.modules))
    target = load_target("app:app", app_dir=str(example.folder))
    server = make_server(target, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/todos"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "application/json"
            assert len(json.loads(response.read())["todos"]) == 3
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
