from __future__ import annotations

ORIGIN = "https://www.example.com"


def test_event_gives_the_expected_response(example):
    assert example.app.lambda_handler(example.event, None) == example.expected


def test_preflight_lists_the_methods_of_the_path(example):
    client = example.app.app.test_client()

    response = client.options(
        "/todos",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"},
    )

    assert response.status_code == 204
    assert response.header("Access-Control-Allow-Origin") == ORIGIN
    assert response.header("Access-Control-Allow-Methods") == "GET,OPTIONS,POST"
    assert response.header("Access-Control-Max-Age") == "300"
    assert response.header("Access-Control-Allow-Credentials") == "true"


def test_an_origin_that_is_not_allowed_gets_no_grant(example):
    client = example.app.app.test_client()

    response = client.get("/todos", headers={"Origin": "https://evil.example.net"})

    assert response.status_code == 200
    assert response.header("Access-Control-Allow-Origin") is None
    assert response.header("Vary") == "Origin"


def test_a_route_with_cors_false_gets_no_cors_headers(example):
    client = example.app.app.test_client()

    response = client.get("/healthcheck", headers={"Origin": ORIGIN})

    assert response.header("Access-Control-Allow-Origin") is None


def test_routing_answers_carry_cors_headers_too(example):
    client = example.app.app.test_client()

    response = client.get("/nowhere", headers={"Origin": ORIGIN})

    assert response.status_code == 404
    assert response.header("Access-Control-Allow-Origin") == ORIGIN
