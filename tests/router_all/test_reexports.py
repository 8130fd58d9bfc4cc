"""router-all re-exports every public name, lazily, and installs every runtime package."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import router_all


@pytest.mark.parametrize("name", router_all.__all__)
def test_each_name_is_the_defining_packages_object(name: str) -> None:
    module = importlib.import_module(router_all._SOURCES[name])
    assert getattr(router_all, name) is getattr(module, name)


def test_every_runtime_package_is_installed() -> None:
    for module in ("router_rest", "router_http", "router_alb", "router_function_url"):
        importlib.import_module(module)
    for module in ("router_cors", "router_binary", "router_compression"):
        importlib.import_module(module)


def test_importing_router_all_imports_no_adapter_until_a_name_is_used() -> None:
    code = (
        "import sys, router_all\n"
        "assert 'router_http' not in sys.modules and 'router_rest' not in sys.modules\n"
        "router_all.APIGatewayRestResolver\n"
        "assert 'router_rest' in sys.modules and 'router_http' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        router_all.Nope  # noqa: B018


def test_a_monolithic_app_serves_every_source() -> None:
    from router_all import (
        ALBResolver,
        APIGatewayHttpResolver,
        APIGatewayRestResolver,
        CORSConfig,
        LambdaFunctionUrlResolver,
        Router,
    )

    todos = Router()

    @todos.get("/<todo_id:int>")
    def get_todo(todo_id: int) -> dict[str, int]:
        return {"id": todo_id}

    for resolver in (
        APIGatewayRestResolver,
        APIGatewayHttpResolver,
        ALBResolver,
        LambdaFunctionUrlResolver,
    ):
        app = resolver(cors=CORSConfig(allow_origin="https://example.com"))
        app.include_router(todos, prefix="/todos")
        response = app.test_client().get("/todos/7", headers={"Origin": "https://example.com"})
        assert response.json() == {"id": 7}
        assert response.header("Access-Control-Allow-Origin") == "https://example.com"
