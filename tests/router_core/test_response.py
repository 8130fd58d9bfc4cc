"""`Response`: headers by any case, merged Vary, content type."""

from __future__ import annotations

from router_core import Response


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
