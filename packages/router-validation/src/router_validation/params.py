"""Parameter markers, with Powertools' names and keywords: where a handler's value comes from
and what it must satisfy.

    @app.get("/todos")
    def todos(limit: Annotated[int, Query(gt=0, le=100)] = 10,
              request_id: Annotated[str, Header()] = ""): ...

A marker is plain data (no engine is imported for it); the engine of the route turns its
constraints into its own (`msgspec.Meta` or a pydantic `Field`) when the route is compiled.
`UploadFile` is what a `File()` parameter annotated `UploadFile` receives.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


class _Required:
    """The default of a marker that has none: the parameter is required."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Required"


#: A marker's `default` when none was given (`...` means required as well, as in Powertools).
Required: Any = _Required()

#: Constraint keywords every engine applies (names as in pydantic and Powertools).
CONSTRAINTS = (
    "gt",
    "ge",
    "lt",
    "le",
    "min_length",
    "max_length",
    "pattern",
    "multiple_of",
)


class Param:
    """Base of the markers: a location (`in_`), documentation and constraints.

    `default` is the value when the request does not carry the parameter (`Required` or `...`
    when it must); in `Annotated[T, Query()]` form the parameter's own default is used.
    """

    in_: str = "query"

    def __init__(
        self,
        default: Any = Required,
        *,
        default_factory: Callable[[], Any] | None = None,
        annotation: Any = None,
        alias: str | None = None,
        title: str | None = None,
        description: str | None = None,
        gt: float | None = None,
        ge: float | None = None,
        lt: float | None = None,
        le: float | None = None,
        min_length: int | None = None,
        max_length: int | None = None,
        pattern: str | None = None,
        multiple_of: float | None = None,
        examples: list[Any] | None = None,
        openapi_examples: dict[str, Any] | None = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        json_schema_extra: dict[str, Any] | None = None,
        **extra: Any,
    ) -> None:
        self.default = Required if default is ... else default
        self.default_factory = default_factory
        self.annotation = annotation
        self.alias = alias
        self.title = title
        self.description = description
        self.gt = gt
        self.ge = ge
        self.lt = lt
        self.le = le
        self.min_length = min_length
        self.max_length = max_length
        self.pattern = pattern
        self.multiple_of = multiple_of
        self.examples = examples
        self.openapi_examples = openapi_examples
        self.deprecated = deprecated
        self.include_in_schema = include_in_schema
        self.json_schema_extra = json_schema_extra
        #: Keywords this marker does not know (Powertools passes them to pydantic's Field).
        self.extra = extra

    @property
    def has_default(self) -> bool:
        return self.default is not Required or self.default_factory is not None

    def constraints(self) -> dict[str, Any]:
        """The constraints that were set, by keyword."""
        values = {name: getattr(self, name) for name in CONSTRAINTS}
        return {name: value for name, value in values.items() if value is not None}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({'' if self.default is Required else repr(self.default)})"


class Path(Param):
    """A path parameter (`/todos/<todo_id>`): always required."""

    in_ = "path"


class Query(Param):
    """A query string parameter; `list[T]` reads every value of a repeated name, and a model
    annotated `Query()` reads its fields from the query string."""

    in_ = "query"


class Header(Param):
    """A request header; `convert_underscores=True` (the default) reads `x_request_id` from
    the `x-request-id` header. `list[T]` reads every value of a repeated header."""

    in_ = "header"

    def __init__(self, default: Any = Required, *, convert_underscores: bool = True, **kw: Any):
        super().__init__(default, **kw)
        self.convert_underscores = convert_underscores


class Cookie(Param):
    """A request cookie, by name."""

    in_ = "cookie"


class Body(Param):
    """The JSON body, or (with `embed=True`, or beside other body parameters) one member of
    the body object, named by the parameter (or `alias`)."""

    in_ = "body"

    def __init__(
        self,
        default: Any = Required,
        *,
        embed: bool = False,
        media_type: str = "application/json",
        **kw: Any,
    ) -> None:
        super().__init__(default, **kw)
        self.embed = embed
        self.media_type = media_type


class Form(Body):
    """A field of an `application/x-www-form-urlencoded` (or multipart) form body."""

    def __init__(
        self,
        default: Any = Required,
        *,
        media_type: str = "application/x-www-form-urlencoded",
        **kw: Any,
    ) -> None:
        kw.pop("embed", None)
        super().__init__(default, embed=True, media_type=media_type, **kw)


class File(Form):
    """A file part of a `multipart/form-data` body: annotate it `UploadFile` (content, name
    and type) or `bytes` (content only)."""

    def __init__(
        self, default: Any = Required, *, media_type: str = "multipart/form-data", **kw: Any
    ) -> None:
        super().__init__(default, media_type=media_type, **kw)


class UploadFile:
    """An uploaded file: its `content` bytes, and the `filename` and `content_type` the
    client declared (either may be None)."""

    __slots__ = ("content", "content_type", "filename")

    def __init__(
        self, *, content: bytes, filename: str | None = None, content_type: str | None = None
    ) -> None:
        self.content = content
        self.filename = filename
        self.content_type = content_type

    def __len__(self) -> int:
        return len(self.content)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadFile):
            return NotImplemented
        return (self.content, self.filename, self.content_type) == (
            other.content,
            other.filename,
            other.content_type,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"UploadFile(filename={self.filename!r}, content_type={self.content_type!r}, "
            f"size={len(self.content)})"
        )

    # pydantic: an UploadFile passes through as it is; documented as a binary string.
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.is_instance_schema(cls)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "format": "binary"}


MARKERS = (Path, Query, Header, Cookie, Body, Form, File)
