"""Load an app of apps/ twice: as written for Powertools, and ported (imports changed as
docs/migration.md says). Each load is a fresh module, so apps never share state."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from types import ModuleType

from porting import port

APPS = Path(__file__).parent / "apps"
_COUNT = itertools.count()


def source(name: str) -> str:
    return (APPS / f"{name}.py").read_text("utf-8")


def load(name: str, ported: bool) -> ModuleType:
    """A fresh module of `apps/<name>.py`, ported to router's imports when `ported`."""
    text = port(source(name)) if ported else source(name)
    module_name = f"compat_{name}_{'router' if ported else 'powertools'}_{next(_COUNT)}"
    module = ModuleType(module_name)
    module.__file__ = str(APPS / f"{name}.py")
    sys.modules[module_name] = module  # annotations are resolved through sys.modules
    exec(compile(text, module.__file__, "exec"), module.__dict__)
    return module
