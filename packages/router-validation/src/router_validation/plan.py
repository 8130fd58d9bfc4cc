"""A route's signature read as Powertools reads it: which parameter comes from the path, the
query string, a header, a cookie or the body, with what type and constraints, and what the
handler returns. Read once per route (at the app's first resolve); router-openapi reads the
same plan to document the route.

Rules (Powertools 3.37's):
- a parameter named like a route parameter (`<todo_id>`) comes from the path;
- `Annotated[T, Query()]` (`Path`, `Header`, `Cookie`, `Body`, `Form`, `File`) says where;
- otherwise a scalar (`int`, `str`, `Optional[date]`, an enum...) is a query parameter, and
  anything else (a model, a dataclass, a dict, a bare `list[T]`) is the JSON body;
- `Request` and `Depends` parameters belong to router-core and are left alone.
"""

from __future__ import annotations

import collections
import collections.abc
import sys
import typing
from typing import Any, Union

from router_validation.params import MARKERS, Body, File, Form, Header, Param, Path, Required

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_core.router import Route

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
ENGINES = ("msgspec", "pydantic")

_SEQUENCES: tuple[type, ...] = (
    list,
    tuple,
    set,
    frozenset,
    collections.deque,
    collections.abc.Sequence,
    collections.abc.Set,
)
_UNION_TYPE = getattr(__import__("types"), "UnionType", Union)


class ParamSpec:
    """One parameter read from the request: `name` (the handler's), `alias` (the wire name),
    `location` ("path", "query", "header", "cookie", or "body" for a body member), the
    `annotation` to validate (constraints of other `Annotated` metadata kept in it),
    `required`, `default`, and the `marker` it was declared with (None when implicit)."""

    __slots__ = ("alias", "annotation", "default", "location", "marker", "name", "required")

    def __init__(
        self,
        name: str,
        alias: str,
        location: str,
        annotation: Any,
        required: bool,
        default: Any,
        marker: Param | None,
    ) -> None:
        self.name = name
        self.alias = alias
        self.location = location
        self.annotation = annotation
        self.required = required
        self.default = default
        self.marker = marker

    @property
    def is_sequence(self) -> bool:
        """True for `list[T]` and the like: every value of a repeated name is read."""
        return is_sequence(self.annotation)

    @property
    def is_model(self) -> bool:
        """True for a model class (read field by field from the query string or headers)."""
        return _is_model_class(strip(self.annotation))

    def get_default(self) -> Any:
        marker = self.marker
        if marker is not None and marker.default_factory is not None:
            return marker.default_factory()
        return self.default

    def __repr__(self) -> str:
        return f"ParamSpec({self.name!r}, {self.location!r}, alias={self.alias!r})"


class BodySpec:
    """The body a route reads: a single `annotation` (when one body parameter is not
    embedded: the whole body is its value), whether it is `required`, its `media_type`, and
    its `fields` (every body parameter; members of the body object when `embed`)."""

    __slots__ = ("annotation", "embed", "fields", "media_type", "required")

    def __init__(
        self,
        annotation: Any,
        required: bool,
        media_type: str,
        embed: bool,
        fields: tuple[ParamSpec, ...],
    ) -> None:
        self.annotation = annotation
        self.required = required
        self.media_type = media_type
        self.embed = embed
        self.fields = fields


class ResponseSpec:
    """What the handler returns (`Response[Model]` and `(Model, status)` unwrapped), and the
    status of a successful answer."""

    __slots__ = ("annotation", "status_code")

    def __init__(self, annotation: Any, status_code: int) -> None:
        self.annotation = annotation
        self.status_code = status_code


class RoutePlan:
    """Everything validation and documentation need to know about one route; `is_async` is
    True when its handler is a coroutine function (`async def`)."""

    __slots__ = ("body", "engine", "is_async", "parameters", "response")

    def __init__(
        self,
        engine: str,
        parameters: tuple[ParamSpec, ...],
        body: BodySpec | None,
        response: ResponseSpec | None,
        is_async: bool = False,
    ) -> None:
        self.engine = engine
        self.parameters = parameters
        self.body = body
        self.response = response
        self.is_async = is_async


def route_plan(route: Route, engine: str | None = None) -> RoutePlan:
    """Read `route`'s handler into a `RoutePlan`; `engine` ("msgspec" | "pydantic") forces
    the engine, else it is chosen from the route's types (see `choose_engine`)."""
    from router_core.signature import DEPENDS, OTHER, PATH, REQUEST, analyse, describe

    func = route.func
    signature = analyse(func, route.rule.names)
    parameters: list[ParamSpec] = []
    body: list[ParamSpec] = []
    for parameter in signature.parameters:
        if parameter.kind in (DEPENDS, REQUEST):
            continue
        spec = _spec(parameter, parameter.kind == PATH, describe(func))
        if parameter.kind == OTHER and isinstance(spec.marker, Path):
            raise TypeError(
                f"{describe(func)}: parameter {parameter.name!r} is marked Path() but the route "
                f"{route.rule.text!r} has no <{parameter.name}> parameter"
            )
        (body if spec.location == "body" else parameters).append(spec)
    response = _response_spec(func, route.status_code)
    annotations = [p.annotation for p in (*parameters, *body)]
    if response is not None:
        annotations.append(response.annotation)
    chosen = choose_engine(annotations, engine)
    if chosen == "msgspec" and any(_mentions(a, _is_pydantic, 0) for a in annotations):
        raise TypeError(
            f"{describe(func)}: validation_engine='msgspec' cannot validate pydantic models; "
            "declare them as msgspec.Struct, or use validation_engine='pydantic'"
        )
    return RoutePlan(chosen, tuple(parameters), _body_spec(body), response, signature.is_coroutine)


def choose_engine(annotations: list[Any], engine: str | None = None) -> str:
    """msgspec for `Struct` models or when pydantic is not installed (looked up without
    importing it), pydantic otherwise; `engine` wins when given."""
    if engine is not None:
        if engine not in ENGINES:
            raise ValueError(f"validation_engine must be one of {ENGINES}, got {engine!r}")
        return engine
    if any(_mentions(a, _is_struct, 0) for a in annotations):
        return "msgspec"
    if "pydantic" in sys.modules:
        return "pydantic"
    import importlib.util

    return "pydantic" if importlib.util.find_spec("pydantic") is not None else "msgspec"


# -- parameters ------------------------------------------------------------------------------
def _spec(parameter: Any, is_path: bool, where: str) -> ParamSpec:
    marker: Param | None = None
    others: list[Any] = []
    for item in parameter.metadata:
        if isinstance(item, type) and issubclass(item, Param):
            item = item()
        if isinstance(item, Param):
            if marker is not None:
                raise TypeError(f"{where}: parameter {parameter.name!r} has two markers")
            marker = item
        else:
            others.append(item)
    default = parameter.default
    if isinstance(default, Param):  # Powertools' older form: `limit: int = Query(10)`
        if marker is not None:
            raise TypeError(f"{where}: parameter {parameter.name!r} has two markers")
        marker, default = default, default.default
    elif default is _empty():
        default = Required
    elif marker is not None and marker.default is not Required:
        raise TypeError(
            f"{where}: parameter {parameter.name!r}: give the default once, as the "
            "parameter's default, not in the marker"
        )
    annotation = parameter.annotation
    if annotation is _empty():
        annotation = Any
    if others:
        args = (annotation, *others)
        annotation = typing.Annotated[args]
    if is_path:
        if marker is not None and not isinstance(marker, Path):
            raise TypeError(
                f"{where}: parameter {parameter.name!r} is a path parameter of the route; "
                f"it cannot be marked {type(marker).__name__}()"
            )
        location = "path"
    elif marker is not None:
        location = marker.in_
    else:
        location = "query" if is_scalar(annotation) else "body"
    if marker is not None and default is Required and marker.default is not Required:
        default = marker.default
    alias = parameter.name
    if marker is not None and marker.alias:
        alias = marker.alias
    elif isinstance(marker, Header) and marker.convert_underscores:
        alias = parameter.name.replace("_", "-")
    required = default is Required and (marker is None or marker.default_factory is None)
    return ParamSpec(parameter.name, alias, location, annotation, required, default, marker)


def _empty() -> Any:
    from router_core.signature import EMPTY

    return EMPTY


def _body_spec(fields: list[ParamSpec]) -> BodySpec | None:
    if not fields:
        return None
    media_type = JSON
    for spec in fields:
        marker = spec.marker
        if isinstance(marker, File):
            media_type = MULTIPART
        elif (isinstance(marker, Form) and media_type == JSON) or (
            isinstance(marker, Body) and not isinstance(marker, Form) and media_type == JSON
        ):
            media_type = marker.media_type
    first = fields[0]
    embed = len(fields) > 1 or bool(getattr(first.marker, "embed", False))
    annotation = None if embed else first.annotation
    required = any(f.required for f in fields)
    return BodySpec(annotation, required, media_type, embed, tuple(fields))


# -- the response ----------------------------------------------------------------------------
def _response_spec(func: Any, status_code: int) -> ResponseSpec | None:
    annotation = _return_annotation(func)
    if annotation is _empty():
        return None
    origin = typing.get_origin(annotation)
    if origin is not None and getattr(origin, "__name__", "") == "Response":
        (annotation,) = typing.get_args(annotation)
    elif origin is tuple and len(typing.get_args(annotation)) == 2:
        annotation = typing.get_args(annotation)[0]
    elif isinstance(annotation, type) and annotation.__name__ == "Response":
        return None  # a bare Response: nothing to validate in its body
    return ResponseSpec(annotation, status_code)


def _return_annotation(func: Any) -> Any:
    target = func
    while hasattr(target, "func") and type(target).__name__ == "partial":
        target = target.func
    if not hasattr(target, "__annotations__"):
        target = type(target).__call__  # a callable instance
    try:
        hints = typing.get_type_hints(target, include_extras=True)
    except Exception:  # the parameters resolved; an unresolvable return is not validated
        return _empty()
    return hints.get("return", _empty())


# -- what kind of type -----------------------------------------------------------------------
def strip(annotation: Any) -> Any:
    """`T` for `Annotated[T, ...]`, `Optional[T]` and `Optional[Annotated[T, ...]]`."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        origin = typing.get_origin(annotation)
        if origin is Union or origin is _UNION_TYPE:
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def is_scalar(annotation: Any) -> bool:
    """Powertools' rule: not a model, mapping, sequence or dataclass (in any union member)."""
    return not _is_complex(annotation)


def _is_complex(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_complex(typing.get_args(annotation)[0])
    if origin is Union or origin is _UNION_TYPE:
        return any(_is_complex(a) for a in typing.get_args(annotation))
    return _complex_class(annotation) or _complex_class(origin)


def _complex_class(cls: Any) -> bool:
    if not isinstance(cls, type) or issubclass(cls, (str, bytes)):
        return False
    return (
        issubclass(cls, (collections.abc.Mapping, *_SEQUENCES))
        or hasattr(cls, "__dataclass_fields__")  # a dataclass, without importing dataclasses
        or _is_model_class(cls)
        or hasattr(cls, "__pydantic_core_schema__")
    )


def is_sequence(annotation: Any) -> bool:
    """True for `list[T]`, `tuple[T, ...]`, `set[T]`... (also inside Optional/Annotated)."""
    stripped = strip(annotation)
    cls = typing.get_origin(stripped) or stripped
    return (
        isinstance(cls, type) and not issubclass(cls, (str, bytes)) and issubclass(cls, _SEQUENCES)
    )


def _is_model_class(cls: Any) -> bool:
    if not isinstance(cls, type):
        return False
    if _is_struct(cls):
        return True
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and issubclass(cls, pydantic.BaseModel)


def _is_pydantic(cls: Any) -> bool:
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(cls, type) and issubclass(cls, pydantic.BaseModel)


def _is_struct(cls: Any) -> bool:
    msgspec = sys.modules.get("msgspec")
    return msgspec is not None and isinstance(cls, type) and issubclass(cls, msgspec.Struct)


def _mentions(annotation: Any, test: Any, depth: int) -> bool:
    if test(annotation):
        return True
    if depth > 4:
        return False
    return any(_mentions(a, test, depth + 1) for a in typing.get_args(annotation))


__all__ = [
    "MARKERS",
    "BodySpec",
    "ParamSpec",
    "ResponseSpec",
    "RoutePlan",
    "choose_engine",
    "route_plan",
]
