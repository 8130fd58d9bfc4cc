from __future__ import annotations


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_an_unknown_tenant_answers_401_from_the_dependency(example):
    client = example.app.app.test_client()

    response = client.get("/orders/42", headers={"X-Tenant-Id": "initech"})

    assert response.status_code == 401
    assert response.json() == {"statusCode": 401, "message": "Unknown tenant"}


def test_a_test_replaces_a_dependency_with_an_override(example):
    app = example.app.app
    app.dependency_overrides[example.app.get_tenant] = lambda: "globex"
    try:
        response = app.test_client().get("/orders/7")  # no X-Tenant-Id header needed
    finally:
        app.dependency_overrides.clear()

    assert response.status_code == 200
    assert response.json() == {
        "order": {"id": 7, "tenant": "Globex Inc", "table": "orders-globex"},
        "fields": "all",
    }


def test_the_override_is_gone_once_cleared(example):
    response = example.app.app.test_client().get("/orders/7")

    assert response.status_code == 401
