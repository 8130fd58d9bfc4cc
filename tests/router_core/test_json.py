"""`router_core.json.loads`: request JSON parsed without losing or breaking data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from router_core.exceptions import BadRequestBodyError, BadRequestError
from router_core.json import MAX_DEPTH, loads


@pytest.mark.parametrize(
    "number",
    [
        123456789012345678901234567890,
        18446744073709551616,  # 2**64, one past orjson's unsigned range
        -9223372036854775809,  # one below its signed range, 19 digits
        -(10**40),
    ],
)
def test_integers_past_64_bits_stay_exact(number: int) -> None:
    value = loads(f'{{"id": {number}, "n": [1, 2.5]}}'.encode())
    assert value == {"id": number, "n": [1, 2.5]}
    assert type(value["id"]) is int


def test_integers_within_64_bits_and_long_digit_strings() -> None:
    assert loads(b"[18446744073709551615, -9223372036854775808]") == [
        18446744073709551615,
        -9223372036854775808,
    ]
    # A long digit run inside a string takes the exact path too, with the same result.
    assert loads(b'{"card": "4111111111111111111111"}') == {"card": "4111111111111111111111"}


@settings(max_examples=200, database=None, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=4), children, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_any_document_round_trips_exactly(value: Any) -> None:
    assert loads(json.dumps(value).encode()) == value
    assert loads(json.dumps(value)) == value  # text as well as bytes


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'"\\ud800"',  # a lone surrogate escape
        b'"\\x41"',  # an invalid escape
        b"[NaN]",
        b"[1e400]",
        b'{"a": 1}\xff',  # not UTF-8
        b'{"n": 123456789012345678901234567890, "s": "\\udc00"}',  # the exact path validates too
        b"",
    ],
)
def test_malformed_documents_are_a_bad_request_and_a_value_error(body: bytes) -> None:
    with pytest.raises(BadRequestBodyError, match="not valid JSON") as raised:
        loads(body)
    assert isinstance(raised.value, BadRequestError) and isinstance(raised.value, ValueError)
    assert raised.value.status_code == 400


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 1025, 5000])
def test_documents_nested_past_the_cap_are_refused(depth: int) -> None:
    for opener, closer in ((b"[", b"]"), (b'{"a":', b"}")):
        with pytest.raises(BadRequestBodyError, match=f"deeper than {MAX_DEPTH}"):
            loads(opener * depth + b"1" + closer * depth)


def test_documents_at_the_cap_and_many_shallow_containers_are_accepted() -> None:
    deep = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    value = loads(deep)
    for _ in range(MAX_DEPTH - 1):
        value = value[0]
    assert value == []
    wide = json.dumps([{"id": i, "tags": [i]} for i in range(2000)]).encode()
    assert len(loads(wide)) == 2000
    brackets = json.dumps({"text": "[" * 3000}).encode()  # brackets inside a string
    assert loads(brackets) == {"text": "[" * 3000}
