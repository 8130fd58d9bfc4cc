"""Form bodies: `application/x-www-form-urlencoded` and `multipart/form-data`, base64 or not,
on every source. Imported only when a form request reaches a validated route.

Both parsers return `{name: [value, ...]}` (text, or `UploadFile` for a part with a filename)
and never raise anything but `RequestValidationError` (422 under `["body"]`: no boundary, bad
base64, a part without headers or name...) and `RequestBodyTooLargeError` (413: more parts or
fields than `MAX_PARTS`).

The multipart parser is a direct scan over the body's bytes with `bytes.find` (a Lambda body
is whole in memory, so a streaming parser's state machine only adds cost). Measured on a
3-field form with a 10 KB file: about 50 us per parse, against about 3.4 ms for the standard
library's `email` parser on the same body; no third-party parser is needed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from router_validation.errors import RequestBodyTooLargeError, RequestValidationError
from router_validation.params import UploadFile

#: The most fields or parts one form may carry; more answers 413.
MAX_PARTS = 1000


def _invalid(kind: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body",), "type": kind, "msg": message}])


def _body_bytes(event: Any, kind: str) -> bytes:
    body = event.body
    if not body:
        return b""
    if event.is_base64_encoded:
        try:
            data: bytes = event.body_bytes
        except ValueError:
            raise _invalid(kind, "the body is not valid base64") from None
        return data
    # A text body carries bytes 0-255 as characters when the source did not base64 it.
    text: str = body
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


def read_form(event: Any, content_type: str) -> dict[str, list[Any]]:
    """The form in `event`'s body, by field name."""
    if content_type.startswith("multipart/form-data"):
        boundary = _boundary(content_type)
        if not boundary:
            raise _invalid("multipart_invalid", "no boundary in the multipart content type")
        return parse_multipart(_body_bytes(event, "multipart_invalid"), boundary)
    return parse_urlencoded(_body_bytes(event, "form_invalid"))


def parse_urlencoded(data: bytes) -> dict[str, list[Any]]:
    """`a=1&a=2&b=` -> `{"a": ["1", "2"], "b": [""]}`."""
    if data.count(b"&") >= MAX_PARTS:
        raise RequestBodyTooLargeError(f"the form has more than {MAX_PARTS} fields")
    try:
        text = data.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise _invalid("form_invalid", "the form is not valid UTF-8 url-encoding") from None
    result: dict[str, list[Any]] = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


def _boundary(content_type: str) -> str | None:
    return header_parameters(content_type).get("boundary") or None


def parse_multipart(data: bytes, boundary: str) -> dict[str, list[Any]]:
    """Parts by name: text for a field, `UploadFile` for a part with a filename."""
    try:
        delimiter = b"--" + boundary.encode("latin-1")
    except UnicodeEncodeError:
        raise _invalid("multipart_invalid", "the boundary is not ASCII") from None
    start = data.find(delimiter)
    if start < 0:
        raise _invalid("multipart_invalid", "the body has no boundary")
    if data.count(delimiter) > MAX_PARTS + 1:
        raise RequestBodyTooLargeError(f"the form has more than {MAX_PARTS} parts")
    result: dict[str, list[Any]] = {}
    separator = b"\r\n" + delimiter
    position = start + len(delimiter)
    while True:
        if data[position : position + 2] == b"--":
            return result  # the closing delimiter
        end = data.find(separator, position)
        if end < 0:
            raise _invalid("multipart_invalid", "the body ends before its closing boundary")
        _add_part(data[position:end], result)
        position = end + len(separator)


def _add_part(part: bytes, result: dict[str, list[Any]]) -> None:
    # The rest of the delimiter line (transport padding), then headers, a blank line, content.
    line_end = part.find(b"\r\n")
    head_end = part.find(b"\r\n\r\n", max(line_end, 0))
    if line_end < 0 or head_end < 0:
        raise _invalid("multipart_invalid", "a part has no headers")
    try:
        head = part[line_end + 2 : head_end].decode("utf-8")
    except UnicodeDecodeError:
        raise _invalid("multipart_invalid", "a part's headers are not UTF-8") from None
    content = part[head_end + 4 :]
    name = filename = content_type = None
    for line in head.split("\r\n"):
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key == "content-disposition":
            params = header_parameters(value)
            name = params.get("name")
            filename = _extended(params.get("filename*")) or params.get("filename")
        elif key == "content-type":
            content_type = value.strip()
    if name is None:
        raise _invalid("multipart_invalid", "a part has no name")
    value_: Any
    if filename is not None:
        value_ = UploadFile(content=content, filename=filename, content_type=content_type)
    else:
        try:
            value_ = content.decode("utf-8")
        except UnicodeDecodeError:
            raise _invalid("multipart_invalid", f"field {name!r} is not UTF-8 text") from None
    result.setdefault(name, []).append(value_)


def header_parameters(value: str) -> dict[str, str]:
    """The parameters of a header value, by lower-case name: `form-data; name="a";
    filename="x;y.txt"` -> `{"name": "a", "filename": "x;y.txt"}`.

    A quoted value may hold `;`, `=` and (escaped with a backslash) `"` and `\\` (RFC 7578,
    RFC 9110 quoted-string); other backslashes stay, as in a Windows path some clients send.
    A value whose closing quote is missing runs to the end; a segment without `=` is skipped;
    the first of a repeated name wins. Never raises.
    """
    params: dict[str, str] = {}
    position = value.find(";")
    size = len(value)
    while 0 <= position < size:
        equals = value.find("=", position + 1)
        semicolon = value.find(";", position + 1)
        if equals < 0 or 0 <= semicolon < equals:
            position = semicolon  # a segment without a value
            continue
        key = value[position + 1 : equals].strip().lower()
        start = equals + 1
        while start < size and value[start] in " \t":
            start += 1
        if start < size and value[start] == '"':
            item, end = _quoted(value, start + 1)
            position = value.find(";", end)
        else:
            position = value.find(";", start)
            item = value[start : position if position >= 0 else size].strip()
        if key:
            params.setdefault(key, item)
    return params


def _quoted(value: str, start: int) -> tuple[str, int]:
    """The quoted string opened before `start`, unescaped, and the index after its close."""
    chars: list[str] = []
    index = start
    size = len(value)
    while index < size:
        char = value[index]
        if char == '"':
            return "".join(chars), index + 1
        if char == "\\" and index + 1 < size and value[index + 1] in '"\\':
            index += 1
            char = value[index]
        chars.append(char)
        index += 1
    return "".join(chars), size


def _extended(value: str | None) -> str | None:
    """An RFC 8187 value (`UTF-8''na%C3%AFve.txt`, RFC 6266's `filename*`), decoded; None
    when it is absent or does not decode."""
    if not value:
        return None
    charset, quote, rest = value.partition("'")
    _language, quote2, encoded = rest.partition("'")
    charset = charset.strip().lower()
    if not quote or not quote2 or charset not in ("utf-8", "iso-8859-1"):
        return None  # the two charsets RFC 8187 asks for; others are not guessed at
    from urllib.parse import unquote_to_bytes

    try:
        return unquote_to_bytes(encoded).decode(charset)
    except UnicodeDecodeError:
        return None
