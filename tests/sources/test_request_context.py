"""`current_event.request_context` and the other Powertools members, on each source.

The request context answers Powertools' attribute names, stays indexable like the raw dict
(a view over it, not a copy), loads only when first read, and never raises on a malformed
event: a missing, null or mistyped field reads as an empty value.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from typing import Any

import pytest
import rich_events
from event_mutations import mutated
from hypothesis import HealthCheck, assume, given, settings

pytest.importorskip("router_alb")  # this module needs every adapter it imports
pytest.importorskip("router_function_url")
pytest.importorskip("router_http")
pytest.importorskip("router_rest")

from router_alb import ALBEvent
from router_core.event import BaseEvent
from router_core.exceptions import BadRequestBodyError
from router_core.request_context import DictView
from router_function_url import LambdaFunctionUrlEvent
from router_http import APIGatewayProxyEventV2
from router_rest import APIGatewayProxyEvent, APIGatewayRestResolver


def test_rest_request_context_attributes() -> None:
    ctx = APIGatewayProxyEvent(copy.deepcopy(rich_events.REST)).request_context
    assert ctx.request_id == "8f2a6c1e-3b7d-4e59-9c0a-1d2e3f4a5b6c"
    assert (ctx.stage, ctx.http_method, ctx.path) == ("prod", "POST", "/prod/orders/o-1")
    assert (ctx.domain_name, ctx.account_id, ctx.api_id) == (
        "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
        "111122223333",
        "a1b2c3d4e5",
    )
    assert ctx.request_time_epoch == 1710324942123
    assert ctx.identity.source_ip == "198.51.100.24"
    assert ctx.identity.user_agent == "curl/8.4.0"
    assert ctx.identity.api_key == "k-8d7e6f"
    assert ctx.identity.user_arn is None
    cert = ctx.identity.client_cert
    assert cert is not None
    assert cert.validity_not_after == "Aug  5 00:28:21 2120 GMT"
    assert cert.subject_dn == "CN=client.example.com,O=Example Corp,C=US"
    assert ctx.authorizer.claims["email"] == "ana@example.com"
    assert ctx.authorizer.scopes == ["orders/write"]
    assert ctx.authorizer.principal_id == "7d3f-41c2"
    assert ctx.authorizer.integration_latency == 12
    assert ctx.authorizer.get_context()["principalId"] == "7d3f-41c2"
    assert ctx.connection_id is None  # a WebSocket field, absent on REST


def test_payload_v2_request_context_attributes() -> None:
    ctx = APIGatewayProxyEventV2(copy.deepcopy(rich_events.HTTP_JWT)).request_context
    assert ctx.request_id == "JKJaXmPLvHcESHA="
    assert (ctx.http.method, ctx.http.path, ctx.http.source_ip) == (
        "POST",
        "/orders/o-1",
        "198.51.100.7",
    )
    assert ctx.http.user_agent == "curl/8.4.0"
    assert (ctx.stage, ctx.route_key, ctx.time_epoch) == (
        "$default",
        "POST /orders/{id}",
        1710324942123,
    )
    assert ctx.authorizer.jwt_claim["iss"] == "https://issuer.example.com"
    assert ctx.authorizer.jwt_scopes == ["orders:write"]
    assert ctx.authorizer.get_lambda == {}
    assert ctx.authentication is not None
    assert ctx.authentication.issuer_dn == "CN=Example Issuing CA,O=Example Corp,C=US"

    lambda_ctx = APIGatewayProxyEventV2(copy.deepcopy(rich_events.HTTP_LAMBDA)).request_context
    assert lambda_ctx.authorizer.get_lambda == {"tenant": "acme", "plan": "pro"}
    assert lambda_ctx.authorizer.get_context() == {"tenant": "acme", "plan": "pro"}
    assert lambda_ctx.authorizer.jwt_claim == {}
    assert lambda_ctx.authentication is None

    iam = APIGatewayProxyEventV2(copy.deepcopy(rich_events.HTTP_IAM)).request_context.authorizer.iam
    assert iam.user_arn == "arn:aws:sts::111122223333:assumed-role/app/session"
    assert iam.cognito_amr == ["authenticated"]
    assert iam.cognito_identity_pool_id == "eu-west-1:9a8b7c6d"
    assert iam.principal_org_id == "o-abcdef1234"


def test_function_url_and_alb_request_contexts() -> None:
    url = LambdaFunctionUrlEvent(copy.deepcopy(rich_events.FUNCTION_URL)).request_context
    assert url.authorizer.iam.caller_id == "AIDACKCEVSQ6C2EXAMPLE"
    assert url.authorizer.iam.cognito_identity_id == ""  # cognitoIdentity is null
    assert url.http.source_ip == "203.0.113.24"

    alb = ALBEvent(copy.deepcopy(rich_events.ALB_SINGLE)).request_context
    assert alb.elb_target_group_arn.endswith(":targetgroup/shop/6d0ecf831eec9f09")


@pytest.mark.parametrize(
    ("event_class", "raw"),
    [
        (APIGatewayProxyEvent, rich_events.REST),
        (APIGatewayProxyEventV2, rich_events.HTTP_JWT),
        (ALBEvent, rich_events.ALB_MULTI),
        (LambdaFunctionUrlEvent, rich_events.FUNCTION_URL),
    ],
)
def test_request_context_is_a_view_of_the_raw_dict(event_class: Any, raw: dict[str, Any]) -> None:
    raw = copy.deepcopy(raw)
    event = event_class(raw)
    ctx = event.request_context
    context = raw["requestContext"]
    assert ctx.raw_event is context  # the event's own dict: no copy
    assert event.request_context is ctx  # created once per event
    assert dict(ctx) == context and ctx == context
    assert list(ctx) == list(context) and len(ctx) == len(context)
    for key, value in context.items():
        assert ctx[key] is value and ctx.get(key) is value and key in ctx
    assert ctx.get("missing", "default") == "default" and "missing" not in ctx
    with pytest.raises(KeyError):
        ctx["missing"]
    # The event itself is a read-only mapping over the raw dict, as Powertools' classes are.
    assert dict(event) == raw and event["requestContext"] is context and "body" in event


def test_a_handler_reads_the_request_context_through_the_resolver() -> None:
    app = APIGatewayRestResolver()

    @app.post("/orders/<order_id>")
    def create(order_id: str) -> dict[str, Any]:
        ctx = app.current_event.request_context
        return {
            "request_id": ctx.request_id,
            "ip": ctx.identity.source_ip,
            "email": ctx.authorizer.claims.get("email"),
            "stage": ctx["stage"],
        }

    result = app.resolve(copy.deepcopy(rich_events.REST), None)
    assert result["statusCode"] == 200
    assert json.loads(result["body"]) == {
        "request_id": "8f2a6c1e-3b7d-4e59-9c0a-1d2e3f4a5b6c",
        "ip": "198.51.100.24",
        "email": "ana@example.com",
        "stage": "prod",
    }


@pytest.mark.parametrize("broken", [None, "ctx", ["x"], 42, {"identity": None, "authorizer": "x"}])
def test_a_malformed_rest_request_context_reads_as_empty(broken: Any) -> None:
    raw = copy.deepcopy(rich_events.REST)
    raw["requestContext"] = broken
    ctx = APIGatewayProxyEvent(raw).request_context
    assert ctx.request_id == "" and ctx.request_time_epoch == 0 and ctx.domain_name is None
    assert ctx.identity.source_ip == "" and ctx.identity.client_cert is None
    assert ctx.authorizer.claims == {} and ctx.authorizer.scopes == []
    assert ctx.authorizer.get_context() == {}


def test_mistyped_nested_fields_read_as_empty() -> None:
    raw = copy.deepcopy(rich_events.HTTP_JWT)
    context = raw["requestContext"]
    context["timeEpoch"] = "1710324942123"
    context["http"] = ["POST"]
    context["authorizer"] = {"jwt": {"claims": ["sub"], "scopes": ["ok", 3]}, "iam": None}
    context["authentication"] = {"clientCert": None}
    ctx = APIGatewayProxyEventV2(raw, validate=False).request_context
    assert ctx.time_epoch == 0 and ctx.http.method == "" and ctx.http.source_ip == ""
    assert ctx.authorizer.jwt_claim == {} and ctx.authorizer.jwt_scopes == []
    assert ctx.authorizer.iam.user_arn == "" and ctx.authorizer.iam.cognito_amr == []
    assert ctx.authentication is None


def test_nothing_new_loads_until_the_request_context_is_read() -> None:
    script = """
import sys
from router_rest import APIGatewayRestResolver
app = APIGatewayRestResolver()
@app.get("/todos")
def todos():
    return {"ok": True}
event = {"httpMethod": "GET", "path": "/todos", "headers": {}, "requestContext": {}, "body": None}
assert app.resolve(event, None)["statusCode"] == 200
lazy = ["router_core.request_context", "router_rest.request_context", "router_core.json"]
print([m for m in lazy if m in sys.modules])
from router_rest import APIGatewayProxyEvent
APIGatewayProxyEvent(event).request_context.request_id
print([m for m in lazy if m in sys.modules])
"""
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert output == ["[]", "['router_core.request_context', 'router_rest.request_context']"]


# -- no member ever raises on a malformed event --------------------------------------------------
_ARGUMENTS: dict[str, tuple[Any, ...]] = {
    "get_header_value": ("content-type",),
    "get_query_string_value": ("tag",),
    "get_multi_value_query_string_values": ("tag",),
    "get": ("requestId",),
}
_BODY_MEMBERS = {"body_bytes", "decoded_body", "json_body"}


def read_everything(obj: Any, depth: int = 0) -> None:
    """Read every public member of `obj` (a BaseEvent or a DictView), recursively."""
    for name in dir(type(obj)):
        if name.startswith("_") or name in ("route_target",):
            continue
        member = getattr(type(obj), name)
        try:
            if isinstance(member, property):
                value = getattr(obj, name)
            elif name in _ARGUMENTS:
                value = getattr(obj, name)(*_ARGUMENTS[name])
            elif name in ("get_context", "keys", "values", "items"):
                value = list(getattr(obj, name)()) if name != "get_context" else obj.get_context()
            else:
                continue
        except BadRequestBodyError:
            assert name in _BODY_MEMBERS, name  # a malformed body answers 400, nothing else
            continue
        if isinstance(value, DictView) and depth < 4:
            read_everything(value, depth + 1)


_MUTATION_CASES = [
    (APIGatewayProxyEvent, rich_events.REST),
    (APIGatewayProxyEventV2, rich_events.HTTP_IAM),
    (APIGatewayProxyEventV2, rich_events.HTTP_JWT),
    (ALBEvent, rich_events.ALB_MULTI),
    (LambdaFunctionUrlEvent, rich_events.FUNCTION_URL),
]


@pytest.mark.parametrize(("event_class", "base"), _MUTATION_CASES)
def test_every_member_of_a_mutated_event_reads_without_error(
    event_class: type[BaseEvent], base: dict[str, Any]
) -> None:
    @settings(
        max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(raw=mutated(base))
    def check(raw: dict[str, Any]) -> None:
        try:
            event = event_class(raw)  # the resolver's own check: a foreign event is refused
        except ValueError:
            assume(False)
            return
        read_everything(event)

    check()


def test_mypy_strict_users_get_real_types(tmp_path: Any) -> None:
    api = pytest.importorskip("mypy.api")
    app_file = tmp_path / "typed_app.py"
    app_file.write_text(
        """
from router_http import APIGatewayHttpResolver
from router_rest import APIGatewayRestResolver

rest = APIGatewayRestResolver()
http = APIGatewayHttpResolver()

def rest_handler() -> str:
    ctx = rest.current_event.request_context
    epoch: int = ctx.request_time_epoch
    claims: dict[str, object] = ctx.authorizer.claims
    return ctx.identity.source_ip.upper() + ctx.request_id + str(epoch) + str(claims)

def http_handler() -> str:
    ctx = http.current_event.request_context
    scopes: list[str] = ctx.authorizer.jwt_scopes
    return ctx.http.source_ip + ctx.authorizer.iam.user_arn + ",".join(scopes)

reveal_type(rest.current_event.request_context.identity.user_agent)
"""
    )
    out, _err, status = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(app_file)])
    assert re.search(r'Revealed type is "(builtins\.)?str \| None"', out), out
    assert status == 0 and "error" not in out, out


def test_the_documented_example_runs() -> None:
    from pathlib import Path

    page = Path(__file__).parents[2] / "docs" / "request-details.md"
    blocks = re.findall(r"```python\n(.*?)\n```", page.read_text(encoding="utf-8"), re.DOTALL)
    (code,) = [block for block in blocks if "request_context" in block]
    namespace: dict[str, Any] = {}
    exec(compile(code, str(page), "exec"), namespace)
    result = namespace["app"].resolve(copy.deepcopy(rich_events.REST), None)
    assert json.loads(result["body"]) == {
        "order": "o-1",
        "request_id": "8f2a6c1e-3b7d-4e59-9c0a-1d2e3f4a5b6c",
        "caller_ip": "198.51.100.24",
        "user": "ana@example.com",
        "stage": "prod",
    }
