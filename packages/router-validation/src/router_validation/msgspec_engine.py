"""The msgspec engine: lenient conversion (`strict=False`, like pydantic's lax mode), JSON
bodies decoded straight into their type, and msgspec's one error mapped to Powertools' `loc`
and `type` vocabulary.

msgspec stops at the first error, so a 422 from this engine lists one entry per parameter
that failed (the first problem in each), where pydantic lists every problem. The mapping of
its messages (see `error_entry`):

| msgspec says                                | type                                   |
|---------------------------------------------|----------------------------------------|
| Object missing required field `f`           | missing (loc + [f])                    |
| Expected `int`/`float`/`bool`, got `str`    | int_parsing / float_parsing / bool_parsing |
| Expected `int`/`float`/`bool`, got other    | int_type / float_type / bool_type      |
| Expected `str`, got ...                     | string_type                            |
| Expected `object`, got ...                  | model_attributes_type (dict_type for a mapping) |
| Expected `array`, got ...                   | list_type                              |
| Expected `null`, got ...                    | none_required                          |
| Expected `T` >= / > / <= / < n              | greater_than_equal, greater_than, ...  |
| Expected `str` of length >= / <= n          | string_too_short / string_too_long     |
| Expected `array`/`object` of length ...     | too_short / too_long                   |
| Expected `str` matching regex ...           | string_pattern_mismatch                |
| ... that's a multiple of n                  | multiple_of                            |
| Invalid enum value                          | enum (literal_error for a `Literal`)   |
| Invalid RFC3339 encoded date                | date_from_datetime_parsing             |
| Invalid RFC3339 encoded datetime            | datetime_from_date_parsing             |
| Invalid RFC3339 encoded time                | time_parsing                           |
| Invalid UUID                                | uuid_parsing                           |
| Object contains unknown field `f`           | extra_forbidden (loc + [f])            |
| anything else                               | value_error                            |

msgspec reports an integer's `gt=n` as `>= n+1` and a dict member as `[...]`; on the error
path (never for a valid request) the input and the type are walked along the error's path
(`msgspec_locate`), so that `loc` names the dict key (`[<key>, "[key]"]` for a key that does
not fit) and a `gt`/`lt` declared anywhere (a marker, or `msgspec.Meta` deep in a Struct)
says `greater_than`/`less_than`, as pydantic does.
"""

from __future__ import annotations

import re
import typing
from typing import Any, Callable, Optional, Union

import msgspec

from router_validation.errors import InvalidValueError
from router_validation.plan import strip

# Patterns of msgspec's messages, compiled (and cached by `re`) on the first error only: a
# valid request never needs them, and compiling them all costs a cold start about a ms.
_AT = r"(?s)^(.*?) - at `\$(.*)`$"
_AT_KEY = r"(?s)^(.*?) - at `key` in `\$(.*)`$"
_STEP = r"\.([^.\[]+)|\[(\d+)\]|\[([^\]]*)\]"
_EXPECTED_GOT = r"^Expected `(.+?)`, got `(.+?)`$"
_BOUND = r"^Expected `(\w+)` (>=|>|<=|<) "
_LENGTH = r"^Expected `(\w+)` of length (>=|<=)"
_FIELD = r"`(.+)`"
_NO_DATA: Any = object()

_TYPES = {
    "int": "int",
    "float": "float",
    "bool": "bool",
    "str": "string",
    "bytes": "bytes",
    "date": "date",
    "datetime": "datetime",
    "time": "time",
    "uuid": "uuid",
    "decimal": "decimal",
}
_BOUNDS = {
    ">=": "greater_than_equal",
    ">": "greater_than",
    "<=": "less_than_equal",
    "<": "less_than",
}


def _path(text: str) -> list[Any]:
    steps: list[Any] = []
    for name, index, other in re.findall(_STEP, text):
        if name:
            steps.append(name)
        elif index:
            steps.append(int(index))
        else:
            steps.append("[...]" if other == "..." else other)
    return steps


def _declared(found: list[Any]) -> dict[str, Any]:
    """The bounds declared by `msgspec.Meta` objects, by keyword."""
    bounds: dict[str, Any] = {}
    for meta in found:
        for name in ("gt", "ge", "lt", "le"):
            value = getattr(meta, name, None)
            if value is not None:
                bounds[name] = value
    return bounds


def error_entry(
    error: msgspec.ValidationError, loc: tuple[Any, ...], annotation: Any = None,
    constraints: dict[str, Any] | None = None, data: Any = _NO_DATA, json: bool = False,
) -> dict[str, Any]:  # fmt: skip
    """msgspec's error as a Powertools-shaped entry under `loc`. With the validated `data`
    (JSON bytes when `json`), a dict's failing key is named and a nested `gt`/`lt` is told
    from `ge`/`le`, by walking `data` and `annotation` along the error's path."""
    message = str(error)
    steps: list[Any] = []
    at_key = False
    at = re.match(_AT, message)
    if at is None and (at := re.match(_AT_KEY, message)) is not None:
        at_key = True
    if at is not None:
        message, steps = at.group(1), _path(at.group(2))
    leaf = annotation if not steps else None
    if data is not _NO_DATA and (steps or at_key):
        from router_validation.msgspec_locate import locate

        if json:
            try:
                data = msgspec.json.decode(data)
            except Exception:
                data = None
        steps, leaf = locate(annotation, data, steps, at_key)
    kind = "value_error"
    if message.startswith("Object missing required field"):
        kind = "missing"
        field = re.search(_FIELD, message)
        if field:
            steps.append(field.group(1))
    elif message.startswith("Object contains unknown field"):
        kind = "extra_forbidden"
        field = re.search(_FIELD, message)
        if field:
            steps.append(field.group(1))
    elif (found := re.match(_EXPECTED_GOT, message)) is not None:
        kind = _expected(found.group(1), found.group(2), leaf)
    elif (found := re.match(_LENGTH, message)) is not None:
        short = found.group(2) == ">="
        if found.group(1) == "str":
            kind = "string_too_short" if short else "string_too_long"
        else:
            kind = "too_short" if short else "too_long"
    elif (found := re.match(_BOUND, message)) is not None:
        kind = _BOUNDS[found.group(2)]
        if leaf is not None:
            from router_validation.msgspec_locate import metas

            constraints = {**(constraints or {}), **_declared(metas(leaf))}
        if constraints and leaf is not None:
            if kind == "greater_than_equal" and "gt" in constraints:
                kind = "greater_than"
            elif kind == "less_than_equal" and "lt" in constraints:
                kind = "less_than"
    elif "matching regex" in message:
        kind = "string_pattern_mismatch"
    elif "multiple of" in message:
        kind = "multiple_of"
    elif message.startswith("Invalid enum value"):
        literal = leaf is not None and typing.get_origin(strip(leaf)) is typing.Literal
        kind = "literal_error" if literal else "enum"
    elif message.startswith("Invalid RFC3339 encoded date"):
        kind = (
            "datetime_from_date_parsing"
            if "datetime" in message
            else ("date_from_datetime_parsing")
        )
    elif message.startswith("Invalid RFC3339 encoded time"):
        kind = "time_parsing"
    elif message.startswith("Invalid UUID"):
        kind = "uuid_parsing"
    return {"loc": (*loc, *steps), "type": kind, "msg": message}


def _expected(expected: str, got: str, annotation: Any) -> str:
    first = next((part for part in expected.split(" | ") if part != "null"), "null")
    if first == "object":
        stripped = strip(annotation) if annotation is not None else None
        cls = typing.get_origin(stripped) or stripped
        return "dict_type" if cls is dict else "model_attributes_type"
    if first == "array":
        return "list_type"
    if first == "null":
        return "none_required"
    base = _TYPES.get(first)
    if base is None:
        return "value_error"
    if got == "str" and base not in ("string", "bytes"):
        return f"{base}_parsing"
    return f"{base}_type"


def constrained(annotation: Any, constraints: dict[str, Any]) -> Any:
    """`annotation` with `constraints` as `msgspec.Meta` (inside an Optional)."""
    if not constraints:
        return annotation
    meta = msgspec.Meta(**constraints)
    inner = strip(annotation)
    if inner is not annotation and typing.get_origin(annotation) in (Union, _union_type()):
        return Optional[typing.Annotated[inner, meta]]
    return typing.Annotated[annotation, meta]


def _union_type() -> Any:
    import types

    return getattr(types, "UnionType", Union)


def validator(
    annotation: Any, loc: tuple[Any, ...], constraints: dict[str, Any] | None = None
) -> Callable[[Any], Any]:
    """A function converting a value to `annotation` leniently, raising `InvalidValueError`."""
    target = constrained(annotation, constraints or {})
    msgspec.json.Decoder(target)  # refuses an unsupported type now, at compile time
    convert = msgspec.convert

    def validate(value: Any) -> Any:
        try:
            return convert(value, target, strict=False, from_attributes=True)
        except msgspec.ValidationError as error:
            entry = error_entry(error, loc, target, constraints, value)
            raise InvalidValueError([entry]) from None

    return validate


def json_decoder(annotation: Any, loc: tuple[Any, ...]) -> Callable[[bytes], Any]:
    """A function decoding JSON bytes straight into `annotation`; raises `InvalidValueError` for a
    value that does not fit and `msgspec.DecodeError` for malformed JSON."""
    decoder = msgspec.json.Decoder(annotation, strict=False)
    decode = decoder.decode

    def read(data: bytes) -> Any:
        try:
            return decode(data)
        except msgspec.ValidationError as error:
            raise InvalidValueError(
                [error_entry(error, loc, annotation, None, data, True)]
            ) from None

    return read


def serializer(annotation: Any) -> Callable[[Any], Any]:
    """A function validating a handler's result against `annotation` and returning it as
    JSON-ready builtins; raises `InvalidValueError` under `("response", ...)`."""
    validate = validator(annotation, ("response",))
    to_builtins = msgspec.to_builtins

    def serialize(value: Any) -> Any:
        return to_builtins(validate(value))

    return serialize


def model_fields(cls: type) -> list[tuple[str, str, Any]]:
    """`(name, wire name, annotation)` of a Struct's fields."""
    return [(f.name, f.encode_name, f.type) for f in msgspec.structs.fields(cls)]


def is_decode_error(error: Exception) -> bool:
    return isinstance(error, msgspec.DecodeError)
