"""The document and Swagger UI on every installed source (and the path templates with none)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from router_core.routing.rules import parse_rule
from router_openapi.paths import path_template


@pytest.mark.parametrize(
    ("rule", "template", "parameters"),
    [
        ("/todos/<todo_id:int>", "/todos/{todo_id}", {"todo_id": "integer"}),
        ("/files/<key:uuid>", "/files/{key}", {"key": "string"}),
        ("/v<major>/items", "/v{major}/items", {"major": "string"}),
        ("/api/v[0-9]+/status", "/api/{segment1}/status", {"segment1": "string"}),
    ],
)
def test_rules_become_templates_with_typed_parameters(
    rule: str, template: str, parameters: dict[str, str]
) -> None:
    found = path_template(parse_rule(rule))

    assert found.template == template
    assert {name: schema["type"] for name, schema in found.parameters.items()} == parameters


def test_every_source_documents_its_routes_and_serves_swagger_ui(source: Any) -> None:
    app = source.app()
    app.get("/todos/<todo_id:int>", summary="One todo")(lambda todo_id: {"id": todo_id})
    app.enable_swagger(path="/swagger", title="Todos")
    client = source.client(app)

    document = client.get("/swagger", query={"format": "json"})
    page = client.get("/swagger")

    assert document.status_code == 200
    assert document.header("Content-Type") == "application/json"
    served = json.loads(document.body)
    assert served["info"]["title"] == "Todos"
    assert served["servers"] == [{"url": "/"}]  # the test client's host is not execute-api
    assert list(served["paths"]) == ["/todos/{todo_id}"]
    assert page.status_code == 200
    assert page.header("Content-Type") == "text/html"
    assert "SwaggerUIBundle" in page.body.decode("utf-8")
