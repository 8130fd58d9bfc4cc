"""`Response`: what a handler may return for full control of status, headers and cookies."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Generic, Optional, Union

    from typing_extensions import TypeVar

    from router_core.cookies import Cookie

    HeaderValue = Union[str, list[str]]
    #: The body's type, as in Powertools' `Response[dict]`; a bare `Response` is `Response[Any]`.
    BodyT = TypeVar("BodyT", default=Any)

    class _Typed(Generic[BodyT]):
        __slots__ = ()

else:
    # At run time `Response[dict]` evaluates to a `types.GenericAlias` (Powertools' Response
    # is generic), so that router-validation can read the body type of `-> Response[Model]`;
    # typing is not imported for it.
    BodyT = None

    class _Typed:
        __slots__ = ()

        def __class_getitem__(cls, item: object) -> object:
            from types import GenericAlias

            return GenericAlias(cls, item)


class Response(_Typed[BodyT]):
    """An HTTP response: status, content type, body, headers (a value may be a list), cookies.

    Takes what Powertools' `Response` takes, with the same meaning: `content_type` goes into
    the headers unless they already have a `Content-Type`; a header whose value is None is
    left out; a body that is not `str` or `bytes` (a dict, a list, a dataclass) is serialized
    to JSON; `compress=True` asks router-compression to compress it when the client accepts it.

    >>> Response(201, "application/json", {"id": 1}, headers={"Location": "/todos/1"})
    """

    __slots__ = ("body", "compress", "cookies", "headers", "is_base64_encoded", "status_code")

    def __init__(
        self,
        status_code: int = 200,
        content_type: str | None = None,
        body: BodyT | None = None,
        headers: Mapping[str, Optional[HeaderValue]] | None = None,
        cookies: list[Cookie] | None = None,
        compress: bool | None = None,
    ) -> None:
        self.status_code = status_code
        self.body: Any = body
        self.headers: dict[str, HeaderValue] = (
            {name: value for name, value in headers.items() if value is not None} if headers else {}
        )
        if content_type and self.get_header("Content-Type") is None:
            self.headers["Content-Type"] = content_type
        self.cookies: list[Cookie] = list(cookies) if cookies else []
        self.compress = compress
        # Set by router-binary once the body has been base64-encoded for transport.
        self.is_base64_encoded = False

    @property
    def content_type(self) -> str | None:
        """The `Content-Type` header (the last value of a list); setting it sets the header."""
        value = self.get_header("Content-Type")
        if isinstance(value, list):
            return value[-1] if value else None
        return value

    @content_type.setter
    def content_type(self, value: str | None) -> None:
        if value is None:
            self.remove_header("Content-Type")
        else:
            self.set_header("Content-Type", value)

    @property
    def base64_encoded(self) -> bool:
        """Powertools' name for `is_base64_encoded`."""
        return self.is_base64_encoded

    @base64_encoded.setter
    def base64_encoded(self, value: bool) -> None:
        self.is_base64_encoded = value

    def is_json(self) -> bool:
        """Whether the content type is JSON (`application/json...`), as Powertools tells it."""
        content_type = self.get_header("Content-Type")
        if isinstance(content_type, list):
            content_type = content_type[0] if content_type else ""
        return (content_type or "").startswith("application/json")

    def _key(self, name: str) -> str | None:
        headers = self.headers
        if name in headers:
            return name
        lowered = name.lower()
        size = len(name)
        for key in headers:
            # Only a key of the same length can be the same name: most need no lower().
            if len(key) == size and key.lower() == lowered:
                return key
        return None

    def get_header(self, name: str) -> HeaderValue | None:
        """The value of header `name`, whatever its case."""
        key = self._key(name)
        return None if key is None else self.headers[key]

    def set_header(self, name: str, value: HeaderValue) -> None:
        """Set header `name`, replacing any value under another case of the same name."""
        key = self._key(name)
        if key is not None:
            del self.headers[key]
        self.headers[name] = value

    def remove_header(self, name: str) -> None:
        key = self._key(name)
        if key is not None:
            del self.headers[key]

    def add_vary(self, *fields: str) -> None:
        """Add fields to `Vary`, merging with what is there instead of overwriting it."""
        key = self._key("Vary")
        if key is None and len(fields) == 1:
            self.headers["Vary"] = fields[0]  # the usual case: nothing to merge with
            return
        current = None if key is None else self.headers[key]
        values: list[str] = []
        for part in [current] if isinstance(current, str) else (current or []):
            values.extend(v.strip() for v in part.split(",") if v.strip())
        known = {v.lower() for v in values}
        for field in fields:
            if field.lower() not in known:
                values.append(field)
                known.add(field.lower())
        self.set_header("Vary", ", ".join(values))

    def __repr__(self) -> str:
        return f"Response({self.status_code}, {self.content_type!r})"
