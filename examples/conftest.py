"""How each example's `test_app.py` gets its app, event and expected response.

Example folders are not packages (each is laid out as a Lambda function's code folder), so
`app.py` is imported by path under a unique module name. The folder is on `sys.path` only
while it is imported, for examples whose `app.py` imports sibling modules (`routers/`), and
those siblings are then dropped from `sys.modules` so that two examples never share one.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest


def load_module(folder: Path, name: str = "app") -> ModuleType:
    """Import `folder/<name>.py` as `example_<folder>_<name>`."""
    module_name = f"example_{folder.name}_{name}"
    spec = importlib.util.spec_from_file_location(module_name, folder / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {folder / name}.py")
    module = importlib.util.module_from_spec(spec)
    before = set(sys.modules)
    sys.path.insert(0, str(folder))
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
        local = [m for m in set(sys.modules) - before if _is_under(sys.modules[m], folder)]
        for name_ in local:
            if name_ != module_name:
                del sys.modules[name_]
    return module


def _is_under(module: ModuleType, folder: Path) -> bool:
    file = getattr(module, "__file__", None)
    return file is not None and Path(file).resolve().is_relative_to(folder.resolve())


class Example:
    """An example folder: its app module, its event and the response it must give."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.app = load_module(folder)
        self.event: dict[str, Any] = json.loads((folder / "event.json").read_text("utf-8"))
        self.expected: dict[str, Any] = json.loads((folder / "expected.json").read_text("utf-8"))


@pytest.fixture
def example(request: pytest.FixtureRequest) -> Example:
    """The example whose `test_app.py` asks for it."""
    return Example(Path(request.path).parent)


@pytest.fixture
def load(request: pytest.FixtureRequest) -> Callable[[str], ModuleType]:
    """Import another module of the asking example's folder: `load("function_url")`."""
    folder = Path(request.path).parent
    return lambda name: load_module(folder, name)
