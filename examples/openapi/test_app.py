from __future__ import annotations

import json


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_the_document_covers_every_route_and_swagger_ui_is_served(example):
    client = example.app.app.test_client()

    document = client.get("/swagger", query={"format": "json"}).json()
    assert sorted(document["paths"]) == ["/todos", "/todos/{todo_id}"]
    assert sorted(document["paths"]["/todos/{todo_id}"]) == ["delete", "get"]
    page = client.get("/swagger")
    assert page.status_code == 200
    assert "SwaggerUIBundle" in page.body.decode()
    assert json.loads(example.app.app.get_openapi_json_schema())["info"]["title"] == "Todos"
