"""The lean install: `pip install router-core router-rest` brings only those two and orjson."""

from __future__ import annotations

import importlib.util
import re
from importlib import metadata

import pytest

ROUTER_DISTRIBUTIONS = {
    "router-core",
    "router-rest",
    "router-http",
    "router-alb",
    "router-function-url",
    "router-cors",
    "router-binary",
    "router-compression",
    "router-all",
    "router-local",
}


def _installed() -> set[str]:
    return {(d.metadata["Name"] or "").lower() for d in metadata.distributions()}


def test_only_core_and_rest_of_the_router_packages_are_installed() -> None:
    assert _installed() & ROUTER_DISTRIBUTIONS == {"router-core", "router-rest"}


def test_runtime_dependencies_are_orjson_alone() -> None:
    required = set()
    for name in ("router-core", "router-rest"):
        for requirement in metadata.requires(name) or []:
            if "extra ==" not in requirement:
                required.add(re.split(r"[\s<>=!~;\[(]", requirement)[0])
    assert required == {"orjson", "router-core"}


@pytest.mark.parametrize("module", ["router_cors", "router_binary", "router_compression", "brotli"])
def test_no_extra_code_is_present(module: str) -> None:
    assert importlib.util.find_spec(module) is None
