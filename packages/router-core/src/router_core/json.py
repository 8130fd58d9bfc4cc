"""`loads`: parse a request's JSON without losing or breaking data.

orjson is fast but turns an integer past 64 bits into a float silently: a document with a long
digit run is parsed again by the standard library, which keeps integers exact. orjson parses
every document first either way, so both paths accept exactly the same JSON (no lone
surrogates, no `NaN`, no invalid UTF-8). Documents nested deeper than `MAX_DEPTH` are refused:
a client cannot make the function recurse without bound, and what it sends can be echoed.
"""

from __future__ import annotations

import orjson

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The deepest nesting of arrays and objects a request body may have.
MAX_DEPTH = 512

# Every digit becomes "0" and "{" becomes "[", so one translated copy answers both cheap
# questions: is there a run of 19 digits (the shortest integer past 64 bits, -2**63 - 1), and
# how many containers open.
_TABLE = bytes(0x30 if 0x30 <= b <= 0x39 else 0x5B if b == 0x7B else b for b in range(256))
_LONG_DIGITS = b"0" * 19


def loads(data: bytes | str) -> Any:
    """The JSON value of `data`; `BadRequestBodyError` (400, also a `ValueError`) when it is
    not valid JSON or nests deeper than `MAX_DEPTH`.

    >>> loads(b'{"id": 123456789012345678901234567890}')
    {'id': 123456789012345678901234567890}
    """
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise _error(str(error)) from None
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) < 19:
        return value
    marked = raw.translate(_TABLE)
    if len(raw) >= 2 * MAX_DEPTH and marked.count(b"[") > MAX_DEPTH and _too_deep(value):
        raise _too_deep_error()
    if marked.find(_LONG_DIGITS) != -1:
        import json

        # Validated by orjson above and no deeper than MAX_DEPTH: this cannot fail.
        value = json.loads(raw)
    return value


def _too_deep(value: Any) -> bool:
    """Whether `value` nests more than `MAX_DEPTH` arrays and objects (iteratively)."""
    if not isinstance(value, (dict, list)):
        return False  # a string full of brackets
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = item.values() if isinstance(item, dict) else item
        for child in children:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
    return False


def _too_deep_error() -> Exception:
    from router_core.exceptions import BadRequestBodyError

    return BadRequestBodyError(f"Request body nests deeper than {MAX_DEPTH} levels")


def _error(reason: str) -> Exception:
    from router_core.exceptions import BadRequestBodyError

    if "depth limit" in reason:  # orjson's own limit (1024)
        return _too_deep_error()
    return BadRequestBodyError("Request body is not valid JSON")
