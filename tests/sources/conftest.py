"""Behaviour shared by every source, run against each installed adapter.

Each test builds its app from the `resolver_class` fixture, so the same assertions run for
REST, HTTP API, ALB and Function URL wherever those packages are installed.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

ADAPTERS = [
    ("router_rest", "APIGatewayRestResolver"),
    ("router_http", "APIGatewayHttpResolver"),
    ("router_alb", "ALBResolver"),
    ("router_function_url", "LambdaFunctionUrlResolver"),
]


def _installed() -> list[Any]:
    found = []
    for module_name, class_name in ADAPTERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        found.append(pytest.param(getattr(module, class_name), id=class_name))
    return found


INSTALLED = _installed()


@pytest.fixture(params=INSTALLED)
def resolver_class(request: pytest.FixtureRequest) -> Any:
    return request.param
