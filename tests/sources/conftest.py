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


def _full_client(app: Any) -> Any:
    if type(app).__name__ == "ALBResolver":
        return app.test_client(multi_value=True)
    return app.test_client()


@pytest.fixture
def full_client() -> Any:
    """Makes a test client for the variant of the source that carries every header value:
    ALB in single-value mode keeps only the last of repeated headers, so use multi-value."""
    return _full_client
