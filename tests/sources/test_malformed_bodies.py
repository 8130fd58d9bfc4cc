"""A malformed body is a 400, and still the `ValueError` a Powertools app's handler expects.

Powertools raises `json.JSONDecodeError`, `binascii.Error` or `UnicodeDecodeError` for these
bodies, all `ValueError`s: an `exception_handler(ValueError)` written for it keeps receiving
ours (`BadRequestBodyError`, a `BadRequestError` and a `ValueError`). Unhandled, it answers 400.
"""

from __future__ import annotations

import base64
import binascii
import json
import warnings
from typing import Any

import pytest

from router_core import Response
from router_core.codec import HTTPRequest
from router_core.exceptions import BadRequestBodyError, BadRequestError

# (what the client sent, isBase64Encoded, the member that reads it, Powertools' exception)
MALFORMED = [
    pytest.param('{"title": ', False, "json_body", json.JSONDecodeError, id="invalid-json"),
    pytest.param("%%%not-base64", True, "decoded_body", binascii.Error, id="invalid-base64"),
    pytest.param(
        base64.b64encode(b"\xff\xfe caf\xe9").decode(),
        True,
        "decoded_body",
        UnicodeDecodeError,
        id="invalid-utf8",
    ),
    pytest.param(
        base64.b64encode(b'{"a": "\xff"}').decode(),
        True,
        "json_body",
        UnicodeDecodeError,
        id="json-not-utf8",
    ),
]


def send(source: Any, app: Any, body: str, is_base64: bool) -> Any:
    """POST /todos with `body` placed in the event as the source would carry it."""
    client = source.client(app)
    request = HTTPRequest("POST", "/todos", [("Content-Type", "application/json")], [], b"x")
    event = client.codec.to_event(request, None)
    event["body"] = body
    event["isBase64Encoded"] = is_base64
    return app.resolve(event, None)


@pytest.mark.parametrize(("body", "is_base64", "member", "powertools_error"), MALFORMED)
def test_unhandled_it_answers_400(
    source: Any, body: str, is_base64: bool, member: str, powertools_error: type[Exception]
) -> None:
    app = source.app()

    @app.post("/todos")
    def create() -> dict[str, Any]:
        return {"read": repr(getattr(app.current_event, member))}

    result = send(source, app, body, is_base64)
    assert result["statusCode"] == 400
    message = json.loads(result["body"])
    assert message["statusCode"] == 400
    assert message["message"].startswith("Request body is not valid")


@pytest.mark.parametrize(("body", "is_base64", "member", "powertools_error"), MALFORMED)
def test_a_value_error_handler_receives_it(
    source: Any, body: str, is_base64: bool, member: str, powertools_error: type[Exception]
) -> None:
    app = source.app()
    seen: list[Exception] = []

    @app.exception_handler(ValueError)
    def bad_value(error: ValueError) -> Response:
        seen.append(error)
        return Response(422, "application/json", json.dumps({"error": "unreadable body"}))

    @app.post("/todos")
    def create() -> dict[str, Any]:
        return {"read": repr(getattr(app.current_event, member))}

    result = send(source, app, body, is_base64)
    assert result["statusCode"] == 422
    assert json.loads(result["body"]) == {"error": "unreadable body"}
    assert len(seen) == 1
    assert isinstance(seen[0], BadRequestBodyError)
    assert isinstance(seen[0], BadRequestError) and isinstance(seen[0], ValueError)


@pytest.mark.parametrize(("body", "is_base64", "member", "powertools_error"), MALFORMED)
def test_powertools_raises_a_value_error_for_the_same_body(
    body: str, is_base64: bool, member: str, powertools_error: type[Exception]
) -> None:
    data_classes = pytest.importorskip("aws_lambda_powertools.utilities.data_classes")
    event = data_classes.APIGatewayProxyEvent(
        {"httpMethod": "POST", "path": "/todos", "body": body, "isBase64Encoded": is_base64}
    )
    with warnings.catch_warnings(), pytest.raises(powertools_error) as raised:
        getattr(event, member)
    assert isinstance(raised.value, ValueError)


def test_a_bad_request_handler_is_preferred_to_a_value_error_handler(source: Any) -> None:
    app = source.app()

    @app.exception_handler(ValueError)
    def bad_value(error: ValueError) -> Response:
        return Response(422, "text/plain", "value")

    @app.exception_handler(BadRequestError)
    def bad_request(error: BadRequestError) -> Response:
        return Response(400, "text/plain", f"bad request: {error.msg}")

    @app.post("/todos")
    def create() -> dict[str, Any]:
        return {"read": app.current_event.json_body}

    result = send(source, app, "{nope", False)
    assert (result["statusCode"], result["body"]) == (
        400,
        "bad request: Request body is not valid JSON",
    )


def test_json_body_keeps_big_integers_and_refuses_deep_nesting(source: Any) -> None:
    app = source.app()

    @app.post("/todos")
    def create() -> dict[str, Any]:
        return {"id": str(app.current_event.json_body["id"])}

    result = send(source, app, '{"id": 123456789012345678901234567890}', False)
    assert json.loads(result["body"]) == {"id": "123456789012345678901234567890"}
    result = send(source, app, "[" * 600 + "]" * 600, False)
    assert result["statusCode"] == 400
    assert json.loads(result["body"])["message"] == "Request body nests deeper than 512 levels"
