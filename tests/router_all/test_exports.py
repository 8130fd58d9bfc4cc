"""router-all's names are its siblings' `__all__`: checked against the installed packages, and
a name a sibling adds later is found without regenerating the map."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import router_all
from router_all import _exports


def _public(module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    names = getattr(module, "__all__", None)
    if names is None:  # a module without __all__: the classes and functions it defines
        names = [
            n
            for n, v in vars(module).items()
            if not n.startswith("_") and getattr(v, "__module__", None) == module_name
        ]
    return [n for n in names if not n.startswith("__")]


def _owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for module_name in _exports.MODULES:
        for name in _public(module_name):
            owners.setdefault(name, set()).add(module_name.partition(".")[0])
    return owners


def test_every_sibling_name_is_re_exported_unless_two_packages_export_it() -> None:
    owners = _owners()
    single = {name for name, packages in owners.items() if len(packages) == 1}

    assert set(router_all.__all__) == single | {"Cookie"} & set(owners)
    for name in router_all.__all__:
        module = importlib.import_module(_exports.SOURCES[name])
        assert getattr(router_all, name) is getattr(module, name)


def test_cookie_is_router_cores_response_cookie() -> None:
    from router_core import Cookie

    assert router_all.Cookie is Cookie


def test_a_name_two_packages_export_says_where_to_import_it_from() -> None:
    ambiguous = sorted(name for name, packages in _owners().items() if len(packages) > 1)
    assert "create_extension" in ambiguous

    with pytest.raises(AttributeError, match=r"router_cors, router_binary, router_compression"):
        router_all.create_extension  # noqa: B018


def test_the_typing_block_declares_exactly_the_mapped_names() -> None:
    tree = ast.parse(Path(_exports.__file__).read_text())
    block = next(node for node in tree.body if isinstance(node, ast.If))
    declared = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert declared == _exports.SOURCES


def test_a_name_a_sibling_adds_later_is_found_without_regenerating() -> None:
    code = (
        "import router_cors, router_all\n"
        "router_cors.NewThing = object()\n"
        "router_cors.__all__ = [*router_cors.__all__, 'NewThing']\n"
        "assert 'NewThing' not in router_all._SOURCES\n"
        "assert router_all.NewThing is router_cors.NewThing\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_router_all_loads_only_its_map() -> None:
    code = (
        "import sys\nbefore = set(sys.modules)\nimport router_all\n"
        "print(sorted(m for m in set(sys.modules) - before if m.startswith('router')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "['router_all', 'router_all._exports']"


def test_dunder_lookups_import_nothing() -> None:
    code = (
        "import sys, router_all\n"
        "assert not hasattr(router_all, '__wrapped__')\n"
        "assert not [m for m in sys.modules if m.startswith('router_') and m != 'router_all'"
        " and not m.startswith('router_all.')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
