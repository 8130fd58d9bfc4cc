"""Binary responses: bytes bodies travel base64-encoded; str bodies never do."""

from __future__ import annotations

import base64
import logging
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from router_binary import BinaryExtension, create_extension, encode_body
from router_core import Response
from router_core.extensions import ORDER_BINARY, ORDER_COMPRESSION, ORDER_HEAD

# The 8-byte PNG signature and the start of an IHDR chunk: not UTF-8.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>é</title></svg>'


def raw_header(raw: dict[str, Any], name: str) -> str | None:
    """A header of the Lambda result, from whichever shape the source uses."""
    for key, value in (raw.get("multiValueHeaders") or {}).items():
        if key.lower() == name.lower():
            return ", ".join(value)
    for key, value in (raw.get("headers") or {}).items():
        if key.lower() == name.lower():
            return str(value)
    return None


# -- the hook itself ---------------------------------------------------------------------------


def test_bytes_body_is_encoded_and_flagged() -> None:
    response = Response(200, "image/png", PNG)

    encode_body(response)

    assert response.body == base64.b64encode(PNG).decode("ascii")
    assert response.is_base64_encoded is True


@pytest.mark.parametrize(
    "response",
    [
        Response(200, "application/json", '{"a":1}'),
        Response(200, "text/plain", "hi"),
        Response(200, "image/svg+xml", SVG),
        Response(200, "image/png", "not really a png"),
        Response(200, "application/octet-stream", "text anyway"),
        Response(200, "image/png", ""),
        Response(204),
    ],
    ids=["json", "text", "svg", "png-type", "octet-stream-type", "empty-image", "no-body"],
)
def test_str_and_missing_bodies_are_never_encoded(response: Response) -> None:
    body = response.body

    encode_body(response)

    assert response.body == body
    assert response.is_base64_encoded is False


@pytest.mark.parametrize("empty", [b"", bytearray(), memoryview(b"")])
def test_empty_bytes_are_an_empty_base64_body(empty: bytes) -> None:
    response = Response(200, "application/octet-stream", empty)

    encode_body(response)

    assert response.body == ""
    assert response.is_base64_encoded is True


def test_an_encoded_body_is_not_encoded_twice() -> None:
    response = Response(200, "image/png", base64.b64encode(PNG).decode())
    response.is_base64_encoded = True

    encode_body(response)

    assert response.body == base64.b64encode(PNG).decode()


def test_extension_runs_after_compression() -> None:
    extension = create_extension(None, True)

    assert isinstance(extension, BinaryExtension)
    assert ORDER_COMPRESSION < extension.order == ORDER_BINARY < ORDER_HEAD


@given(st.binary(max_size=2048))
def test_any_bytes_survive_the_encoding(data: bytes) -> None:
    response = Response(200, "application/octet-stream", data)

    encode_body(response)

    assert base64.b64decode(response.body) == data
    assert response.is_base64_encoded is True


# -- through each source --------------------------------------------------------------------------


def test_bytes_returned_by_a_handler(source: Any) -> None:
    app = source.app()

    @app.get("/blob")
    def blob() -> bytes:
        return PNG

    response = source.client(app).get("/blob")

    assert response.status_code == 200
    assert response.body == PNG
    assert response.header("Content-Type") == "application/octet-stream"
    assert response.raw["isBase64Encoded"] is True
    assert response.raw["body"] == base64.b64encode(PNG).decode("ascii")


def test_bytes_response_with_status_headers_and_type(source: Any) -> None:
    app = source.app()

    @app.post("/logos")
    def upload() -> Response:
        return Response(
            201, "image/png", PNG, headers={"Location": "/logos/1", "Cache-Control": "no-store"}
        )

    response = source.client(app).post("/logos", body=b"\x00")

    assert response.status_code == 201
    assert response.body == PNG
    assert response.raw["isBase64Encoded"] is True
    assert raw_header(response.raw, "Content-Type") == "image/png"
    assert raw_header(response.raw, "Location") == "/logos/1"
    assert raw_header(response.raw, "Cache-Control") == "no-store"


def test_bytes_tuple_response(source: Any) -> None:
    app = source.app()

    @app.get("/teapot")
    def teapot() -> tuple[bytes, int]:
        return b"\xff\xfe", 418

    response = source.client(app).get("/teapot")

    assert response.status_code == 418
    assert response.body == b"\xff\xfe"
    assert response.raw["isBase64Encoded"] is True


def test_text_responses_stay_text_once_binary_is_loaded(source: Any) -> None:
    app = source.app()

    @app.get("/blob")
    def blob() -> bytes:
        return PNG

    @app.get("/json")
    def as_json() -> dict[str, Any]:
        return {"ok": True}

    client = source.client(app)
    client.get("/blob")  # loads router-binary into the app
    response = client.get("/json")

    assert response.json() == {"ok": True}
    assert response.raw["isBase64Encoded"] is False
    assert response.raw["body"] == '{"ok":true}'


def test_str_body_of_a_binary_type_stays_text_once_binary_is_active(source: Any) -> None:
    app = source.app()

    @app.get("/blob")
    def blob() -> bytes:
        return PNG

    @app.get("/logo.svg")
    def logo() -> Response:
        return Response(200, "image/svg+xml", SVG)

    client = source.client(app)
    client.get("/blob")
    response = client.get("/logo.svg")

    assert response.raw["isBase64Encoded"] is False
    assert response.raw["body"] == SVG
    assert response.header("Content-Type") == "image/svg+xml"


def test_str_body_of_a_binary_type_is_sent_as_text(source: Any) -> None:
    app = source.app()

    @app.get("/logo.svg")
    def logo() -> Response:
        return Response(200, "image/svg+xml", SVG)

    response = source.client(app).get("/logo.svg")

    assert response.raw["isBase64Encoded"] is False
    assert response.raw["body"] == SVG


def test_empty_bytes_from_a_handler(source: Any) -> None:
    app = source.app()

    @app.get("/empty")
    def empty() -> Response:
        return Response(200, "application/octet-stream", b"")

    response = source.client(app).get("/empty")

    assert response.status_code == 200
    assert response.raw["body"] == ""
    assert response.raw["isBase64Encoded"] is True
    assert response.body == b""


def test_head_of_a_bytes_route_has_no_body(source: Any) -> None:
    app = source.app()

    @app.get("/blob")
    def blob() -> Response:
        return Response(200, "image/png", PNG)

    response = source.client(app).head("/blob")

    assert response.status_code == 200
    assert response.body == b""
    assert response.header("Content-Type") == "image/png"


def test_bytes_from_an_exception_handler(source: Any) -> None:
    app = source.app()

    @app.exception_handler(LookupError)
    def placeholder(error: LookupError) -> Response:
        return Response(404, "image/png", PNG)

    @app.get("/avatars/<name>")
    def avatar(name: str) -> bytes:
        raise LookupError(name)

    response = source.client(app).get("/avatars/ann")

    assert response.status_code == 404
    assert response.body == PNG
    assert response.raw["isBase64Encoded"] is True


@settings(max_examples=25, deadline=None)
@given(data=st.binary(min_size=1, max_size=4096))
def test_any_bytes_round_trip_through_the_source(source: Any, data: bytes) -> None:
    app = source.app()

    @app.get("/blob")
    def blob() -> bytes:
        return data

    response = source.client(app).get("/blob")

    assert response.body == data
    assert base64.b64decode(response.raw["body"], validate=True) == data


def test_missing_router_binary_answers_500_and_names_the_package(
    source: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "router_binary", None)
    app = source.app()

    @app.get("/blob")
    def blob() -> bytes:
        return PNG

    with caplog.at_level(logging.ERROR, logger="router"):
        response = source.client(app).get("/blob")

    assert response.status_code == 500
    assert response.json() == {"statusCode": 500, "message": "Internal Server Error"}
    assert "pip install router-binary" in caplog.text


def test_base64_body_over_the_source_limit_answers_500(
    source: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = source.app()
    limit = app.codec.max_response_bytes

    @app.get("/big/<n:int>")
    def big(n: int) -> bytes:
        return b"\x00" * n

    client = source.client(app)
    # Base64 grows a body by a third: 3/4 of the limit, encoded, still fits ...
    assert client.get(f"/big/{limit * 3 // 4 - 4096}").status_code == 200
    # ... a body of the limit's size does not, and says which limit it broke.
    with caplog.at_level(logging.ERROR, logger="router"):
        response = client.get(f"/big/{limit}")
    assert response.status_code == 500
    assert f"limit of {limit} bytes" in caplog.text
