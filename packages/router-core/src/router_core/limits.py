"""The size of a Lambda result as the runtime sends it, checked against a source's limit.

The Python runtime serializes the result dict with `json.dumps` (default separators), so a
body grows by its own JSON escaping (`"` is `\\"`, a newline `\\n`, a control character
`\\u0001`). Runtimes up to Python 3.11 also escape every non-ASCII character (`\\u00e9`, six
bytes; a character outside the BMP is a surrogate pair, twelve); 3.12 and later send it as
UTF-8. Which runtime runs is read from `AWS_EXECUTION_ENV` (`AWS_Lambda_python3.12`), or, when
that is absent (tests, the local server), from the running interpreter.

`over_limit` answers cheaply for the common case: a bound from the lengths of the strings in
the result (a character is at most twelve bytes once escaped) settles every result well under
the limit; only one that might be over it is measured exactly.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The most bytes one character can take in the runtime's JSON: `\\ud83d\\ude00`.
WORST_GROWTH = 12
# What the envelope may add around its strings: keys, quotes, separators, numbers, flags.
_SLACK = 1024
# Escaping runtimes by AWS_EXECUTION_ENV value, parsed once per value.
_ESCAPING: dict[str, bool] = {}


def over_limit(result: dict[str, Any], limit: int) -> int | None:
    """The modelled size in bytes of `result` when it is over `limit`, else None.

    >>> over_limit({"statusCode": 200, "body": "x" * 2_000_000}, 1024 * 1024)
    2000031
    """
    chars = 0
    ascii_chars = 0
    for value in result.values():
        kind = type(value)
        if kind is str:
            # ASCII grows at most 6 times (`\u0001`); other text up to 12 (a surrogate pair).
            if value.isascii():
                ascii_chars += len(value)
            else:
                chars += len(value)
        elif kind is dict:
            chars += _chars_of_dict(value)
        elif kind is list:
            chars += _chars_of_list(value)
        elif not (value is None or isinstance(value, (int, float))):
            chars = 1 << 40  # something unusual: measure it
    if ascii_chars * 6 + chars * WORST_GROWTH + _SLACK <= limit:
        return None
    size = response_size(result)
    return size if size > limit else None


def response_size(result: dict[str, Any], escape_non_ascii: bool | None = None) -> int:
    """The exact size in bytes of `json.dumps(result, ensure_ascii=escape_non_ascii)` encoded
    as UTF-8, as the runtime sends it (`escape_non_ascii` None: the running runtime's choice).
    A long body is measured apart, by counting, without building its escaped copy."""
    if escape_non_ascii is None:
        escape_non_ascii = runtime_escapes_non_ascii()
    body = result.get("body")
    if type(body) is str and len(body) > 4096:
        envelope = dict(result)
        envelope["body"] = ""
        return _json_size(envelope, escape_non_ascii) - 2 + _string_size(body, escape_non_ascii)
    return _json_size(result, escape_non_ascii)


def runtime_escapes_non_ascii() -> bool:
    """Whether the Lambda runtime escapes non-ASCII characters in the response (before 3.12)."""
    import os

    execution_env = os.environ.get("AWS_EXECUTION_ENV") or ""
    escapes = _ESCAPING.get(execution_env)
    if escapes is None:
        escapes = _parse_escaping(execution_env)
        if len(_ESCAPING) < 16:
            _ESCAPING[execution_env] = escapes
    return escapes


def _parse_escaping(execution_env: str) -> bool:
    import re
    import sys

    found = re.search(r"python(\d+)\.(\d+)", execution_env)
    version = (int(found[1]), int(found[2])) if found else sys.version_info[:2]
    return version < (3, 12)


def _chars_of_dict(headers: dict[Any, Any]) -> int:
    chars = 0
    for name, value in headers.items():
        chars += len(name) + 8 if type(name) is str else 64
        if type(value) is str:
            chars += len(value)
        elif type(value) is list:
            chars += _chars_of_list(value)
        else:
            chars += 64 if value is None or type(value) in (int, bool, float) else 1 << 40
    return chars


def _chars_of_list(values: list[Any]) -> int:
    chars = 0
    for value in values:
        # A non-str item is unusual in a result: count it as too big, so it is measured.
        chars += len(value) + 4 if type(value) is str else 1 << 40
    return chars


def _json_size(value: Any, escape_non_ascii: bool) -> int:
    import json

    try:
        text = json.dumps(value, ensure_ascii=escape_non_ascii)
    except (TypeError, ValueError):
        # Not what the runtime can send as it is; str() is what it would need.
        text = json.dumps(value, ensure_ascii=escape_non_ascii, default=str)
    if escape_non_ascii or text.isascii():
        return len(text)
    # A lone surrogate cannot be UTF-8: count the three bytes it would take if it were.
    return len(text.encode("utf-8", "surrogatepass"))


def _string_size(text: str, escape_non_ascii: bool) -> int:
    """`len(json.dumps(text, ...))` in bytes; ASCII, the usual body, measured by orjson."""
    if not text.isascii():
        return _json_size(text, escape_non_ascii)
    import orjson

    # orjson escapes ASCII as json.dumps does (`\"`, `\\`, `\n`, `\u001f`), in one fast
    # pass, except DEL, which json.dumps escapes only with ensure_ascii.
    size = len(orjson.dumps(text))
    if escape_non_ascii and "\x7f" in text:
        size += 5 * text.count("\x7f")
    return size
