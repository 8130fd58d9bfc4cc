"""`Response`: headers by any case, merged Vary, content type."""

from __future__ import annotations

import typing
from http import HTTPStatus
from types import MappingProxyType
from typing import Any

import pytest
from rest_events import make_event

from router_core import Cookie, Response


def test_content_type_goes_into_headers_unless_already_set() -> None:
    assert Response(200, "text/plain", "x").headers == {"Content-Type": "text/plain"}
    response = Response(200, "text/plain", "x", headers={"content-type": "text/html"})
    assert response.headers == {"content-type": "text/html"}
    assert response.content_type == "text/html"


def test_set_header_replaces_any_case() -> None:
    response = Response(200, headers={"x-id": "1"})
    response.set_header("X-Id", "2")
    assert response.headers == {"X-Id": "2"}
    response.remove_header("x-ID")
    assert response.headers == {}


def test_vary_values_are_merged_not_overwritten() -> None:
    response = Response(200, headers={"vary": "Accept-Language"})
    response.add_vary("Origin")
    response.add_vary("accept-language", "Accept-Encoding")
    assert response.get_header("Vary") == "Accept-Language, Origin, Accept-Encoding"


def test_header_lists_are_kept() -> None:
    response = Response(200, headers={"X-Multi": ["a", "b"]})
    assert response.get_header("x-multi") == ["a", "b"]


# -- what Powertools' Response takes ------------------------------------------------------------


def test_powertools_keyword_arguments_and_members() -> None:
    cookie = Cookie("session", "abc")
    response = Response(
        status_code=HTTPStatus.CREATED,
        content_type="application/json",
        body={"id": 1},
        headers=MappingProxyType({"Location": "/todos/1", "X-Multi": ["a", "b"]}),
        cookies=[cookie],
        compress=True,
    )

    assert response.status_code == 201
    assert response.body == {"id": 1}
    assert response.headers == {
        "Location": "/todos/1",
        "X-Multi": ["a", "b"],
        "Content-Type": "application/json",
    }
    assert response.cookies == [cookie]
    assert response.compress is True
    assert response.content_type == "application/json"
    assert response.base64_encoded is False
    assert response.is_json() is True


def test_response_is_subscriptable_like_powertools_generic_response() -> None:
    def handler() -> Response[dict[str, int]]:
        return Response(200, "application/json", {"a": 1})

    # Evaluated at run time (without postponed annotations) it keeps its body type, as a
    # generic alias does, for router-validation to read.
    assert typing.get_origin(Response[dict]) is Response
    assert typing.get_args(Response[dict]) == (dict,)
    assert Response[dict](200, "application/json", {"b": 2}).body == {"b": 2}
    assert handler().body == {"a": 1}


def test_a_header_set_to_none_is_left_out() -> None:
    response = Response(200, "text/plain", "x", headers={"X-Gone": None, "X-Kept": "1"})
    assert response.headers == {"X-Kept": "1", "Content-Type": "text/plain"}


def test_an_empty_content_type_sets_no_header() -> None:
    assert Response(204, "", None).headers == {}


def test_content_type_and_base64_encoded_can_be_set() -> None:
    response = Response(200, "text/plain", "x", headers={"content-type": "text/html"})
    response.content_type = "text/csv"
    assert response.headers == {"Content-Type": "text/csv"}
    response.content_type = None
    assert response.headers == {}
    response.base64_encoded = True
    assert response.is_base64_encoded is True


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("application/json", True),
        ("application/json; charset=utf-8", True),
        ("text/plain", False),
        (None, False),
    ],
)
def test_is_json_as_powertools(content_type: str | None, expected: bool) -> None:
    handler = pytest.importorskip("aws_lambda_powertools.event_handler")
    theirs = handler.Response(200, content_type, "x")
    assert Response(200, content_type, "x").is_json() is expected is theirs.is_json()


@pytest.mark.parametrize(
    "arguments",
    [
        {"status_code": 200, "content_type": "application/json", "body": {"a": [1, 2]}},
        {"status_code": 201, "content_type": "text/plain", "body": "created"},
        {"status_code": 204},
        {"status_code": 200, "content_type": "image/png", "body": b"\x89PNG"},
        {"status_code": 200, "body": "x", "headers": {"X-A": ["1", "2"], "X-None": None}},
        {"status_code": 302, "headers": {"Location": "/there"}, "body": ""},
        {"status_code": HTTPStatus.ACCEPTED, "content_type": "application/json", "body": [1]},
    ],
)
def test_a_rest_answer_is_the_same_as_powertools(arguments: dict[str, Any]) -> None:
    handler = pytest.importorskip("aws_lambda_powertools.event_handler")
    router_rest = pytest.importorskip("router_rest")
    results = []
    for resolver, response_class in (
        (handler.APIGatewayRestResolver, handler.Response),
        (router_rest.APIGatewayRestResolver, Response),
    ):
        app = resolver()

        @app.get("/thing")
        def thing(response_class: Any = response_class) -> Any:
            return response_class(**arguments)

        results.append(app.resolve(make_event("GET", "/thing"), None))
    theirs, ours = results
    if theirs["body"] is None:
        theirs["body"] = ""  # Powertools sends a null body; ours is never null (DESIGN)
    assert ours == theirs
