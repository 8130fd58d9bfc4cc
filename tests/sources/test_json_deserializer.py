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


def test_an_event_takes_powertools_parameters_in_powertools_order(source: Any) -> None:
    # Powertools: `APIGatewayProxyEvent(data, json_deserializer=None)`, either positional.
    event_class = source.resolver_class.event_class
    raw = make_event(source, '{"price": 12.10}')

    positional = event_class(raw, lambda text: json.loads(text, parse_float=decimal.Decimal))
    by_name = event_class(data=raw)

    assert positional.json_body == {"price": decimal.Decimal("12.10")}
    assert by_name.raw_event is raw and by_name.json_body == {"price": 12.1}
    with pytest.raises(ValueError, match=source.resolver_class.__name__):
        event_class({"not": "an event"})
    assert event_class({"not": "an event"}, None, False).raw_event == {"not": "an event"}


def test_the_event_signature_starts_as_powertools_does(source: Any) -> None:
    import inspect

    data_classes = pytest.importorskip("aws_lambda_powertools.utilities.data_classes")
    theirs = {
        "APIGatewayRestResolver": data_classes.APIGatewayProxyEvent,
        "APIGatewayHttpResolver": data_classes.APIGatewayProxyEventV2,
        "ALBResolver": data_classes.ALBEvent,
        "LambdaFunctionUrlResolver": data_classes.LambdaFunctionUrlEvent,
    }[source.resolver_class.__name__]

    ours = list(inspect.signature(source.resolver_class.event_class).parameters)
    assert ours[:2] == list(inspect.signature(theirs).parameters)


def test_a_bool_where_the_deserializer_goes_is_named_when_the_body_is_read(source: Any) -> None:
    event = source.resolver_class.event_class(make_event(source, "{}"), False)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="pass validate=False by name"):
        _ = event.json_body
