"""The pydantic engine: each parameter validated by its own `TypeAdapter`, as Powertools does,
so that a Powertools app's 422 `detail` is the same entry for entry."""

from __future__ import annotations

import typing
from typing import Any, Callable

import pydantic

from router_validation.errors import InvalidValueError


def _entries(error: pydantic.ValidationError, loc: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [
        {"loc": (*loc, *e["loc"]), "type": e["type"], "msg": e["msg"]}
        for e in error.errors(include_url=False, include_context=False, include_input=False)
    ]


def adapter(
    annotation: Any, constraints: dict[str, Any] | None = None
) -> pydantic.TypeAdapter[Any]:
    if constraints:
        annotation = typing.Annotated[annotation, pydantic.Field(**constraints)]
    return pydantic.TypeAdapter(annotation)


def validator(
    annotation: Any, loc: tuple[Any, ...], constraints: dict[str, Any] | None = None
) -> Callable[[Any], Any]:
    """A function validating a value against `annotation` (lax mode); raises
    `InvalidValueError`."""
    validate_python = adapter(annotation, constraints).validate_python

    def validate(value: Any) -> Any:
        try:
            return validate_python(value, from_attributes=True)
        except pydantic.ValidationError as error:
            raise InvalidValueError(_entries(error, loc)) from None

    return validate


def serializer(annotation: Any) -> Callable[[Any], Any]:
    """A function validating a handler's result against `annotation` and returning it as
    JSON-ready data (by alias, as Powertools serializes it)."""
    type_adapter = adapter(annotation)
    validate_python = type_adapter.validate_python
    dump_python = type_adapter.dump_python

    def serialize(value: Any) -> Any:
        try:
            valid = validate_python(value, from_attributes=True)
        except pydantic.ValidationError as error:
            raise InvalidValueError(_entries(error, ("response",))) from None
        return dump_python(valid, mode="json", by_alias=True)

    return serialize


def model_fields(cls: type) -> list[tuple[str, str, Any]]:
    """`(name, wire name, annotation)` of a model's fields."""
    fields: dict[str, Any] = cls.model_fields  # type: ignore[attr-defined]
    return [(name, info.alias or name, info.annotation) for name, info in fields.items()]
