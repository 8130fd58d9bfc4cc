"""JSON serialization: compact, orjson natives, and what the fallback adds."""

from __future__ import annotations

import dataclasses
import datetime
import uuid
from decimal import Decimal
from enum import Enum

import orjson
import pytest

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
