"""The `source` fixture: run a test against every installed adapter.

nox installs an extra with one adapter at a time; the fixture then yields that adapter alone
(tests that do not use it still run when no adapter is installed). ALB appears twice, in
single-value and in multi-value mode.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# (module, resolver class, test client options, id)
ADAPTERS = [
    ("router_rest", "APIGatewayRestResolver", {}, "rest"),
    ("router_http", "APIGatewayHttpResolver", {}, "http"),
    ("router_alb", "ALBResolver", {}, "alb"),
    ("router_alb", "ALBResolver", {"multi_value": True}, "alb-multi-value"),
    ("router_function_url", "LambdaFunctionUrlResolver", {}, "function-url"),
]


class Source:
    """One adapter: builds apps and the test client that speaks its event shape."""

    def __init__(self, resolver_class: Any, client_options: dict[str, Any], name: str) -> None:
        self.resolver_class = resolver_class
        self.client_options = client_options
        self.name = name

    def app(self, **options: Any) -> Any:
        return self.resolver_class(**options)

    def client(self, app: Any) -> Any:
        return app.test_client(**self.client_options)


def _installed() -> list[Any]:
    found = []
    for module_name, class_name, client_options, name in ADAPTERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        source = Source(getattr(module, class_name), client_options, name)
        found.append(pytest.param(source, id=name))
    return found


@pytest.fixture(params=_installed(), scope="session")
def source(request: pytest.FixtureRequest) -> Source:
    source: Source = request.param
    return source


# -- events of each family, for the tests that send them to a resolver of another -----------
@pytest.fixture
def payload_1_event() -> dict[str, Any]:
    """A payload 1.0 event (REST API), for tests that send it to another resolver."""
    return {
        "resource": "/{proxy+}",
        "path": "/todos",
        "httpMethod": "GET",
        "headers": {"Host": "example.com"},
        "multiValueHeaders": {"Host": ["example.com"]},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": {"proxy": "todos"},
        "stageVariables": None,
        "requestContext": {"httpMethod": "GET", "path": "/prod/todos", "stage": "prod"},
        "body": None,
        "isBase64Encoded": False,
    }


@pytest.fixture
def alb_event() -> dict[str, Any]:
    """An Application Load Balancer event, for tests that send it to another resolver."""
    return {
        "requestContext": {
            "elb": {
                "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:"
                "targetgroup/todos/6d0ecf831eec9f09"
            }
        },
        "httpMethod": "GET",
        "path": "/todos",
        "queryStringParameters": {},
        "headers": {"host": "todos-123.eu-west-1.elb.amazonaws.com"},
        "body": "",
        "isBase64Encoded": False,
    }


@pytest.fixture(autouse=True)
def _forget_missing_extras() -> Iterator[None]:
    """Core remembers an extra it found missing; tests that hide one must not leak that."""
    yield
    extensions = sys.modules.get("router_core.extensions")
    if extensions is not None:  # tests of the repository itself run without router-core
        extensions._missing.clear()


# Property tests never write into the checkout: no example database, and hypothesis's other
# caches (collected constants, Unicode tables) go to the temporary directory.
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "router-hypothesis"))
settings.register_profile("router", database=None)
settings.load_profile("router")
