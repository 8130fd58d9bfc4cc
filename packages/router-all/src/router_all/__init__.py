"""router-all: the public names of every router runtime package, imported lazily.

    from router_all import APIGatewayRestResolver, CORSConfig, Response

A name's package is imported on first use (PEP 562 module `__getattr__`), so importing
`router_all` costs nothing until a name is used. The names are the siblings' `__all__`, mapped
to their modules in `_exports.py` (generated from packages.toml); a name a sibling adds later
is found too, by looking through the siblings once. A name that two packages export is left
out (import it from the one you mean), except `Cookie`: the response cookie of router-core.
"""

from __future__ import annotations

from router_all._exports import MODULES as _MODULES
from router_all._exports import SOURCES as _SOURCES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_all._exports import *  # noqa: F403

__all__ = sorted(_SOURCES)


def __getattr__(name: str) -> object:
    import importlib

    module_name = _SOURCES.get(name) or _find(name)
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value  # later lookups skip this function
    return value


def _find(name: str) -> str:
    """The module of a public name the generated map does not hold (newer than it)."""
    import importlib

    if name.startswith("__"):
        raise AttributeError(f"module 'router_all' has no attribute {name!r}")
    found: dict[str, str] = {}  # distribution's import name -> module
    for module_name in _MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        package = module_name.partition(".")[0]
        if name in getattr(module, "__all__", ()) and package not in found:
            found[package] = module_name
    if len(found) == 1:
        return next(iter(found.values()))
    if found:
        raise AttributeError(
            f"module 'router_all' has no attribute {name!r}: {', '.join(found)} all export "
            f"it; import it from the one you mean"
        )
    raise AttributeError(f"module 'router_all' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
