"""JSON Schemas of Python types, for parameters, bodies and responses.

With router-validation installed, its engine writes them (`router_validation.schemas.json_schema`,
the same engine that validates the route, so what is documented is what is checked). Without
it, a model still gets its schema from the library that defines it (pydantic's `BaseModel`,
msgspec's `Struct`), imported only when such a model is met, and plain types map to their JSON
types.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import uuid

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Components = dict[str, dict[str, Any]]

REF_TEMPLATE = "#/components/schemas/{model}"

_SCALARS: dict[type, dict[str, Any]] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    bytes: {"type": "string", "format": "binary"},
    decimal.Decimal: {"type": "number"},
    uuid.UUID: {"type": "string", "format": "uuid"},
    datetime.datetime: {"type": "string", "format": "date-time"},
    datetime.date: {"type": "string", "format": "date"},
    datetime.time: {"type": "string", "format": "time"},
}


def json_schema(annotation: Any, engine: str | None = None) -> tuple[dict[str, Any], Components]:
    """(schema of `annotation` with `$ref`s into components, the component schemas by name)."""
    if engine is not None:
        try:
            from router_validation.schemas import (  # type: ignore[import-not-found,unused-ignore]
                json_schema as engine_schema,
            )
        except ImportError:
            pass
        else:
            schema, components = engine_schema(annotation, engine, REF_TEMPLATE)
            return dict(schema), dict(components)
    return _fallback(annotation)


def _fallback(annotation: Any) -> tuple[dict[str, Any], Components]:
    if annotation is None or annotation is type(None):
        return {"type": "null"}, {}
    if isinstance(annotation, type):
        for base in type.mro(type(annotation)):
            module = base.__module__.split(".", 1)[0]
            if module == "pydantic":
                return _pydantic(annotation)
            if module == "msgspec":
                return _msgspec(annotation)
        if issubclass(annotation, enum.Enum):
            return {"enum": [m.value for m in annotation]}, {}
        for scalar, schema in _SCALARS.items():
            if issubclass(annotation, scalar):
                return dict(schema), {}
        if issubclass(annotation, (list, tuple, set, frozenset)):
            return {"type": "array"}, {}
        if issubclass(annotation, dict):
            return {"type": "object"}, {}
    return _generic(annotation)


def _generic(annotation: Any) -> tuple[dict[str, Any], Components]:
    """`list[T]`, `dict[str, T]`, `Optional[T]`, `Union[...]`, `Literal[...]`, `Annotated`."""
    import typing

    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _fallback(args[0])
    if origin is typing.Literal:
        return {"enum": list(args)}, {}
    if origin in (list, tuple, set, frozenset) and args:
        items, components = _fallback(args[0])
        return {"type": "array", "items": items}, components
    if origin is dict and len(args) == 2:
        values, components = _fallback(args[1])
        return {"type": "object", "additionalProperties": values}, components
    if origin is typing.Union or type(annotation).__name__ == "UnionType":
        schemas = []
        components = {}
        for arg in args:
            schema, found = _fallback(arg)
            schemas.append(schema)
            components.update(found)
        return {"anyOf": schemas}, components
    return {}, {}  # any value


def _pydantic(model: Any) -> tuple[dict[str, Any], Components]:
    from pydantic import TypeAdapter

    schema = TypeAdapter(model).json_schema(ref_template=REF_TEMPLATE)
    components = schema.pop("$defs", {})
    title = schema.get("title") or model.__name__
    if schema.get("type") == "object" or "properties" in schema:
        components[title] = schema
        return {"$ref": REF_TEMPLATE.format(model=title)}, components
    return schema, components


def _msgspec(model: Any) -> tuple[dict[str, Any], Components]:
    import msgspec

    (schema,), components = msgspec.json.schema_components((model,), ref_template=REF_TEMPLATE)
    return schema, components
