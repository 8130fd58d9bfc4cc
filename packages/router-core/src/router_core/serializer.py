"""JSON serialization of handler results with orjson.

Compact by default; datetime, UUID, Enum and dataclasses are native to orjson. The fallback
adds what it lacks: Decimal (a finite one as an exact JSON number), objects with
`model_dump()` (pydantic), sets and tuples of those.
"""

from __future__ import annotations

import orjson

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
_dumps = orjson.dumps
_PRETTY = _OPTIONS | orjson.OPT_INDENT_2


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
    return _dumps(obj, _default, _OPTIONS).decode()


def dumps_pretty(obj: Any) -> str:
    """Serialize indented, for debug mode."""
    return orjson.dumps(obj, default=_default, option=_PRETTY).decode()
