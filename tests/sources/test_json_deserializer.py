"""`json_deserializer`: Powertools' option for parsing `json_body`, on every source's event."""

from __future__ import annotations

import decimal
import json
from typing import Any

import pytest

from router_core.codec import HTTPRequest
from router_core.exceptions import BadRequestBodyError


def make_event(source: Any, body: str) -> dict[str, Any]:
    client = source.client(source.app())
    request = HTTPRequest("POST", "/orders", [("Content-Type", "application/json")], [], b"x")
    event: dict[str, Any] = client.codec.to_event(request, None)
    event["body"] = body
    event["isBase64Encoded"] = False
    return event


def test_the_deserializer_parses_json_body_from_the_decoded_text(source: Any) -> None:
    calls: list[str] = []

    def exact_decimals(text: str) -> Any:
        calls.append(text)
        return json.loads(text, parse_float=decimal.Decimal)

    event_class = source.resolver_class.event_class
    event = event_class(make_event(source, '{"price": 12.10}'), json_deserializer=exact_decimals)
    assert event.json_body == {"price": decimal.Decimal("12.10")}
    assert event.json_body is event.json_body  # parsed once
    assert calls == ['{"price": 12.10}']


def test_a_value_error_from_the_deserializer_is_a_bad_request_body(source: Any) -> None:
    event_class = source.resolver_class.event_class
    event = event_class(make_event(source, "{oops"), json_deserializer=json.loads)
    with pytest.raises(BadRequestBodyError, match="not valid JSON") as raised:
        _ = event.json_body
    assert isinstance(raised.value.__cause__, json.JSONDecodeError)


def test_without_a_deserializer_the_built_in_parser_is_used(source: Any) -> None:
    event = source.resolver_class.event_class(make_event(source, '{"price": 12.10}'))
    assert event.json_body == {"price": 12.1}
