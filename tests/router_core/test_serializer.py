"""JSON serialization: compact, orjson natives, and what the fallback adds."""

from __future__ import annotations

import dataclasses
import datetime
import json
import uuid
from decimal import Decimal
from enum import Enum
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from router_core.serializer import dumps, dumps_pretty


class Color(Enum):
    RED = "red"


@dataclasses.dataclass
class Todo:
    id: int
    title: str


class Model:
    def model_dump(self) -> dict[str, object]:
        return {"price": Decimal("9.99")}


def test_compact_output() -> None:
    assert dumps({"a": 1, "b": [1, 2]}) == '{"a":1,"b":[1,2]}'


def test_native_types() -> None:
    value = {
        "when": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "color": Color.RED,
        "todo": Todo(1, "x"),
        1: "non-str key",
    }
    assert orjson.loads(dumps(value)) == {
        "when": "2024-01-02T03:04:05+00:00",
        "id": "12345678-1234-5678-1234-567812345678",
        "color": "red",
        "todo": {"id": 1, "title": "x"},
        "1": "non-str key",
    }


def test_finite_decimal_is_an_exact_number() -> None:
    assert dumps({"amount": Decimal("12345678901234567890.123456789")}) == (
        '{"amount":12345678901234567890.123456789}'
    )
    assert dumps([Decimal("NaN")]) == '["NaN"]'


def test_model_dump_objects_and_sets() -> None:
    assert dumps(Model()) == '{"price":9.99}'
    assert dumps({"tags": {"a"}}) == '{"tags":["a"]}'


def test_unknown_objects_raise_type_error() -> None:
    with pytest.raises(TypeError):
        dumps(object())


def test_pretty() -> None:
    assert dumps_pretty({"a": 1}) == '{\n  "a": 1\n}'


BIG = 123456789012345678901234567890


@dataclasses.dataclass
class Account:
    balance: int
    owner: str


class BigModel:
    def model_dump(self) -> dict[str, object]:
        return {"id": BIG, "price": Decimal("1.10")}


class Level(Enum):
    HUGE = 2**80


def test_integers_past_64_bits_come_back_exact() -> None:
    value = {"n": BIG, "neg": -BIG, "list": [1, 2**64], "tuple": (2**64 - 1, -(2**63) - 1)}
    text = dumps(value)
    assert text == (
        '{"n":123456789012345678901234567890,"neg":-123456789012345678901234567890,'
        '"list":[1,18446744073709551616],"tuple":[18446744073709551615,-9223372036854775809]}'
    )
    assert json.loads(text) == {**value, "tuple": list(value["tuple"])}


def test_the_fallback_keeps_orjson_and_default_types_as_they_were() -> None:
    when = datetime.datetime(2024, 1, 2, 3, 4, 5, 678, tzinfo=datetime.timezone.utc)
    ordinary: dict[Any, Any] = {
        "when": when,
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "color": Color.RED,
        "todo": Todo(1, "é"),
        "price": Decimal("0.1"),
        "model": Model(),
        7: "int key",
        when: "datetime key",
    }
    with_big = {**ordinary, "account": Account(BIG, "ana"), "big_model": BigModel()}
    with_big["level"] = Level.HUGE
    with_big[2**70] = "huge key"
    expected = dumps(ordinary)[:-1] + (
        ',"account":{"balance":123456789012345678901234567890,"owner":"ana"},'
        '"big_model":{"id":123456789012345678901234567890,"price":1.10},'
        '"level":1208925819614629174706176,"1180591620717411303424":"huge key"}'
    )
    assert dumps(with_big) == expected


def test_lone_surrogates_are_sent_as_escapes() -> None:
    value = {"text": "a\ud800b", "pair": "\ud83d\ude00", "keep": "é😀", "\udfff": ["\udc00", 1]}
    text = dumps(value)
    assert text == (
        '{"text":"a\\ud800b","pair":"\\ud83d\\ude00","keep":"é😀","\\udfff":["\\udc00",1]}'
    )
    text.encode("utf-8")  # what the runtime does with the response: it must not fail
    assert json.loads(text) == {
        "text": "a\ud800b",
        "pair": "😀",
        "keep": "é😀",
        "\udfff": ["\udc00", 1],
    }


def test_a_surrogate_key_next_to_other_keys_keeps_their_encoding() -> None:
    value = {"\ud800": Decimal("2.50"), 3: True, "n": BIG}
    assert dumps(value) == '{"\\ud800":2.50,"3":true,"n":123456789012345678901234567890}'


def test_pretty_output_falls_back_too() -> None:
    assert dumps_pretty({"n": BIG, "s": "\ud800"}) == (
        '{\n  "n": 123456789012345678901234567890,\n  "s": "\\ud800"\n}'
    )


def test_an_unknown_object_still_raises_type_error_next_to_a_big_integer() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"n": BIG, "x": object()})


# Lone surrogates (category Cs) included: a client's JSON may carry them as escapes.
_TEXT = st.text(st.characters(categories=["Cs", "Ll", "Lo", "Nd", "Cc", "So", "Po"]), max_size=6)


@settings(max_examples=200, database=None, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=5), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_any_json_value_round_trips_exactly(value: Any) -> None:
    text = dumps(value)
    text.encode("utf-8")
    assert json.loads(text) == value


@pytest.mark.parametrize("payload", [{"id": BIG}, {"echo": "bad \udc80 text"}])
def test_an_app_answers_with_exact_json(payload: dict[str, Any]) -> None:
    router_rest = pytest.importorskip("router_rest")
    app = router_rest.APIGatewayRestResolver()

    @app.get("/value")
    def value() -> dict[str, Any]:
        return payload

    response = app.test_client().get("/value")

    assert response.status_code == 200
    assert json.loads(response.raw["body"]) == payload
    response.raw["body"].encode("utf-8")


class Shade(Enum):
    RED = "red"


@dataclasses.dataclass
class Spot:
    x: int
    tags: tuple[str, ...]


class DumpedModel:
    """Stands for a pydantic model: anything with `model_dump()`."""

    def model_dump(self) -> dict[str, Any]:
        return {"name": "m", "big": BIG}


def test_a_route_answers_every_supported_type_through_the_fake_source() -> None:
    from fake_source import FakeResolver, event

    app = FakeResolver()
    when = datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.timezone.utc)
    ident = uuid.UUID("12345678-1234-5678-1234-567812345678")

    @app.get("/types")
    def types() -> dict[Any, Any]:
        return {
            "when": when,
            "day": when.date(),
            "id": ident,
            "colour": Shade.RED,
            "point": Spot(1, ("a", "b")),
            "price": Decimal("12.50"),
            "model": DumpedModel(),
            "set": {3},
            "nested": [Spot(2, ()), (Shade.RED, BIG)],
            7: "int key",
            "surrogate": "bad \ud800",
        }

    result = app.resolve(event("GET", "/types"), None)

    assert result["status"] == 200
    assert result["headers"]["Content-Type"] == ["application/json"]
    body = result["body"]
    body.encode("utf-8")  # deliverable by a runtime that sends UTF-8
    assert '"price":12.50' in body
    assert json.loads(body) == {
        "when": "2024-05-01T12:30:00+00:00",
        "day": "2024-05-01",
        "id": "12345678-1234-5678-1234-567812345678",
        "colour": "red",
        "point": {"x": 1, "tags": ["a", "b"]},
        "price": 12.5,
        "model": {"name": "m", "big": BIG},
        "set": [3],
        "nested": [{"x": 2, "tags": []}, ["red", BIG]],
        "7": "int key",
        "surrogate": "bad \ud800",
    }
