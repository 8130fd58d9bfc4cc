"""`ApiGatewayResolver(proxy_type=ProxyEventType.X)` builds the source's resolver, and the
source-typed routers are `Router`s that load only when asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest
import replay_events as events

from router_alb import ALBResolver
from router_core import ApiGatewayResolver, MissingExtraError, ProxyEventType, Router
from router_core import compat as compat_module
from router_function_url import LambdaFunctionUrlResolver
from router_http import APIGatewayHttpResolver
from router_rest import APIGatewayRestResolver

SOURCES = [
    (ProxyEventType.APIGatewayProxyEvent, APIGatewayRestResolver, events.rest),
    (ProxyEventType.APIGatewayProxyEventV2, APIGatewayHttpResolver, events.http),
    (ProxyEventType.ALBEvent, ALBResolver, events.alb),
    (ProxyEventType.LambdaFunctionUrlEvent, LambdaFunctionUrlResolver, events.function_url),
]


@pytest.mark.parametrize("proxy_type, resolver, make_event", SOURCES, ids=lambda v: str(v))
def test_the_proxy_type_picks_the_sources_resolver(proxy_type, resolver, make_event):
    app = ApiGatewayResolver(proxy_type=proxy_type)
    assert isinstance(app, resolver)
    assert isinstance(app, ApiGatewayResolver)

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str) -> dict[str, str]:
        return {"id": todo_id, "path": app.current_event.path}

    result = app.resolve(make_event("GET", "/todos/7"), None)
    assert result["statusCode"] == 200
    assert result["body"] == '{"id":"7","path":"/todos/7"}'


def test_without_a_proxy_type_it_is_a_rest_api_resolver_taking_the_same_options():
    app = ApiGatewayResolver(None, None, None, None, ["/v1"])  # positional, as in Powertools
    assert isinstance(app, APIGatewayRestResolver)
    app.get("/ping")(lambda: {"ok": True})
    result = app.resolve(events.rest("GET", "/v1/ping"), None)
    assert (result["statusCode"], result["body"]) == (200, '{"ok":true}')


def test_source_options_reach_the_sources_resolver():
    app = ApiGatewayResolver(proxy_type=ProxyEventType.ALBEvent, decode_query_parameters=False)
    app.get("/q")(lambda: {"q": app.current_event.get_query_string_value("q")})
    result = app.resolve(events.alb("GET", "/q?q=a%20b"), None)
    assert result["body"] == '{"q":"a%20b"}'


def test_apps_of_one_proxy_type_share_one_class():
    first = ApiGatewayResolver(proxy_type=ProxyEventType.APIGatewayProxyEventV2)
    second = ApiGatewayResolver(proxy_type="APIGatewayProxyEventV2")
    assert type(first) is type(second)


def test_another_source_is_refused_by_name():
    with pytest.raises(ValueError, match="VPCLatticeEvent events are not provided"):
        ApiGatewayResolver(proxy_type=ProxyEventType.VPCLatticeEvent)
    with pytest.raises(TypeError, match="proxy_type takes a ProxyEventType member"):
        ApiGatewayResolver(proxy_type=42)  # type: ignore[arg-type]


def test_a_missing_adapter_names_its_package(monkeypatch):
    monkeypatch.setattr(compat_module, "_CLASSES", {})
    monkeypatch.setitem(sys.modules, "router_alb", None)  # as if router-alb were not installed
    with pytest.raises(MissingExtraError, match="pip install router-alb") as raised:
        ApiGatewayResolver(proxy_type=ProxyEventType.ALBEvent)
    assert raised.value.distribution == "router-alb"


@pytest.mark.parametrize(
    "module, name",
    [
        ("router_rest", "APIGatewayRouter"),
        ("router_http", "APIGatewayHttpRouter"),
        ("router_alb", "ALBRouter"),
        ("router_function_url", "LambdaFunctionUrlRouter"),
    ],
)
def test_source_routers_load_on_first_use(module, name):
    code = (
        f"import sys, {module}\n"
        f"assert '{module}.router' not in sys.modules, 'loaded with the package'\n"
        f"router = {module}.{name}()\n"
        "from router_core import Router\n"
        "assert isinstance(router, Router)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_source_router_is_included_like_a_router():
    from router_http import APIGatewayHttpRouter

    router = APIGatewayHttpRouter()
    assert isinstance(router, Router)

    @router.get("<item_id>")
    def get_item(item_id: str) -> dict[str, str]:
        return {"id": item_id, "ip": router.current_event.request_context.http.source_ip}

    app = APIGatewayHttpResolver()
    app.include_router(router, prefix="/items/")
    result = app.resolve(events.http("GET", "/items/3"), None)
    assert result["body"] == f'{{"id":"3","ip":"{events.SOURCE_IP}"}}'
