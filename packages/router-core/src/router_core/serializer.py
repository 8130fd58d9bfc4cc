"""JSON serialization of handler results with orjson.

Compact by default; datetime, UUID, Enum and dataclasses are native to orjson. The fallback
adds what it lacks: Decimal (a finite one as an exact JSON number), objects with
`model_dump()` (pydantic), sets and tuples of those.

Two kinds of data orjson refuses are still sent, exactly: integers past 64 bits (as their
digits) and strings holding lone surrogates (as `\\udXXX` escapes, which JSON allows and
which the runtime can encode). Only a document orjson refused pays for that second pass.
"""

from __future__ import annotations

import orjson

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Non-str keys are supported, but the option costs orjson 75% on every document: documents
# are first written without it, and only one that has such a key is written again with it.
_FAST = orjson.OPT_SERIALIZE_NUMPY
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
_dumps = orjson.dumps
_PRETTY = _OPTIONS | orjson.OPT_INDENT_2
_Refused = orjson.JSONEncodeError
# The integers orjson writes: signed and unsigned 64-bit.
_LOWEST = -(2**63)
_HIGHEST = 2**64 - 1


def _default(obj: Any) -> Any:
    if type(obj).__name__ == "Decimal" and hasattr(obj, "is_finite"):
        # orjson has no Decimal: a Fragment writes the digits verbatim, exact to the last place.
        return orjson.Fragment(str(obj)) if obj.is_finite() else str(obj)
    dump = getattr(obj, "model_dump", None)
    if callable(dump):
        return dump()
    if isinstance(obj, (set, frozenset)):
        return list(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def dumps(obj: Any) -> str:
    """Serialize compactly: `{"a":1}`."""
    try:
        return _dumps(obj, _default, _FAST).decode()
    except _Refused:
        pass
    try:
        return _dumps(obj, _default, _OPTIONS).decode()
    except _Refused:
        return _dumps(_exact(obj), _default, _OPTIONS).decode()


def dumps_pretty(obj: Any) -> str:
    """Serialize indented, for debug mode."""
    try:
        return _dumps(obj, _default, _PRETTY).decode()
    except _Refused:
        return _dumps(_exact(obj), _default, _PRETTY).decode()


def _exact(obj: Any) -> Any:
    """`obj` with what orjson refuses replaced by verbatim JSON fragments.

    Walks what orjson would walk (containers, dataclasses, Enum values, `model_dump()`);
    everything else is left for orjson and `_default`, so the output is the same as theirs.
    """
    if isinstance(obj, str):
        return orjson.Fragment(_string(obj)) if _has_surrogate(obj) else obj
    if isinstance(obj, int) and not isinstance(obj, bool):
        return obj if _LOWEST <= obj <= _HIGHEST else orjson.Fragment(str(int(obj)))
    if isinstance(obj, dict):
        return _exact_dict(obj)
    if isinstance(obj, (list, tuple)):
        return [_exact(item) for item in obj]
    import dataclasses
    from enum import Enum

    if isinstance(obj, Enum):
        return _exact(obj.value)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _exact(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (set, frozenset)):
        return [_exact(item) for item in obj]
    dump = getattr(obj, "model_dump", None)
    if callable(dump) and type(obj).__name__ != "Decimal":
        return _exact(dump())
    return obj


def _exact_dict(obj: dict[Any, Any]) -> Any:
    plain = True
    items: list[tuple[Any, Any]] = []
    for key, value in obj.items():
        if isinstance(key, int) and not isinstance(key, bool) and not _LOWEST <= key <= _HIGHEST:
            key = str(int(key))  # what a non-str key becomes anyway, digits kept
        elif isinstance(key, str) and _has_surrogate(key):
            plain = False
        items.append((key, _exact(value)))
    if plain:
        return dict(items)
    # A key cannot be a Fragment: write this one object as text, member by member.
    members = [
        f"{_string(key)}:{_dumps(value, _default, _OPTIONS).decode()}"
        if isinstance(key, str) and _has_surrogate(key)
        else _dumps({key: value}, _default, _OPTIONS).decode()[1:-1]
        for key, value in items
    ]
    return orjson.Fragment("{" + ",".join(members) + "}")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _string(text: str) -> str:
    """`text` as a JSON string: non-ASCII kept, lone surrogates as `\\udXXX` escapes."""
    import json
    import re

    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub("[\ud800-\udfff]", lambda found: f"\\u{ord(found.group()):04x}", quoted)
