"""`ApiGatewayResolver(proxy_type=...)`: Powertools' generic resolver picks the adapter of its
event type, imported only then. A stand-in adapter module (the fake source under the real
adapter's module name) lets router-core's own session check the mechanism."""

from __future__ import annotations

import sys
import types
from enum import Enum
from typing import Any

import orjson
import pytest
from fake_source import FakeResolver, event, hide_modules

from router_core import ApiGatewayResolver, MissingExtraError, ProxyEventType, compat


@pytest.fixture
def fresh_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    """No resolver class made by an earlier test: each test sees the import happen."""
    monkeypatch.setattr(compat, "_CLASSES", {})


def _stand_in(monkeypatch: pytest.MonkeyPatch, module: str, class_name: str) -> type[Any]:
    """Install the fake source as adapter `module`, its resolver named `class_name`."""
    resolver = type(class_name, (FakeResolver,), {})
    fake = types.ModuleType(module)
    setattr(fake, class_name, resolver)
    monkeypatch.setitem(sys.modules, module, fake)
    return resolver


@pytest.mark.usefixtures("fresh_classes")
@pytest.mark.parametrize(
    ("proxy_type", "module", "class_name"),
    [
        (None, "router_rest", "APIGatewayRestResolver"),
        (ProxyEventType.APIGatewayProxyEvent, "router_rest", "APIGatewayRestResolver"),
        (ProxyEventType.APIGatewayProxyEventV2, "router_http", "APIGatewayHttpResolver"),
        (ProxyEventType.ALBEvent, "router_alb", "ALBResolver"),
        ("LambdaFunctionUrlEvent", "router_function_url", "LambdaFunctionUrlResolver"),
    ],
)
def test_the_event_type_picks_the_adapter(
    monkeypatch: pytest.MonkeyPatch, proxy_type: Any, module: str, class_name: str
) -> None:
    source = _stand_in(monkeypatch, module, class_name)

    app = ApiGatewayResolver(proxy_type=proxy_type, strip_prefixes=["/v1"])

    @app.get("/hello")
    def hello() -> dict[str, str]:
        return {"hello": "world"}

    assert isinstance(app, source) and isinstance(app, ApiGatewayResolver)
    assert type(app).__qualname__.startswith("ApiGatewayResolver[")
    result = app.resolve(event("GET", "/v1/hello"), None)
    assert (result["status"], orjson.loads(result["body"])) == (200, {"hello": "world"})
    # Every app of one event type shares one class.
    assert type(ApiGatewayResolver(proxy_type=proxy_type)) is type(app)


class PowertoolsProxyEventType(Enum):
    """Stands for Powertools' own enum: its members' values are understood too."""

    ALBEvent = "ALBEvent"


@pytest.mark.usefixtures("fresh_classes")
def test_a_foreign_enum_member_is_read_by_its_value(monkeypatch: pytest.MonkeyPatch) -> None:
    source = _stand_in(monkeypatch, "router_alb", "ALBResolver")

    assert isinstance(ApiGatewayResolver(PowertoolsProxyEventType.ALBEvent), source)


@pytest.mark.usefixtures("fresh_classes")
def test_a_missing_adapter_fails_at_construction_naming_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hide_modules(monkeypatch, "router_http")

    with pytest.raises(MissingExtraError) as raised:
        ApiGatewayResolver(proxy_type=ProxyEventType.APIGatewayProxyEventV2)

    assert str(raised.value) == (
        "ApiGatewayResolver(proxy_type=ProxyEventType.APIGatewayProxyEventV2) needs "
        "router-http: pip install router-http"
    )
    assert isinstance(raised.value, ImportError)


@pytest.mark.usefixtures("fresh_classes")
def test_an_adapter_failing_on_its_own_import_error_is_not_reported_as_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    def broken(name: str) -> Any:
        raise ModuleNotFoundError("No module named 'something_else'", name="something_else")

    monkeypatch.setattr(importlib, "import_module", broken)

    with pytest.raises(ModuleNotFoundError, match="something_else"):
        ApiGatewayResolver(proxy_type=ProxyEventType.ALBEvent)


@pytest.mark.parametrize(
    "proxy_type",
    [ProxyEventType.BedrockAgentEvent, ProxyEventType.VPCLatticeEventV2, "KinesisEvent"],
)
def test_event_types_without_an_adapter_are_refused(proxy_type: Any) -> None:
    with pytest.raises(ValueError, match="events are not provided; the event types routed"):
        ApiGatewayResolver(proxy_type=proxy_type)


def test_a_proxy_type_that_is_no_event_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="proxy_type takes a ProxyEventType member, got 3"):
        ApiGatewayResolver(proxy_type=3)  # type: ignore[arg-type]


def test_a_users_subclass_is_built_as_itself() -> None:
    class MyResolver(ApiGatewayResolver, FakeResolver):
        pass

    app = MyResolver()
    app.get("/")(lambda: {"mine": True})

    assert type(app) is MyResolver
    assert orjson.loads(app.resolve(event("GET", "/"), None)["body"]) == {"mine": True}
