"""`over_limit` and `response_size` against what `json.dumps` makes of a result, byte for byte."""

from __future__ import annotations

import json
import os
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from router_core.limits import over_limit, response_size, runtime_escapes_non_ascii

# Every kind of character the runtime's JSON treats differently: printable ASCII, quotes and
# backslashes, control characters, DEL, non-ASCII of the BMP, astral ones, lone surrogates.
_CHARS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(['"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "\u2028"]),
    st.characters(min_codepoint=0x80, max_codepoint=0xFFFF, exclude_categories=["Cs"]),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
    st.characters(categories=["Cs"]),
)
_BODIES = st.one_of(
    st.text(_CHARS, max_size=300),
    # Long bodies take the counting path.
    st.tuples(st.text(_CHARS, min_size=1, max_size=20), st.integers(250, 600)).map(
        lambda repeated: repeated[0] * repeated[1]
    ),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=4097, max_size=6000),
)


def _runtime_size(result: dict[str, Any], escape: bool) -> int:
    return len(json.dumps(result, ensure_ascii=escape).encode("utf-8", "surrogatepass"))


def _rest_result(body: str, cookie: str = "a=1") -> dict[str, Any]:
    return {
        "statusCode": 200,
        "multiValueHeaders": {"Content-Type": ["text/plain"], "Set-Cookie": [cookie]},
        "body": body,
        "isBase64Encoded": False,
    }


def _http_result(body: str, cookie: str = "a=1") -> dict[str, Any]:
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "text/plain", "X-Note": cookie},
        "cookies": [cookie],
        "body": body,
        "isBase64Encoded": False,
    }


@settings(max_examples=300, database=None, deadline=None)
@given(
    body=_BODIES,
    cookie=st.text(_CHARS, max_size=20),
    escape=st.booleans(),
    shape=st.sampled_from([_rest_result, _http_result]),
)
def test_the_size_is_what_json_dumps_sends(
    body: str, cookie: str, escape: bool, shape: Any
) -> None:
    result = shape(body, cookie)
    assert response_size(result, escape) == _runtime_size(result, escape)


@settings(max_examples=300, database=None, deadline=None)
@given(
    body=_BODIES,
    cookie=st.text(_CHARS, max_size=20),
    escape=st.booleans(),
    delta=st.integers(-3, 3),
)
def test_over_limit_exactly_at_the_limit(body: str, cookie: str, escape: bool, delta: int) -> None:
    runtime = "AWS_Lambda_python3.11" if escape else "AWS_Lambda_python3.13"
    result = _rest_result(body, cookie)
    size = _runtime_size(result, escape)
    limit = size + delta

    with mock.patch.dict(os.environ, {"AWS_EXECUTION_ENV": runtime}):
        assert over_limit(result, limit) == (size if size > limit else None)


@pytest.mark.parametrize(
    ("execution_env", "escapes"),
    [
        ("AWS_Lambda_python3.9", True),
        ("AWS_Lambda_python3.11", True),
        ("AWS_Lambda_python3.12", False),
        ("AWS_Lambda_python3.13", False),
    ],
)
def test_the_runtime_is_read_from_the_execution_env(
    execution_env: str, escapes: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_EXECUTION_ENV", execution_env)
    assert runtime_escapes_non_ascii() is escapes
    body = "é" * 100_000  # 2 bytes in UTF-8, 6 escaped
    limit = 300_000
    assert (over_limit(_rest_result(body), limit) is not None) is escapes


def test_without_execution_env_the_interpreter_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.delenv("AWS_EXECUTION_ENV", raising=False)
    assert runtime_escapes_non_ascii() is (sys.version_info < (3, 12))


def test_escaping_of_ascii_counts_too() -> None:
    body = '"' * 600_000  # each quote is sent as \" : twice the length
    result = _rest_result(body)
    assert over_limit(result, 1_000_000) == _runtime_size(result, True)
    assert over_limit(result, 1_300_000) is None


def test_small_results_are_settled_by_the_bound() -> None:
    result = _rest_result("x" * 1000)
    assert over_limit(result, 6 * 1024 * 1024) is None


def test_a_huge_header_is_counted() -> None:
    result = _http_result("ok")
    result["headers"]["X-Big"] = "h" * 2_000_000
    assert over_limit(result, 1024 * 1024) == _runtime_size(result, True)


@pytest.mark.parametrize("odd", [None, 7, ["x", 1], {"nested": True}])
def test_unusual_values_are_measured_not_refused(odd: Any) -> None:
    result = _http_result("ok")
    result["headers"]["X-Odd"] = odd
    result["extra"] = odd
    assert over_limit(result, 10) == len(json.dumps(result, default=str))


def test_unusual_values_in_a_result_are_measured_as_the_runtime_would_send_them() -> None:
    class Opaque:
        def __str__(self) -> str:
            return "o" * 50

    result = {"statusCode": 200, "body": "x", "extra": Opaque(), "headers": {"a": Opaque()}}
    expected = len(json.dumps(result, default=str))

    assert over_limit(result, expected - 1) == expected
    assert over_limit(result, expected) is None


@pytest.mark.parametrize(("escape", "per_del"), [(True, 6), (False, 1)])
def test_del_is_escaped_only_when_non_ascii_is(escape: bool, per_del: int) -> None:
    body = "\x7f" * 5000  # long: measured by counting
    result = {"body": body}

    assert response_size(result, escape) == len(json.dumps(result, ensure_ascii=escape))
    assert response_size(result, escape) == len('{"body": ""}') + 5000 * per_del
