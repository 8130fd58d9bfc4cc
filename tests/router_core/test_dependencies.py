"""`Depends`, compiled invokers and the sync runner, called directly on real-shaped events.

One `Request` stands for one invocation: the pipeline creates one per event and hands the same
one to every invoker of that call, so a new `Request` is a new invocation here.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import json
import subprocess
import sys
from typing import Annotated, Any, Callable

import pytest

from router_core.dependencies import (
    DependencyResolutionError,
    Depends,
    check_registration,
    compile_handler,
    compile_middleware,
    run_sync,
)
from router_core.exceptions import NotFoundError, ServiceError, UnauthorizedError
from router_core.request import Request

pytest.importorskip("router_http")  # this module needs every adapter it imports
pytest.importorskip("router_rest")

from router_http import APIGatewayProxyEventV2
from router_rest import APIGatewayProxyEvent

# Written from AWS's documented proxy integration input formats.
_REST: dict[str, Any] = {
    "resource": "/orders/{order_id}",
    "path": "/orders/7",
    "httpMethod": "GET",
    "headers": {"Authorization": "Bearer token-ana", "X-Tenant-Id": "acme"},
    "multiValueHeaders": {"Authorization": ["Bearer token-ana"], "X-Tenant-Id": ["acme"]},
    "queryStringParameters": None,
    "multiValueQueryStringParameters": None,
    "pathParameters": {"order_id": "7"},
    "stageVariables": None,
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "abc123",
        "httpMethod": "GET",
        "path": "/prod/orders/7",
        "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        "resourcePath": "/orders/{order_id}",
        "stage": "prod",
    },
    "body": None,
    "isBase64Encoded": False,
}

_HTTP: dict[str, Any] = {
    "version": "2.0",
    "routeKey": "$default",
    "rawPath": "/orders/7",
    "rawQueryString": "",
    "headers": {"authorization": "Bearer token-ana", "x-tenant-id": "acme"},
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "r3pmxmplak",
        "domainName": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
        "http": {"method": "GET", "path": "/orders/7", "protocol": "HTTP/1.1"},
        "requestId": "JKJaXmPLvHcESHA=",
        "routeKey": "$default",
        "stage": "$default",
    },
    "isBase64Encoded": False,
}

RULE = "/orders/<order_id:int>"
NewRequest = Callable[[], Request]


@pytest.fixture(
    params=[
        pytest.param((APIGatewayProxyEvent, _REST), id="rest"),
        pytest.param((APIGatewayProxyEventV2, _HTTP), id="http"),
    ]
)
def new_request(request: pytest.FixtureRequest) -> NewRequest:
    """A fresh invocation's Request for `GET /orders/7` on the source."""
    event_class, raw = request.param
    return lambda: Request(event_class(copy.deepcopy(raw)), RULE, {"order_id": 7}, {})


# -- the dependency tree used below ------------------------------------------------------------
calls: list[str] = []


@pytest.fixture(autouse=True)
def _reset_calls() -> None:
    calls.clear()


def get_token(request: Request) -> str:
    calls.append("get_token")
    return request.headers["authorization"].removeprefix("Bearer ")


def get_user(token: Annotated[str, Depends(get_token)]) -> str:
    calls.append("get_user")
    return token.removeprefix("token-")


def get_tenant(request: Request) -> str:
    calls.append("get_tenant")
    return request.headers.get("x-tenant-id", "default")


def new_id() -> int:
    calls.append("new_id")
    return len(calls)


def get_owner(
    user: Annotated[str, Depends(get_user)], tenant: Annotated[str, Depends(get_tenant)]
) -> str:
    calls.append("get_owner")
    return f"{tenant}/{user}"


def get_order(
    order_id: int,
    owner: Annotated[str, Depends(get_owner)],
    user: Annotated[str, Depends(get_user)],
    request: Request,
) -> dict[str, Any]:
    return {"id": order_id, "owner": owner, "user": user, "route": request.route}


# -- compiling ---------------------------------------------------------------------------------
def test_a_plain_handler_compiles_to_none() -> None:
    def get_plain(order_id: int) -> dict[str, Any]:
        return {"id": order_id}

    def untyped(order_id):  # type: ignore[no-untyped-def]
        return order_id

    assert compile_handler(get_plain, ["order_id"]) is None
    assert compile_handler(untyped, ["order_id"]) is None


def test_a_name_that_only_resembles_request_is_not_injected() -> None:
    class RequestModel:
        pass

    def handler(body: RequestModel) -> None: ...  # a string annotation naming another class

    assert compile_handler(handler, []) is None


def test_a_handler_with_only_request_compiles() -> None:
    def handler(order_id: int, request: Request) -> tuple[int, str]:
        return order_id, request.method

    invoker = compile_handler(handler, ["order_id"])

    assert invoker is not None
    event = APIGatewayProxyEvent(copy.deepcopy(_REST))
    assert invoker({"order_id": 7}, Request(event, RULE, {"order_id": 7}, {}), None) == (7, "GET")


def test_the_plan_is_flat_and_depth_first() -> None:
    invoker = compile_handler(get_order, ["order_id"])

    assert invoker is not None
    steps = [(s.dependency.__name__, s.decides, s.calls) for s in invoker.plan.steps]
    assert steps == [
        ("get_owner", True, False),  # guard: an override or a cached value skips its subtree
        ("get_user", True, False),
        ("get_token", True, True),
        ("get_user", False, True),
        ("get_tenant", True, True),
        ("get_owner", False, True),
        ("get_user", True, False),
        ("get_token", True, True),
        ("get_user", False, True),
    ]
    assert invoker.plan.is_async is False
    assert [name for name, _ in invoker.plan.arguments] == ["owner", "user", "request"]


# -- resolving ---------------------------------------------------------------------------------
def test_nested_dependencies_are_resolved_with_request(new_request: NewRequest) -> None:
    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    result = invoker({"order_id": 7}, new_request(), None)

    assert result == {"id": 7, "owner": "acme/ana", "user": "ana", "route": "/orders/{order_id}"}


def test_each_dependency_runs_once_per_invocation(new_request: NewRequest) -> None:
    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    invoker({"order_id": 7}, new_request(), None)

    assert calls == ["get_token", "get_user", "get_tenant", "get_owner"]


def test_a_new_invocation_resolves_again(new_request: NewRequest) -> None:
    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    invoker({"order_id": 7}, new_request(), None)
    invoker({"order_id": 7}, new_request(), None)

    assert calls.count("get_user") == 2
    assert calls.count("get_owner") == 2


def test_use_cache_false_runs_for_every_parameter(new_request: NewRequest) -> None:
    def handler(
        first: Annotated[int, Depends(new_id, use_cache=False)],
        second: Annotated[int, Depends(new_id, use_cache=False)],
        cached: Annotated[int, Depends(new_id)],
        again: Annotated[int, Depends(new_id)],
    ) -> tuple[int, int, int, int]:
        return first, second, cached, again

    invoker = compile_handler(handler, [])
    assert invoker is not None

    assert invoker({}, new_request(), None) == (1, 2, 3, 3)
    assert calls == ["new_id"] * 3


def stamped(value: Annotated[int, Depends(new_id, use_cache=False)]) -> int:
    calls.append("stamped")
    return value


def test_a_cached_dependency_skips_its_whole_subtree(new_request: NewRequest) -> None:
    def handler(
        a: Annotated[int, Depends(stamped)], b: Annotated[int, Depends(stamped)]
    ) -> tuple[int, int]:
        return a, b

    invoker = compile_handler(handler, [])
    assert invoker is not None

    assert invoker({}, new_request(), None) == (1, 1)
    assert calls == ["new_id", "stamped"]  # the second `stamped` ran nothing, as in Powertools


def test_a_dependency_wins_over_a_path_parameter_of_the_same_name(
    new_request: NewRequest,
) -> None:
    def handler(order_id: Annotated[int, Depends(new_id)]) -> int:
        return order_id

    invoker = compile_handler(handler, ["order_id"])
    assert invoker is not None

    assert invoker({"order_id": 7}, new_request(), None) == 1


# -- middlewares -------------------------------------------------------------------------------
def test_a_plain_middleware_compiles_to_none() -> None:
    def log(app: Any, next_middleware: Callable[[Any], Any]) -> Any:
        return next_middleware(app)

    def untyped(app, next_middleware):  # type: ignore[no-untyped-def]
        return next_middleware(app)

    assert compile_middleware(log) is None
    assert compile_middleware(untyped) is None


def test_a_middleware_shares_the_invocations_cache_with_the_handler(
    new_request: NewRequest,
) -> None:
    def audit(
        app: Any,
        next_middleware: Callable[[Any], Any],
        request: Request,
        user: Annotated[str, Depends(get_user)],
    ) -> Any:
        request.context["audited"] = user
        return {"via": "audit", "inner": next_middleware(app)}

    middleware = compile_middleware(audit)
    handler = compile_handler(get_order, ["order_id"])
    assert middleware is not None and handler is not None
    request = new_request()

    result = middleware("app", lambda app: handler({"order_id": 7}, request, None), request, None)

    assert result["inner"]["user"] == "ana"
    assert request.context["audited"] == "ana"
    assert calls == ["get_token", "get_user", "get_tenant", "get_owner"]


# -- overrides ---------------------------------------------------------------------------------
def test_an_override_replaces_a_dependency(new_request: NewRequest) -> None:
    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    result = invoker({"order_id": 7}, new_request(), {get_user: lambda: "test-user"})

    assert result["user"] == "test-user"
    assert result["owner"] == "acme/test-user"
    assert "get_token" not in calls  # the original's sub-dependencies do not run


def test_an_override_of_a_nested_dependency(new_request: NewRequest) -> None:
    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    result = invoker({"order_id": 7}, new_request(), {get_token: lambda: "token-bob"})

    assert result["owner"] == "acme/bob"
    assert calls == ["get_user", "get_tenant", "get_owner"]


def test_an_override_declares_its_own_dependencies(new_request: NewRequest) -> None:
    def fake_user(tenant: Annotated[str, Depends(get_tenant)], request: Request) -> str:
        return f"{tenant}-tester-{request.method}"

    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    result = invoker({"order_id": 7}, new_request(), {get_user: fake_user})

    assert result["user"] == "acme-tester-GET"
    assert calls.count("get_tenant") == 1  # fake_user's and get_owner's share the cache


def test_an_override_result_is_cached_per_invocation(new_request: NewRequest) -> None:
    def fake_user() -> str:
        calls.append("fake_user")
        return "fake"

    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    invoker({"order_id": 7}, new_request(), {get_user: fake_user})

    assert calls.count("fake_user") == 1


def test_overrides_are_read_at_call_time(new_request: NewRequest) -> None:
    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None
    overrides: dict[Any, Any] = {}

    assert invoker({"order_id": 7}, new_request(), overrides)["user"] == "ana"
    overrides[get_user] = lambda: "later"
    assert invoker({"order_id": 7}, new_request(), overrides)["user"] == "later"


# -- errors ------------------------------------------------------------------------------------
def deny() -> str:
    raise UnauthorizedError("no token")


def explode() -> str:
    raise ValueError("database down")


def test_a_service_error_is_wrapped_with_it_as_the_cause(new_request: NewRequest) -> None:
    def handler(user: Annotated[str, Depends(deny)]) -> str:
        return user

    invoker = compile_handler(handler, [])
    assert invoker is not None

    with pytest.raises(DependencyResolutionError) as caught:
        invoker({}, new_request(), None)

    assert isinstance(caught.value.__cause__, UnauthorizedError)
    assert caught.value.__cause__.status_code == 401
    assert str(caught.value) == "Failed to resolve dependency 'deny' for parameter 'user': no token"
    assert caught.value.dependency is deny
    assert caught.value.parameter == "user"


def checked(user: Annotated[str, Depends(deny)]) -> str:
    return user


def test_a_nested_dependency_error_is_wrapped_once(new_request: NewRequest) -> None:
    def handler(user: Annotated[str, Depends(checked)]) -> str:
        return user

    invoker = compile_handler(handler, [])
    assert invoker is not None

    with pytest.raises(DependencyResolutionError) as caught:
        invoker({}, new_request(), None)

    assert type(caught.value.__cause__) is UnauthorizedError
    assert caught.value.parameter == "user"


def test_any_exception_is_wrapped(new_request: NewRequest) -> None:
    def handler(value: Annotated[str, Depends(explode)]) -> str:
        return value

    invoker = compile_handler(handler, [])
    assert invoker is not None

    with pytest.raises(DependencyResolutionError, match="'explode' for parameter 'value'") as e:
        invoker({}, new_request(), None)
    assert isinstance(e.value.__cause__, ValueError)


def test_an_overrides_error_names_the_override(new_request: NewRequest) -> None:
    def failing_override() -> str:
        raise NotFoundError("no such user")

    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    with pytest.raises(DependencyResolutionError, match="'failing_override'") as caught:
        invoker({"order_id": 7}, new_request(), {get_user: failing_override})
    assert isinstance(caught.value.__cause__, NotFoundError)


ALREADY_WRAPPED = DependencyResolutionError("already wrapped")


def raises_wrapper() -> str:
    raise ALREADY_WRAPPED


def test_a_dependency_resolution_error_raised_by_a_dependency_passes_unchanged(
    new_request: NewRequest,
) -> None:
    def handler(value: Annotated[str, Depends(raises_wrapper)]) -> str:
        return value

    invoker = compile_handler(handler, [])
    assert invoker is not None

    with pytest.raises(DependencyResolutionError) as caught:
        invoker({}, new_request(), None)
    assert caught.value is ALREADY_WRAPPED


def test_the_handlers_own_exception_is_not_wrapped(new_request: NewRequest) -> None:
    def handler(tenant: Annotated[str, Depends(get_tenant)]) -> str:
        raise NotFoundError(f"{tenant} has no orders")

    invoker = compile_handler(handler, [])
    assert invoker is not None

    with pytest.raises(NotFoundError, match="acme has no orders"):
        invoker({}, new_request(), None)


def test_depends_on_a_non_callable_is_refused() -> None:
    with pytest.raises(DependencyResolutionError, match="requires a callable, got str"):
        Depends("get_user")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Depends(42)  # type: ignore[arg-type]


# -- refused at registration -------------------------------------------------------------------
def open_session() -> Any:
    yield "session"


async def open_stream() -> Any:
    yield "stream"


def uses_session(session: Annotated[str, Depends(open_session)]) -> str:
    return session


def wants_session(value: Annotated[str, Depends(open_session)]) -> str:
    return value


def wants_stream(value: Annotated[str, Depends(open_stream)]) -> str:
    return value


@pytest.mark.parametrize(
    ("handler", "name"), [(wants_session, "open_session"), (wants_stream, "open_stream")]
)
def test_a_generator_dependency_is_refused_at_registration(handler: Any, name: str) -> None:
    with pytest.raises(TypeError, match=f"{name} .*is a generator"):
        check_registration(handler)


def test_a_generator_deep_in_the_tree_is_refused_and_named() -> None:
    def handler(value: Annotated[str, Depends(uses_session)]) -> str:
        return value

    with pytest.raises(TypeError) as caught:
        check_registration(handler)

    message = str(caught.value)
    assert "test_dependencies.open_session" in message
    assert "of tests.router_core.test_dependencies.uses_session" in message
    assert "`yield` dependencies are not supported" in message


def test_a_generator_in_a_middleware_is_refused_at_registration() -> None:
    def middleware(app: Any, next_middleware: Any, s: Annotated[str, Depends(open_session)]) -> Any:
        return next_middleware(app)

    with pytest.raises(TypeError, match="is a generator"):
        check_registration(middleware)


def test_registration_accepts_a_valid_tree_and_plain_functions() -> None:
    def plain(order_id: str) -> str:
        return order_id

    check_registration(get_order)
    check_registration(plain)
    check_registration(lambda: None)
    check_registration(print)


def test_registration_skips_names_not_defined_yet_and_compile_reports_them() -> None:
    def handler(value: Annotated[str, Depends(defined_later)]) -> str:  # noqa: F821
        return value

    check_registration(handler)  # the name may be defined after the route, before resolving
    with pytest.raises(TypeError, match="'defined_later' is not defined"):
        compile_handler(handler, [])


def cycle_start(value: Annotated[str, Depends(cycle_end)]) -> str:
    return value


def cycle_end(value: Annotated[str, Depends(cycle_start)]) -> str:
    return value


def test_a_dependency_cycle_is_refused() -> None:
    def handler(value: Annotated[str, Depends(cycle_start)]) -> str:
        return value

    with pytest.raises(TypeError, match=r"dependency cycle: .*cycle_start -> .*cycle_end -> "):
        check_registration(handler)


def needs_a_query(limit: int) -> int:
    return limit


def test_a_dependency_parameter_nothing_fills_is_refused() -> None:
    def handler(limit: Annotated[int, Depends(needs_a_query)]) -> int:
        return limit

    with pytest.raises(TypeError, match="nothing gives parameter 'limit' a value"):
        compile_handler(handler, [])


# -- async -------------------------------------------------------------------------------------
async def fetch_profile() -> str:
    calls.append("fetch_profile")
    return "profile"


def test_an_async_dependency_makes_the_invoker_a_coroutine(new_request: NewRequest) -> None:
    def handler(
        tenant: Annotated[str, Depends(get_tenant)],
        profile: Annotated[str, Depends(fetch_profile)],
    ) -> str:
        return f"{tenant}:{profile}"

    check_registration(handler)  # accepted: it runs awaited, or on the thread's event loop
    invoker = compile_handler(handler, [])
    assert invoker is not None
    assert invoker.plan.is_async is True
    assert [s.is_coroutine for s in invoker.plan.steps] == [False, True]

    assert asyncio.run(invoker({}, new_request(), None)) == "acme:profile"
    assert calls == ["get_tenant", "fetch_profile"]


def test_the_sync_runner_refuses_an_async_plan_clearly(new_request: NewRequest) -> None:
    def handler(profile: Annotated[str, Depends(fetch_profile)]) -> str:
        return profile

    invoker = compile_handler(handler, [])
    assert invoker is not None

    with pytest.raises(TypeError, match=r"fetch_profile is a coroutine function.*resolve_async"):
        run_sync(invoker.plan, new_request(), None)


def test_an_async_override_is_awaited(new_request: NewRequest) -> None:
    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None

    result = asyncio.run(invoker({"order_id": 7}, new_request(), {get_user: fetch_profile}))

    assert "fetch_profile" in calls
    assert result is not None


# -- kinds of callables ------------------------------------------------------------------------
class CurrentUser:
    """A class as the dependency: its __init__ parameters are resolved."""

    def __init__(self, name: Annotated[str, Depends(get_user)], request: Request) -> None:
        self.name = name
        self.method = request.method


class Quota:
    """A callable instance as the dependency: its __call__ parameters are resolved."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, tenant: Annotated[str, Depends(get_tenant)]) -> str:
        return f"{tenant}:{self.limit}"


def scoped(scope: str, user: Annotated[str, Depends(get_user)]) -> str:
    return f"{user}@{scope}"


QUOTA = Quota(100)
ADMIN_SCOPE = functools.partial(scoped, "admin")


def test_class_instance_and_partial_dependencies(new_request: NewRequest) -> None:
    def handler(
        user: Annotated[CurrentUser, Depends(CurrentUser)],
        quota: Annotated[str, Depends(QUOTA)],
        scope: Annotated[str, Depends(ADMIN_SCOPE)],
    ) -> tuple[str, str, str, str]:
        return user.name, user.method, quota, scope

    invoker = compile_handler(handler, [])
    assert invoker is not None

    assert invoker({}, new_request(), None) == ("ana", "GET", "acme:100", "ana@admin")
    assert calls.count("get_user") == 1


def test_an_eagerly_annotated_handler(new_request: NewRequest) -> None:
    # What a module without `from __future__ import annotations` gives: real objects.
    def handler(user, request):  # type: ignore[no-untyped-def]
        return user, request.route

    handler.__annotations__ = {"user": Annotated[str, Depends(get_user)], "request": Request}

    check_registration(handler)
    invoker = compile_handler(handler, [])
    assert invoker is not None
    assert invoker({}, new_request(), None) == ("ana", "/orders/{order_id}")


# -- what it costs -----------------------------------------------------------------------------
def test_a_request_neither_inspects_nor_reads_type_hints(
    new_request: NewRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspect
    import typing

    def audit(app: Any, next_middleware: Any, user: Annotated[str, Depends(get_user)]) -> Any:
        return next_middleware(app)

    invoker = compile_handler(get_order, ["order_id"])
    middleware = compile_middleware(audit)
    assert invoker is not None and middleware is not None

    def fake_user() -> str:
        return "x"

    overrides = {get_user: fake_user}
    invoker({"order_id": 7}, new_request(), overrides)  # an override compiles on first use

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("analysed per request")

    monkeypatch.setattr(typing, "get_type_hints", forbidden)
    monkeypatch.setattr(inspect, "signature", forbidden)

    request = new_request()
    result = middleware("app", lambda app: invoker({"order_id": 7}, request, None), request, None)
    assert result["owner"] == "acme/ana"
    assert invoker({"order_id": 7}, new_request(), overrides)["user"] == "x"


def test_registering_a_plain_function_loads_nothing() -> None:
    # In a fresh interpreter: the check must not import typing, inspect-based analysis or
    # the signature model for a route that declares no Depends.
    script = """
import sys
import router_rest
from router_core.dependencies import check_registration, compile_handler, compile_middleware

def get_todo(todo_id: str, limit: "int" = 10) -> dict:
    return {}

def log(app, next_middleware):
    return next_middleware(app)

check_registration(get_todo)
check_registration(log)
assert compile_handler(get_todo, ["todo_id"]) is None
assert compile_middleware(log) is None
print(sorted(m for m in ("typing", "router_core.signature", "router_core.request")
             if m in sys.modules))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.replace("'", '"')) == []


# -- side by side with Powertools --------------------------------------------------------------
# Powertools' side is written without `from __future__ import annotations` (exec'd into its
# own namespace) so that these functions, local to a test, carry real annotation objects.
_POWERTOOLS_APP = """
from typing import Annotated
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Depends, Request

app = APIGatewayRestResolver()

def token(request: Request) -> str:
    calls.append("get_token")
    return request.headers["authorization"].removeprefix("Bearer ")

def user(t: Annotated[str, Depends(token)]) -> str:
    calls.append("get_user")
    return t.removeprefix("token-")

def stamp() -> int:
    calls.append("new_id")
    return len(calls)

def stamped(u: Annotated[str, Depends(user)],
            n: Annotated[int, Depends(stamp, use_cache=False)]) -> str:
    calls.append("stamped")
    return f"{u}-{n}"

@app.get("/orders/<order_id>")
def get_order(order_id: str,
              a: Annotated[str, Depends(stamped)],
              b: Annotated[str, Depends(stamped)],
              c: Annotated[int, Depends(stamp, use_cache=False)],
              u: Annotated[str, Depends(user)]) -> dict:
    return {"a": a, "b": b, "c": c, "u": u}
"""


def _powertools_rest_app() -> Any:
    pytest.importorskip("aws_lambda_powertools")
    namespace: dict[str, Any] = {"calls": calls}
    exec(_POWERTOOLS_APP, namespace)
    return namespace["app"]


def _our_stamped(
    u: Annotated[str, Depends(get_user)], n: Annotated[int, Depends(new_id, use_cache=False)]
) -> str:
    calls.append("stamped")
    return f"{u}-{n}"


def test_calls_and_values_match_powertools() -> None:
    app = _powertools_rest_app()
    theirs = json.loads(app.resolve(copy.deepcopy(_REST), None)["body"])
    their_calls = list(calls)
    calls.clear()

    def get_order(
        order_id: str,
        a: Annotated[str, Depends(_our_stamped)],
        b: Annotated[str, Depends(_our_stamped)],
        c: Annotated[int, Depends(new_id, use_cache=False)],
        u: Annotated[str, Depends(get_user)],
    ) -> dict[str, Any]:
        return {"a": a, "b": b, "c": c, "u": u}

    invoker = compile_handler(get_order, ["order_id"])
    assert invoker is not None
    event = APIGatewayProxyEvent(copy.deepcopy(_REST))
    ours = invoker({"order_id": "7"}, Request(event, "/orders/<order_id>", {}, {}), None)

    assert ours == theirs
    assert calls == their_calls


@pytest.mark.parametrize("raised", [UnauthorizedError("no token"), ValueError("db down")])
def test_the_wrapped_error_matches_powertools(raised: Exception) -> None:
    pytest.importorskip("aws_lambda_powertools")
    from aws_lambda_powertools.event_handler import Depends as PowertoolsDepends
    from aws_lambda_powertools.event_handler.depends import (
        DependencyResolutionError as PowertoolsError,
    )
    from aws_lambda_powertools.event_handler.depends import (
        build_dependency_tree,
        solve_dependencies,
    )

    def failing() -> str:
        raise raised

    def theirs_handler(value):  # type: ignore[no-untyped-def]
        return value

    def ours_handler(value):  # type: ignore[no-untyped-def]
        return value

    theirs_handler.__annotations__ = {"value": Annotated[str, PowertoolsDepends(failing)]}
    ours_handler.__annotations__ = {"value": Annotated[str, Depends(failing)]}

    with pytest.raises(PowertoolsError) as theirs:
        solve_dependencies(dependant=build_dependency_tree(theirs_handler))
    invoker = compile_handler(ours_handler, [])
    assert invoker is not None
    event = APIGatewayProxyEvent(copy.deepcopy(_REST))
    with pytest.raises(DependencyResolutionError) as ours:
        invoker({}, Request(event, "/", {}, {}), None)

    assert str(ours.value) == str(theirs.value)
    assert ours.value.__cause__ is theirs.value.__cause__ is raised


def test_the_names_are_exported_from_router_core() -> None:
    import router_core

    assert router_core.Request is Request
    assert router_core.Depends is Depends
    assert router_core.DependencyResolutionError is DependencyResolutionError
    assert issubclass(DependencyResolutionError, Exception)
    assert not issubclass(DependencyResolutionError, ServiceError)
