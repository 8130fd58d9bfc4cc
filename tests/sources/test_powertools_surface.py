"""Every public member of Powertools' proxy event classes exists on ours, with the same value.

The member lists come from Powertools itself (dir() of each event class and of every nested
request-context class reachable from it), so a member Powertools adds shows up here. Values are
compared side by side on events of each source; where ours differs on purpose (DESIGN's
deliberate differences), the difference is named with its reason and ours is asserted.
"""

from __future__ import annotations

import copy
import typing
import warnings
from functools import cached_property
from typing import Any

import pytest
import rich_events
from samples import family_params

pt = pytest.importorskip("aws_lambda_powertools.utilities.data_classes")
from aws_lambda_powertools.utilities.data_classes.common import DictWrapper  # noqa: E402

from router_alb import ALBEvent  # noqa: E402
from router_core.event import BaseEvent  # noqa: E402
from router_core.exceptions import BadRequestBodyError  # noqa: E402
from router_core.request_context import DictView  # noqa: E402
from router_function_url import LambdaFunctionUrlEvent  # noqa: E402
from router_http import APIGatewayProxyEventV2  # noqa: E402
from router_rest import APIGatewayProxyEvent  # noqa: E402

EVENT_CLASSES = [
    (pt.APIGatewayProxyEvent, APIGatewayProxyEvent),
    (pt.APIGatewayProxyEventV2, APIGatewayProxyEventV2),
    (pt.ALBEvent, ALBEvent),
    (pt.LambdaFunctionUrlEvent, LambdaFunctionUrlEvent),
]

# Public members of Powertools' classes that ours leave out on purpose.
NOT_OFFERED = {
    "header_serializer": "response headers are shaped by each source's codec, not the event",
}

# A field Powertools types `str` (or `int`) holds null in the event: Powertools returns None
# against its own type, ours the empty value of the declared type ("" or 0), so that typed code
# written for `str` never meets None.
NULL_AS_EMPTY = "null in a `str`/`int` field reads as the declared type's empty value"

# Differences in value, by member, with the reason (DESIGN: deliberate differences).
COOKIES_DICT = "`cookies` is a dict on every source; the raw list stays in raw_event"
V2_MULTI_QUERY = "payload 2.0 repeated keys are read from rawQueryString (Powertools: `{}`)"
ALB_DECODED = "ALB query strings are decoded (Powertools passes them on percent-encoded)"
ALB_MULTI_HEADERS = "ALB multi-value mode: headers read from multiValueHeaders (Powertools: none)"
V2_QUERY = {
    "multi_value_query_string_parameters": V2_MULTI_QUERY,
    "get_multi_value_query_string_values": V2_MULTI_QUERY,
}
DIFFERENCES: dict[type[Any], dict[str, str]] = {
    pt.APIGatewayProxyEvent: {},
    pt.APIGatewayProxyEventV2: {"cookies": COOKIES_DICT, **V2_QUERY},
    pt.LambdaFunctionUrlEvent: {"cookies": COOKIES_DICT, **V2_QUERY},
    pt.ALBEvent: {
        "query_string_parameters": ALB_DECODED,
        "multi_value_query_string_parameters": ALB_DECODED,
        "resolved_query_string_parameters": ALB_DECODED,
        "get_query_string_value": ALB_DECODED,
        "get_multi_value_query_string_values": ALB_DECODED,
        "headers": ALB_MULTI_HEADERS,
        "get_header_value": ALB_MULTI_HEADERS,
    },
}


def public_names(cls: type[Any]) -> list[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


def nested_wrapper_classes(cls: type[Any]) -> set[type[Any]]:
    """Every DictWrapper class a public property of `cls` returns, followed recursively."""
    found: set[type[Any]] = set()
    todo = [cls]
    while todo:
        current = todo.pop()
        for name in public_names(current):
            member = getattr(current, name)
            getter = member.fget if isinstance(member, property) else None
            if getter is None:
                continue
            hints = typing.get_type_hints(getter)
            for arg in typing.get_args(hints.get("return")) or (hints.get("return"),):
                is_wrapper = isinstance(arg, type) and issubclass(arg, DictWrapper)
                if is_wrapper and arg not in found and not issubclass(arg, pt.APIGatewayProxyEvent):
                    found.add(arg)
                    todo.append(arg)
    return found


def _context_pairs() -> dict[type[Any], type[Any]]:
    from router_alb.request_context import ALBEventRequestContext
    from router_core.request_context import RequestContextClientCert
    from router_http import request_context as http
    from router_rest import request_context as rest

    mod = pt.api_gateway_proxy_event
    common = pt.common
    return {
        mod.APIGatewayEventRequestContext: rest.APIGatewayEventRequestContext,
        mod.APIGatewayEventAuthorizer: rest.APIGatewayEventAuthorizer,
        common.APIGatewayEventIdentity: rest.APIGatewayEventIdentity,
        common.RequestContextClientCert: RequestContextClientCert,
        mod.RequestContextV2: http.RequestContextV2,
        common.RequestContextV2Http: http.RequestContextV2Http,
        mod.RequestContextV2Authorizer: http.RequestContextV2Authorizer,
        mod.RequestContextV2AuthorizerIam: http.RequestContextV2AuthorizerIam,
        pt.alb_event.ALBEventRequestContext: ALBEventRequestContext,
    }


def test_every_nested_powertools_class_has_a_counterpart() -> None:
    reachable: set[type[Any]] = set()
    for theirs, _ours in EVENT_CLASSES:
        reachable |= nested_wrapper_classes(theirs)
    assert reachable == set(_context_pairs())


@pytest.mark.parametrize(
    ("theirs", "ours"),
    [*EVENT_CLASSES, *_context_pairs().items()],
    ids=lambda cls: f"{cls.__module__.split('.')[0]}.{cls.__name__}",
)
def test_every_public_member_exists(theirs: type[Any], ours: type[Any]) -> None:
    missing = [
        name for name in public_names(theirs) if name not in NOT_OFFERED and not hasattr(ours, name)
    ]
    assert missing == []
    assert issubclass(ours, (BaseEvent, DictView))


# -- values, side by side ----------------------------------------------------------------------
RAISES = object()


def plain(value: Any) -> Any:
    """Mappings as dicts and sequences as lists, recursively, for comparison."""
    if isinstance(value, (DictWrapper, DictView)) or hasattr(value, "items"):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def _read(obj: Any, name: str) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Powertools deprecates get_header_value
            return _call(obj, name)
    except Exception:
        return RAISES


def _call(obj: Any, name: str) -> Any:
    member = getattr(type(obj), name)
    if isinstance(member, (property, cached_property)):
        return getattr(obj, name)
    method = getattr(obj, name)
    if name in ("keys", "values", "items"):
        return list(method())
    if name == "get":
        return [method(key) for key in ("body", "requestId", "http", "missing")]
    if name == "get_context":
        return method()
    if name == "get_header_value":
        names = ("content-type", "Cookie", "X-Tag", "missing")
        return [method(key) for key in names] + [method(key, "-", True) for key in names]
    if name == "get_query_string_value":
        return [method(key) for key in ("tag", "q", "expand", "missing")]
    if name == "get_multi_value_query_string_values":
        return [method(key) for key in ("tag", "q", "expand", "missing")]
    raise AssertionError(f"no call written for {type(obj).__name__}.{name}")


def compare(ours: Any, theirs: Any, where: str, allowed: dict[str, str]) -> list[str]:
    """The members whose values differ (not allowed), recursing into nested contexts."""
    differing = []
    for name in public_names(type(theirs)):
        if name in NOT_OFFERED:
            continue
        their_value = _read(theirs, name)
        try:
            our_value = _call(ours, name)
        except BadRequestBodyError:
            # A body that is not what it claims: 400 here, where Powertools raises too.
            assert their_value is RAISES, f"{where}.{name}"
            continue
        if name == "is_base64_encoded":
            their_value = bool(their_value)  # Powertools: None when the key is missing
        if isinstance(their_value, DictWrapper) and not isinstance(their_value, pt.ALBEvent):
            differing += compare(our_value, their_value, f"{where}.{name}", {})
        elif their_value is None and our_value in ("", 0):
            continue  # see NULL_AS_EMPTY
        elif (
            their_value is not RAISES
            and plain(our_value) != plain(their_value)
            and name not in allowed
        ):
            differing.append(f"{where}.{name}: ours {our_value!r}, theirs {their_value!r}")
    return differing


CASES = [
    pytest.param(pt.APIGatewayProxyEvent, APIGatewayProxyEvent, rich_events.REST, id="rest"),
    pytest.param(
        pt.APIGatewayProxyEventV2, APIGatewayProxyEventV2, rich_events.HTTP_JWT, id="http-jwt"
    ),
    pytest.param(
        pt.APIGatewayProxyEventV2, APIGatewayProxyEventV2, rich_events.HTTP_LAMBDA, id="http-lambda"
    ),
    pytest.param(
        pt.APIGatewayProxyEventV2, APIGatewayProxyEventV2, rich_events.HTTP_IAM, id="http-iam"
    ),
    pytest.param(pt.ALBEvent, ALBEvent, rich_events.ALB_SINGLE, id="alb-single"),
    pytest.param(pt.ALBEvent, ALBEvent, rich_events.ALB_MULTI, id="alb-multi"),
    pytest.param(
        pt.LambdaFunctionUrlEvent,
        LambdaFunctionUrlEvent,
        rich_events.FUNCTION_URL,
        id="function-url",
    ),
]


@pytest.mark.parametrize(("theirs_cls", "ours_cls", "raw"), CASES)
def test_values_match_powertools(theirs_cls: Any, ours_cls: Any, raw: dict[str, Any]) -> None:
    theirs = theirs_cls(copy.deepcopy(raw))
    ours = ours_cls(copy.deepcopy(raw))
    assert compare(ours, theirs, ours_cls.__name__, DIFFERENCES[theirs_cls]) == []


def _sample_cases() -> list[Any]:
    cases = []
    for family, theirs_cls, ours_cls in [
        ("payload 1.0", pt.APIGatewayProxyEvent, APIGatewayProxyEvent),
        ("payload 2.0", pt.APIGatewayProxyEventV2, APIGatewayProxyEventV2),
        ("ALB", pt.ALBEvent, ALBEvent),
    ]:
        for param in family_params(family):
            cases.append(
                pytest.param(theirs_cls, ours_cls, *param.values, id=param.id, marks=param.marks)
            )
    return cases


@pytest.mark.parametrize(("theirs_cls", "ours_cls", "raw"), _sample_cases())
def test_values_match_powertools_on_real_samples(
    theirs_cls: Any, ours_cls: Any, raw: dict[str, Any]
) -> None:
    theirs = theirs_cls(copy.deepcopy(raw))
    ours = ours_cls(copy.deepcopy(raw), validate=False)
    assert compare(ours, theirs, ours_cls.__name__, DIFFERENCES[theirs_cls]) == []
