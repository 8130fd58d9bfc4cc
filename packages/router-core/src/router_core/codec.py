"""The codec interface: a source's two-way mapping between HTTP and Lambda.

Each adapter implements it once; the resolver uses `encode`, and the test client and the
local server use `to_event` (HTTP request -> event) and `to_http` (Lambda result -> HTTP
response, as the service would deliver it).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, NoReturn

    from router_core.event import BaseEvent
    from router_core.response import Response

SIX_MB = 6 * 1024 * 1024


class HTTPRequest:
    """An HTTP request as a client sends it. `path` is as on the wire (percent-encoded)."""

    __slots__ = ("body", "headers", "host", "method", "path", "query", "source_ip")

    def __init__(
        self,
        method: str,
        path: str,
        headers: list[tuple[str, str]] | None = None,
        query: list[tuple[str, str]] | None = None,
        body: bytes = b"",
        host: str = "localhost",
        source_ip: str = "127.0.0.1",
    ) -> None:
        self.method = method.upper()
        self.path = path
        self.headers = headers or []
        self.query = query or []
        self.body = body
        self.host = host
        self.source_ip = source_ip

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in reversed(self.headers):
            if key.lower() == lowered:
                return value
        return None


class HTTPResponse:
    """An HTTP response as a client receives it; `headers` keeps repeated names."""

    __slots__ = ("body", "headers", "status_code")

    def __init__(self, status_code: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status_code = status_code
        self.headers = headers
        self.body = body


class Codec:
    """A source's mapping. Subclasses implement all three directions."""

    #: The largest encoded response the source can deliver.
    max_response_bytes: int = SIX_MB
    #: Name of the source, as the local server's `--source` spells it.
    source: str = ""

    def encode(self, response: Response, event: BaseEvent) -> dict[str, Any]:
        """Turn a finished response (str body) into the dict the source expects."""
        raise NotImplementedError

    def encode_json(self, status_code: int, body: str, event: BaseEvent) -> dict[str, Any]:
        """The fast path's response: a JSON body and no other header (override for speed).

        `event` is the request, for sources whose response shape depends on it (ALB answers
        with `multiValueHeaders` only when the request came with them).
        """
        from router_core.response import Response

        response = Response(status_code, "application/json", body)
        return self.encode(response, event)

    def encode_json_with(
        self, status_code: int, body: str, event: BaseEvent, headers: Mapping[str, str]
    ) -> dict[str, Any]:
        """`encode_json` with more single-value `headers`, checked like any response's
        unless they are `CheckedHeaders` (checked when they were built)."""
        if type(headers) is not CheckedHeaders:
            for name, value in headers.items():
                check_header(name, value)
        result = self.encode_json(status_code, body, event)
        multi = result.get("multiValueHeaders")
        if multi is not None:
            for name, value in headers.items():
                multi[name] = [value]
        else:
            result["headers"].update(headers)
        return result

    def to_event(self, request: HTTPRequest, stage: str | None = None) -> dict[str, Any]:
        """Build a realistic event of this source for an HTTP request."""
        raise NotImplementedError

    def to_http(self, result: dict[str, Any]) -> HTTPResponse:
        """Turn a handler's result dict back into HTTP, as the service would."""
        raise NotImplementedError


# Character sets rather than regexes: compiling a pattern at import costs a cold start more
# than these checks will ever cost.
#: What an HTTP token is made of (RFC 9110 section 5.6.2): header names, methods, codings.
TOKEN_CHARS = frozenset(
    "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)
#: The control characters a field value may not hold (RFC 9110 section 5.5): all but HTAB.
CONTROL_CHARS = frozenset([*map(chr, range(0x09)), *map(chr, range(0x0A, 0x20)), "\x7f"])
# Names already checked; handlers reuse a handful, so most checks are one set lookup.
_GOOD_NAMES: set[str] = set()


def check_header(name: str, value: str) -> None:
    """Refuse a response header that would break or split the response.

    The name must be an RFC 9110 token (not empty, no space, no separator); the value may
    hold no control character but HTAB. CR or LF are named as such: they split the response.
    """
    if name not in _GOOD_NAMES:
        _check_name(name)
    # isprintable() is one fast pass that is True for almost every value; only the rest
    # (HTAB, some non-ASCII spaces, control characters) need the precise search.
    if not value.isprintable() and not CONTROL_CHARS.isdisjoint(value):
        raise ValueError(f"response header {name!r} value contains {control_description(value)}")


class CheckedHeaders(dict[str, str]):
    """Response headers checked once, when built (see `check_header`), and read-only after:
    what an extension's `plain_headers` returns when it precomputes them, so that a response
    adds them without checking them again.

    >>> GRANTS = CheckedHeaders({"Vary": "Origin", "Access-Control-Allow-Origin": "*"})
    """

    __slots__ = ()

    def __init__(self, headers: Mapping[str, str]) -> None:
        super().__init__(headers)
        for name, value in self.items():
            if not isinstance(value, str):
                raise TypeError(f"response header {name!r}: {value!r} is not a str")
            check_header(name, value)

    def _read_only(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("CheckedHeaders are read-only: build a new one")

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name or not TOKEN_CHARS.issuperset(name):
        if isinstance(name, str) and not CONTROL_CHARS.isdisjoint(name):
            raise ValueError(f"response header name {name!r} contains {control_description(name)}")
        raise ValueError(
            f"response header name {name!r} is not an HTTP token (RFC 9110: letters, digits "
            "and !#$%&'*+-.^_`|~ only, not empty)"
        )
    if len(_GOOD_NAMES) < 512:
        _GOOD_NAMES.add(name)


def control_character(text: str) -> str | None:
    """The first character of `text` a header may not hold (see CONTROL_CHARS), or None."""
    return next((c for c in text if c in CONTROL_CHARS), None)


def control_description(text: str) -> str:
    """What an error says of `text`'s first control character: "CR or LF" (which would split
    the response) or "the control character '\\x00'"."""
    character = control_character(text) or ""
    if character in ("\r", "\n"):
        return "CR or LF"
    return f"the control character {character!r}"


def multi_value_headers(response: Response) -> dict[str, list[str]]:
    """The response's headers as lists, CR/LF refused, cookies as `Set-Cookie` values."""
    headers: dict[str, list[str]] = {}
    for name, value in response.headers.items():
        if type(value) is str:  # the common case, checked inline
            if name not in _GOOD_NAMES:
                _check_name(name)
            if not value.isprintable() and not CONTROL_CHARS.isdisjoint(value):
                what = control_description(value)
                raise ValueError(f"response header {name!r} value contains {what}")
            headers[name] = [value]
            continue
        if value is None:
            continue  # a header set to None is left out, as Powertools does
        values = [str(value)] if not isinstance(value, list) else [str(v) for v in value]
        for item in values:
            check_header(name, item)
        headers[name] = values
    if response.cookies:
        key = next((k for k in headers if k.lower() == "set-cookie"), "Set-Cookie")
        headers.setdefault(key, []).extend(str(cookie) for cookie in response.cookies)
    return headers


def body_for_event(data: bytes) -> tuple[str | None, bool]:
    """An HTTP body as an event carries it: text when it is UTF-8, else base64 (flag True)."""
    if not data:
        return None, False
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        import base64

        return base64.b64encode(data).decode("ascii"), True


def group_pairs(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """`[("a", "1"), ("a", "2")]` -> `{"a": ["1", "2"]}`, order kept."""
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def result_body(result: dict[str, Any]) -> bytes | None:
    """A Lambda result's body as the client receives it (base64 undone), or None when its
    base64 is invalid, which each source answers with its own error."""
    body = result.get("body")
    if not isinstance(body, str):
        return b""
    if result.get("isBase64Encoded") is not True:
        return body.encode("utf-8", "replace")
    import base64
    import binascii

    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return None
