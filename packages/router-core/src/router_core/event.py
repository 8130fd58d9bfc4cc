"""`BaseEvent`: what every source's request event offers, computed lazily and cached.

A source's event class (`APIGatewayProxyEvent`, `ALBEvent`, ...) validates the raw dict in its
constructor and fills in the `_raw_*` hooks below; everything else is shared. Malformed parts
of an event (a header that is not a string, a query dict that is a list) are ignored rather
than crashing, and a malformed body answers 400 through `BadRequestBodyError` (a
`BadRequestError` that is also a `ValueError`, like what Powertools raises).

An event is a read-only mapping over the raw dict (`event["body"]`, `event.get("path")`), and
offers the members of Powertools' proxy event classes (`request_context.request_id`,
`multi_value_headers`, `resolved_query_string_parameters`, ...).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from router_core.headers import Headers, MultiValueHeaders
    from router_core.request_context import DictView

    _Base = Mapping[str, Any]
else:
    _Base = Mapping


# `router_core.json.loads`, imported on the first JSON body (an import statement per call
# would cost more than parsing a small body).
_loads: Callable[[bytes], Any] | None = None


def _json_loads() -> Callable[[bytes], Any]:
    global _loads
    from router_core.json import loads

    _loads = loads
    return loads


def _bad_request(message: str) -> Exception:
    from router_core.exceptions import BadRequestBodyError

    return BadRequestBodyError(message)


def string_dict(value: object) -> dict[str, str]:
    """The `str` to `str` entries of `value` (`{}` when it is not a dict)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def string_list_dict(value: object) -> dict[str, list[str]]:
    """The `str` keys of `value` with their `str` values, keys without any left out."""
    if not isinstance(value, dict):
        return {}
    result: dict[str, list[str]] = {}
    for key, values in value.items():
        if isinstance(key, str) and isinstance(values, list):
            strings = [v for v in values if isinstance(v, str)]
            if strings:
                result[key] = strings
    return result


class BaseEvent(_Base):
    """A request event. Subclasses validate `raw` and say where each part lives.

    `json_deserializer` (Powertools' option of the same name) parses `json_body` from the
    decoded body text instead of the built-in parser. With `validate` (the default), an event
    of another source is refused at once with a ValueError naming the resolver it needs.
    """

    __slots__ = (
        "_body_bytes",
        "_context",
        "_cookies",
        "_deserializer",
        "_headers",
        "_json",
        "_multi_query",
        "_query",
        "_raw",
    )

    _body_bytes: bytes
    _context: DictView
    _cookies: dict[str, str]
    _deserializer: Callable[[str], Any] | None
    _headers: Headers
    _json: Any
    _multi_query: dict[str, list[str]]
    _query: dict[str, str]
    _raw: dict[str, Any]

    #: The resolver and the family (`router_core.sources`) an error about a foreign event names.
    RESOLVER_NAME = ""
    FAMILY = ""

    # Whether `path` arrives percent-encoded (REST, ALB, Function URL) or already decoded.
    PATH_ENCODED = True

    def __init__(
        self,
        data: dict[str, Any],
        json_deserializer: Callable[[str], Any] | None = None,
        validate: bool = True,
    ) -> None:
        # `data` and `json_deserializer` are Powertools' parameters, in its order.
        self._raw = data
        self._deserializer = json_deserializer
        if validate:
            self.route_target()  # a source validates its event there (ValueError)

    @classmethod
    def _wrong_source(cls, raw: object) -> ValueError:
        """The ValueError for `raw` when it is not an event of this source's family."""
        from router_core.sources import wrong_source

        return wrong_source(cls.RESOLVER_NAME, cls.FAMILY, raw)

    # -- hooks a source fills in -------------------------------------------------------------
    @property
    def path(self) -> str:
        raise NotImplementedError

    @property
    def http_method(self) -> str:
        raise NotImplementedError

    def route_target(self) -> tuple[str, str]:
        """`(http_method, path)` for routing. A source validates its event here, in the one
        call the resolver makes first, and raises `_wrong_source(raw)` for a foreign one."""
        return self.http_method, self.path

    def _raw_multi_headers(self) -> object:
        return None

    def _raw_multi_query(self) -> dict[str, list[str]]:
        return string_list_dict(self._raw.get("multiValueQueryStringParameters"))

    def _cookie_header_values(self) -> list[str]:
        return self.headers.get_all("cookie")

    # -- shared members ----------------------------------------------------------------------
    @property
    def raw_event(self) -> dict[str, Any]:
        return self._raw

    def __getitem__(self, key: str) -> Any:
        return self._raw[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def get(self, key: str, default: Any = None) -> Any:
        return self._raw.get(key, default)

    # Equal events are still distinct requests: identity, as for any object.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    @property
    def headers(self) -> Headers:
        try:
            return self._headers
        except AttributeError:
            from router_core.headers import Headers

            headers = Headers.from_event(self._raw.get("headers"), self._raw_multi_headers())
            self._headers = headers
            return headers

    def get_header_value(
        self, name: str, default_value: str | None = None, case_sensitive: bool = False
    ) -> str | None:
        """One header's value, looked up without regard to case. `case_sensitive` is accepted
        and has no effect, as in Powertools 3 (header names are case-insensitive in HTTP)."""
        return self.headers.get(name, default_value)

    @property
    def query_string_parameters(self) -> dict[str, str]:
        """Single-value query parameters (`{}` when there are none)."""
        try:
            return self._query
        except AttributeError:
            query = string_dict(self._raw.get("queryStringParameters"))
            self._query = query
            return query

    @property
    def multi_value_query_string_parameters(self) -> dict[str, list[str]]:
        try:
            return self._multi_query
        except AttributeError:
            query = self._raw_multi_query()
            self._multi_query = query
            return query

    def get_query_string_value(self, name: str, default_value: str | None = None) -> str | None:
        return self.query_string_parameters.get(name, default_value)

    def get_multi_value_query_string_values(
        self, name: str, default_values: list[str] | None = None
    ) -> list[str]:
        values = self.multi_value_query_string_parameters.get(name)
        if values is None:
            single = self.query_string_parameters.get(name)
            if single is None:
                return list(default_values or [])
            return [single]
        return list(values)

    @property
    def is_base64_encoded(self) -> bool:
        return self._raw.get("isBase64Encoded") is True

    @property
    def body(self) -> str | None:
        """The body as the source sent it (base64 text when `is_base64_encoded`)."""
        body = self._raw.get("body")
        return body if isinstance(body, str) else None

    @property
    def body_bytes(self) -> bytes:
        """The body's bytes, base64 undone; invalid base64 answers 400."""
        try:
            return self._body_bytes
        except AttributeError:
            pass
        body = self.body
        if body is None:
            data = b""
        elif self.is_base64_encoded:
            import base64
            import binascii

            try:
                data = base64.b64decode(body, validate=True)
            except (binascii.Error, ValueError):
                raise _bad_request("Request body is not valid base64") from None
        else:
            try:
                data = body.encode("utf-8")
            except UnicodeEncodeError:
                raise _bad_request("Request body is not valid UTF-8") from None
        self._body_bytes = data
        return data

    @property
    def decoded_body(self) -> str | None:
        """The body as UTF-8 text, base64 undone; a body that is not UTF-8 answers 400."""
        body = self.body
        if body is None or not self.is_base64_encoded:
            return body
        try:
            return self.body_bytes.decode("utf-8")
        except UnicodeDecodeError:
            raise _bad_request("Request body is not valid UTF-8") from None

    @property
    def json_body(self) -> Any:
        """The body parsed as JSON (None without a body or with an empty one); malformed JSON
        answers 400."""
        try:
            return self._json
        except AttributeError:
            pass
        if not self.body:
            value = None  # no body, or an empty one (ALB sends "" for a GET)
        else:
            deserializer = self._deserializer
            if deserializer is None:
                value = (_loads or _json_loads())(self.body_bytes)
            else:
                if not callable(deserializer):
                    raise TypeError(
                        f"json_deserializer must be callable, got {deserializer!r} (the second "
                        "parameter of an event is json_deserializer, as in Powertools: pass "
                        "validate=False by name)"
                    )
                text = self.decoded_body or ""
                try:
                    value = deserializer(text)
                except ValueError as error:
                    from router_core.exceptions import ServiceError

                    if isinstance(error, ServiceError):
                        raise
                    raise _bad_request("Request body is not valid JSON") from error
        self._json = value
        return value

    @property
    def cookies(self) -> dict[str, str]:
        """The request's cookies by name."""
        try:
            return self._cookies
        except AttributeError:
            from router_core.cookies import parse_cookie_header

            cookies: dict[str, str] = {}
            for header in self._cookie_header_values():
                for name, value in parse_cookie_header(header).items():
                    cookies.setdefault(name, value)
            self._cookies = cookies
            return cookies

    @property
    def path_parameters(self) -> dict[str, str]:
        """Path parameters the service itself extracted (`{proxy+}` and the like)."""
        return string_dict(self._raw.get("pathParameters"))

    @property
    def request_context(self) -> DictView:
        """`requestContext` as a view: indexable like the dict, with the source's attribute
        names (`request_id`, `identity`, ...) on each source's class."""
        try:
            return self._context
        except AttributeError:
            context = self._make_request_context(self._raw.get("requestContext"))
            self._context = context
            return context

    def _make_request_context(self, data: object) -> DictView:
        from router_core.request_context import DictView

        return DictView(data)

    # -- Powertools' resolved fields: one shape per source, for code written against them ----
    @property
    def multi_value_headers(self) -> MultiValueHeaders:
        """Every value of every header the event carries in `multiValueHeaders`, looked up
        without regard to case; empty on sources without them (payload 2.0)."""
        return self.headers.multi_value()

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        """Every query parameter as a list of values."""
        return {name: value.split(",") for name, value in self.query_string_parameters.items()}

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The headers as the source delivers them: lists where it sends several values."""
        return self.headers

    @property
    def resolved_cookies_field(self) -> dict[str, str]:
        """The request's cookies by name (the same dict as `cookies`)."""
        return self.cookies

    @property
    def stage_variables(self) -> dict[str, str]:
        return string_dict(self._raw.get("stageVariables"))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.http_method} {self.path})"
