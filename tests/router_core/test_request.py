"""`Request`: Powertools' names over a REST (payload 1.0) and an HTTP API (payload 2.0) event."""

from __future__ import annotations

import base64
import copy
from typing import Any, Callable

import pytest

from router_core.exceptions import BadRequestError
from router_core.headers import Headers
from router_core.request import Request, route_template

pytest.importorskip("router_http")  # this module needs every adapter it imports
pytest.importorskip("router_rest")

from router_http import APIGatewayProxyEventV2
from router_rest import APIGatewayProxyEvent

# Written from AWS's documented proxy integration input formats.
_REST: dict[str, Any] = {
    "resource": "/todos/{todo_id}",
    "path": "/todos/42",
    "httpMethod": "PUT",
    "headers": {"Content-Type": "application/json", "X-Tenant-Id": "acme"},
    "multiValueHeaders": {"Content-Type": ["application/json"], "X-Tenant-Id": ["acme"]},
    "queryStringParameters": None,
    "multiValueQueryStringParameters": None,
    "pathParameters": {"todo_id": "42"},
    "stageVariables": None,
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "abc123",
        "httpMethod": "PUT",
        "path": "/prod/todos/42",
        "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        "resourcePath": "/todos/{todo_id}",
        "stage": "prod",
    },
    "body": None,
    "isBase64Encoded": False,
}

_HTTP: dict[str, Any] = {
    "version": "2.0",
    "routeKey": "$default",
    "rawPath": "/todos/42",
    "rawQueryString": "",
    "headers": {"content-type": "application/json", "x-tenant-id": "acme"},
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "r3pmxmplak",
        "domainName": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
        "http": {"method": "PUT", "path": "/todos/42", "protocol": "HTTP/1.1"},
        "requestId": "JKJaXmPLvHcESHA=",
        "routeKey": "$default",
        "stage": "$default",
    },
    "isBase64Encoded": False,
}


def rest_event(
    query: dict[str, str] | None = None, body: str | None = None, base64_body: bool = False
) -> dict[str, Any]:
    event = copy.deepcopy(_REST)
    if query is not None:
        event["queryStringParameters"] = query
        event["multiValueQueryStringParameters"] = {k: [v] for k, v in query.items()}
    event["body"] = body
    event["isBase64Encoded"] = base64_body
    return event


def http_event(
    query: dict[str, str] | None = None, body: str | None = None, base64_body: bool = False
) -> dict[str, Any]:
    event = copy.deepcopy(_HTTP)
    if query is not None:
        event["queryStringParameters"] = query
        event["rawQueryString"] = "&".join(f"{k}={v}" for k, v in query.items())
    if body is not None:
        event["body"] = body
    event["isBase64Encoded"] = base64_body
    return event


SOURCES = [
    pytest.param((APIGatewayProxyEvent, rest_event), id="rest"),
    pytest.param((APIGatewayProxyEventV2, http_event), id="http"),
]
MakeRequest = Callable[..., Request]


@pytest.fixture(params=SOURCES)
def make_request(request: pytest.FixtureRequest) -> MakeRequest:
    event_class, factory = request.param

    def make(rule: str | None = "/todos/<todo_id:int>", **event_options: Any) -> Request:
        event = event_class(factory(**event_options))
        return Request(event, rule, {"todo_id": 42}, {"user": "ana"})

    return make


# -- members -----------------------------------------------------------------------------------
def test_route_is_the_matched_rule_as_a_template(make_request: MakeRequest) -> None:
    assert make_request().route == "/todos/{todo_id}"


def test_route_without_a_matched_rule_is_the_request_path(make_request: MakeRequest) -> None:
    # Powertools gives the path for its own not-found route; routing's own 404/405 likewise.
    assert make_request(rule=None).route == "/todos/42"


@pytest.mark.parametrize(
    ("rule", "template"),
    [
        ("/", "/"),
        ("/todos", "/todos"),
        ("/todos/<todo_id>", "/todos/{todo_id}"),
        ("/users/<user_id:uuid>/files/<name:path>", "/users/{user_id}/files/{name}"),
        ("/items/<price:float>", "/items/{price}"),
        ("/files/<stem>.txt", "/files/{stem}.txt"),
        ("/.+", "/.+"),
        ("/v<version:int>/status", "/v{version}/status"),
        (r"/orders/(?P<order>\d+)", r"/orders/(?P<order>\d+)"),
    ],
)
def test_route_template_drops_converters_and_keeps_regex_text(rule: str, template: str) -> None:
    assert route_template(rule) == template


def test_path_parameters_are_the_converted_values(make_request: MakeRequest) -> None:
    request = make_request()

    assert request.path_parameters == {"todo_id": 42}
    assert type(request.path_parameters) is dict


def test_path_parameters_from_a_read_only_mapping_become_a_dict() -> None:
    from types import MappingProxyType

    event = APIGatewayProxyEvent(rest_event())
    request = Request(event, "/todos/<todo_id>", MappingProxyType({"todo_id": "42"}), {})

    assert request.path_parameters == {"todo_id": "42"}
    assert type(request.path_parameters) is dict


def test_method_is_upper_case(make_request: MakeRequest) -> None:
    assert make_request().method == "PUT"
    lower = rest_event()
    lower["httpMethod"] = "put"
    assert Request(APIGatewayProxyEvent(lower), "/", {}, {}).method == "PUT"


def test_headers_are_looked_up_without_regard_to_case(make_request: MakeRequest) -> None:
    headers = make_request().headers

    assert isinstance(headers, Headers)
    assert headers["X-TENANT-ID"] == "acme"
    assert headers.get("x-tenant-id") == "acme"
    assert headers.get("authorization") is None


def test_query_parameters_are_an_empty_dict_when_there_are_none(
    make_request: MakeRequest,
) -> None:
    assert make_request().query_parameters == {}


def test_query_parameters(make_request: MakeRequest) -> None:
    request = make_request(query={"limit": "10", "sort": "asc"})

    assert request.query_parameters == {"limit": "10", "sort": "asc"}


def test_body_is_as_sent_and_json_body_parsed(make_request: MakeRequest) -> None:
    request = make_request(body='{"title": "write docs"}')

    assert request.body == '{"title": "write docs"}'
    assert request.json_body == {"title": "write docs"}


def test_base64_body_stays_as_sent_and_json_body_decodes_it(make_request: MakeRequest) -> None:
    encoded = base64.b64encode(b'{"done": true}').decode()
    request = make_request(body=encoded, base64_body=True)

    assert request.body == encoded
    assert request.json_body == {"done": True}


def test_no_body(make_request: MakeRequest) -> None:
    request = make_request()

    assert request.body is None
    assert request.json_body is None


def test_malformed_json_body_is_a_bad_request(make_request: MakeRequest) -> None:
    request = make_request(body="{not json")

    with pytest.raises(BadRequestError, match="not valid JSON"):
        _ = request.json_body


def test_resolved_event_and_context_are_the_invocations_own(make_request: MakeRequest) -> None:
    request = make_request()

    assert request.resolved_event.path == "/todos/42"
    assert request.context == {"user": "ana"}
    request.context["seen"] = True
    assert request.context["seen"] is True


def test_the_context_is_the_same_dict_the_app_shares() -> None:
    context: dict[str, Any] = {}
    request = Request(APIGatewayProxyEvent(rest_event()), "/", {}, context)

    context["user"] = "ana"  # a middleware's app.append_context(...)
    assert request.context is context
    assert request.context["user"] == "ana"


def test_request_is_slotted_and_starts_without_a_dependency_cache() -> None:
    request = Request(APIGatewayProxyEvent(rest_event()), "/", {}, {})

    assert not hasattr(request, "__dict__")
    assert request._dependency_cache is None
    assert repr(request) == "Request(PUT /)"


# -- side by side with Powertools --------------------------------------------------------------
@pytest.mark.parametrize("query", [None, {"limit": "5"}])
@pytest.mark.parametrize("body", [None, '{"title": "x"}'])
def test_members_match_powertools(query: dict[str, str] | None, body: str | None) -> None:
    powertools = pytest.importorskip("aws_lambda_powertools.event_handler.request")
    data_classes = pytest.importorskip("aws_lambda_powertools.utilities.data_classes")
    for ours_class, theirs_class, factory in [
        (APIGatewayProxyEvent, data_classes.APIGatewayProxyEvent, rest_event),
        (APIGatewayProxyEventV2, data_classes.APIGatewayProxyEventV2, http_event),
    ]:
        raw = factory(query=query, body=body)
        theirs = powertools.Request("/todos/{todo_id}", {"todo_id": "42"}, theirs_class(raw), {})
        ours = Request(ours_class(raw), "/todos/<todo_id>", {"todo_id": "42"}, {})

        assert ours.route == theirs.route
        assert ours.path_parameters == theirs.path_parameters
        assert ours.method == theirs.method
        assert dict(ours.headers) == {k.lower(): v for k, v in theirs.headers.items()}
        assert ours.headers["X-Tenant-Id"] == theirs.headers["X-Tenant-Id"]
        assert ours.query_parameters == theirs.query_parameters
        assert ours.body == theirs.body
        assert ours.json_body == theirs.json_body
