"""Where a msgspec error is, as pydantic would say it: msgspec's path names a dict's member
`[...]` and a bad key `key in $.k` without saying which, and reports an integer's `gt=0` as
`>= 1`. Walking the input and the type along its path finds the key and the constraint
declared there. Imported on the error path only (a 422), never to answer a valid request.
"""

from __future__ import annotations

import collections.abc
import typing
from typing import Any, Union

import msgspec

from router_validation.plan import strip

#: msgspec's `[...]`: some member of a dict.
ANY_KEY = "[...]"
_NOTHING: Any = object()
_UNIONS = (Union, getattr(__import__("types"), "UnionType", Union))
_SEQUENCES = (list, tuple, set, frozenset, collections.abc.Sequence, collections.abc.Set)


def locate(target: Any, data: Any, steps: list[Any], at_key: bool) -> tuple[list[Any], Any]:
    """`steps` with each `[...]` replaced by the key msgspec stopped at (and `key` errors
    ending `[<key>, "[key]"]`), and the annotation found at the end of the path (Any when
    the walk loses its way: the steps are then returned as msgspec gave them)."""
    annotation, value = target, data
    found: list[Any] = []
    for index, step in enumerate(steps):
        annotation = _member(annotation, value)
        if step == ANY_KEY:
            key, value, annotation = _failing_item(annotation, value)
            if key is _NOTHING:
                return [*found, *steps[index:]], Any
            found.append(key)
            continue
        found.append(step)
        value, annotation = _child(annotation, value, step)
    if at_key:
        key, annotation = _failing_key(_member(annotation, value), value)
        if key is not _NOTHING:
            found.extend((key, "[key]"))
    return found, annotation


def metas(annotation: Any) -> list[Any]:
    """The `msgspec.Meta` constraints declared on `annotation` (inside an Optional too)."""
    found: list[Any] = []
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            args = typing.get_args(annotation)
            found.extend(a for a in args[1:] if isinstance(a, msgspec.Meta))
            annotation = args[0]
            continue
        if typing.get_origin(annotation) not in _UNIONS:
            return found
        members = [m for m in typing.get_args(annotation) if m is not type(None)]
        if len(members) != 1:
            return found
        annotation = members[0]


def _fits(value: Any, annotation: Any) -> bool:
    try:
        msgspec.convert(value, annotation, strict=False, from_attributes=True)
    except msgspec.ValidationError:
        return False
    except Exception:  # an annotation msgspec cannot take here: not the one to name
        return True
    return True


def _mapping_args(annotation: Any) -> tuple[Any, Any]:
    args = typing.get_args(strip(annotation))
    return (args[0], args[1]) if len(args) == 2 else (Any, Any)


def _failing_item(annotation: Any, value: Any) -> tuple[Any, Any, Any]:
    if not isinstance(value, dict):
        return _NOTHING, None, Any
    _, value_type = _mapping_args(annotation)
    for key, item in value.items():
        if not _fits(item, value_type):
            return key, item, value_type
    return _NOTHING, None, Any


def _failing_key(annotation: Any, value: Any) -> tuple[Any, Any]:
    if not isinstance(value, dict):
        return _NOTHING, Any
    key_type, _ = _mapping_args(annotation)
    for key in value:
        if not _fits(key, key_type):
            return key, key_type
    return _NOTHING, Any


def _member(annotation: Any, value: Any) -> Any:
    """The union member `value` is validated against (Optional's other member, or the first
    member of the value's kind)."""
    plain = annotation
    while typing.get_origin(plain) is typing.Annotated:
        plain = typing.get_args(plain)[0]
    if typing.get_origin(plain) not in _UNIONS:
        return annotation
    members = [m for m in typing.get_args(plain) if m is not type(None)]
    for member in members:
        cls = typing.get_origin(strip(member)) or strip(member)
        if isinstance(value, dict) and not (isinstance(cls, type) and issubclass(cls, _SEQUENCES)):
            return member
        if isinstance(value, list) and isinstance(cls, type) and issubclass(cls, _SEQUENCES):
            return member
    return members[0] if members else annotation


def _child(annotation: Any, value: Any, step: Any) -> tuple[Any, Any]:
    """The value and annotation at `step` (a field's wire name or an index) below `value`."""
    cls = strip(annotation)
    if isinstance(step, int):
        item = value[step] if isinstance(value, list) and -len(value) <= step < len(value) else None
        args = typing.get_args(cls)
        if typing.get_origin(cls) is tuple and args and args[-1] is not Ellipsis:
            return item, args[step] if step < len(args) else Any
        return item, args[0] if args else Any
    if isinstance(cls, type) and issubclass(cls, msgspec.Struct):
        for field in msgspec.structs.fields(cls):
            if field.encode_name == step:
                return _attribute(value, step, field.name), field.type
        return None, Any
    if typing.get_origin(cls) in (dict, collections.abc.Mapping):
        return _attribute(value, step, step), _mapping_args(cls)[1]
    try:  # a dataclass or a TypedDict
        hints = typing.get_type_hints(cls, include_extras=True)
    except Exception:
        return _attribute(value, step, step), Any
    return _attribute(value, step, step), hints.get(step, Any)


def _attribute(value: Any, key: str, name: str) -> Any:
    if isinstance(value, dict):
        return value.get(key)
    return getattr(value, name, None)
