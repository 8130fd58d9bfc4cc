"""Compression: the coding chosen from Accept-Encoding, and bodies that decode back exactly."""

from __future__ import annotations

import base64
import functools
import gzip
import logging
import random
import sys
from typing import Any

import brotli
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from router_compression import (
    ENCODINGS,
    CompressionExtension,
    choose_encoding,
    compress,
    create_extension,
    parse_accept_encoding,
)
from router_core import Response
from router_core.exceptions import MissingExtraError, NotFoundError
from router_core.extensions import ORDER_BINARY, ORDER_COMPRESSION, ORDER_CORS

DECODERS = {"gzip": gzip.decompress, "br": brotli.decompress}


def decoded(response: Any) -> bytes:
    """What a browser shows: the body with its Content-Encoding undone."""
    encoding = response.header("Content-Encoding")
    return DECODERS[encoding](response.body) if encoding else response.body


def lambda_body(raw: dict[str, Any]) -> bytes:
    """The Lambda result's body as bytes, base64 undone by hand."""
    body = raw["body"]
    return base64.b64decode(body, validate=True) if raw["isBase64Encoded"] else body.encode()


def todos(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Realistic, varied JSON rows (repetitive keys, varied values)."""
    rng = random.Random(seed)
    words = ["water", "plants", "call", "mom", "buy", "milk", "fix", "bike", "read", "book"]
    return [
        {
            "id": i,
            "title": " ".join(rng.choice(words) for _ in range(rng.randint(2, 6))),
            "done": rng.random() < 0.5,
            "priority": rng.randint(1, 5),
            "score": round(rng.uniform(0, 1000), 3),
            "owner": f"user-{rng.randint(1, 10_000):05d}",
        }
        for i in range(count)
    ]


@functools.lru_cache(maxsize=1)
def one_megabyte_of_json() -> str:
    return orjson.dumps(todos(11_500, seed=11)).decode()


# -- Accept-Encoding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept_encoding", "expected"),
    [
        (None, None),
        ("", None),
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br", "br"),
        ("gzip, deflate, br, zstd", "br"),
        ("deflate", None),
        ("compress, deflate", None),
        ("GZIP", "gzip"),
        ("Br", "br"),
        ("x-gzip", "gzip"),
        ("br;q=0.5, gzip", "gzip"),
        ("gzip;q=1.0, br;q=0.999", "gzip"),
        ("gzip;q=0.8, br;q=0.8", "br"),
        ("br;q=0, gzip", "gzip"),
        ("br;q=0, gzip;q=0", None),
        ("gzip;q=0.000", None),
        ("*", "br"),
        ("*;q=0.5, gzip", "gzip"),
        ("*, br;q=0", "gzip"),
        ("*;q=0", None),
        ("*;q=0, gzip;q=0.1", "gzip"),
        ("identity", None),
        ("identity;q=1, gzip;q=0.5", None),
        ("gzip;q=0.5, identity;q=0.2", "gzip"),
        ("gzip;q=0.5, identity;q=0.5", "gzip"),
        ("identity;q=0, gzip", "gzip"),
        (" gzip ; q=0.8 , br ; Q=0.9 ", "br"),
        (",,gzip,,", "gzip"),
        ("gzip;;q=0.5", "gzip"),
        ("br;level=3;q=0.5, gzip;q=0.4", "br"),
        ("gzip, gzip;q=0", None),
        # Malformed entries are ignored, well-formed ones still count.
        ("gzip;q=abc, br;q=0.3", "br"),
        ("gzip;q=1.5", None),
        ("gzip;q=-1", None),
        ("gzip;q=0.0001", None),
        ("gzip;q=", None),
        ("gzip;q", None),
        ("gz ip, br", "br"),
        ("gzip/1, br", "br"),
        ("\x00gzip", None),
        (";q=1", None),
        ("gzip;q=1, br;q=1.0001", "gzip"),
    ],
)
def test_choose_encoding(accept_encoding: str | None, expected: str | None) -> None:
    assert choose_encoding(accept_encoding) == expected


def test_parse_accept_encoding_gives_each_codings_weight() -> None:
    assert parse_accept_encoding("gzip;q=0.8, BR, *;q=0, x-gzip;q=0.5, bad token") == {
        "gzip": 0.5,
        "br": 1.0,
        "*": 0.0,
    }


@given(st.text(max_size=80))
def test_any_header_value_chooses_a_known_coding_or_none(value: str) -> None:
    assert choose_encoding(value) in (None, *ENCODINGS)


# -- the compressors -----------------------------------------------------------------------------


@given(data=st.binary(max_size=4096), encoding=st.sampled_from(ENCODINGS))
def test_compress_round_trips(data: bytes, encoding: str) -> None:
    assert DECODERS[encoding](compress(data, encoding)) == data


def test_gzip_output_is_deterministic() -> None:
    data = orjson.dumps(todos(50))

    assert compress(data, "gzip") == compress(data, "gzip")
    assert compress(data, "gzip")[:2] == b"\x1f\x8b"


def test_unknown_coding_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported content coding 'deflate'"):
        compress(b"x", "deflate")


def test_extension_order_and_needs() -> None:
    extension = create_extension(True, True)

    assert isinstance(extension, CompressionExtension)
    assert ORDER_CORS < extension.order == ORDER_COMPRESSION < ORDER_BINARY
    assert extension.requires == ("binary",)


# -- round trips through each source -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compressed_json_decodes_back_exactly(source: Any, encoding: str) -> None:
    rows = todos(100)
    app = source.app()

    @app.get("/todos", compress=True)
    def list_todos() -> list[dict[str, Any]]:
        return rows

    response = source.client(app).get("/todos", headers={"Accept-Encoding": encoding})

    expected = orjson.dumps(rows)
    assert response.status_code == 200
    assert response.header("Content-Encoding") == encoding
    assert response.header("Vary") == "Accept-Encoding"
    assert response.header("Content-Type") == "application/json"
    assert response.raw["isBase64Encoded"] is True
    assert DECODERS[encoding](lambda_body(response.raw)) == expected
    assert decoded(response) == expected
    assert len(response.body) < len(expected) / 3


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_one_megabyte_of_json_compresses_and_decodes_back(source: Any, encoding: str) -> None:
    body = one_megabyte_of_json()
    assert len(body) >= 1024 * 1024
    app = source.app()

    @app.get("/export", compress=True)
    def export() -> Response:
        return Response(200, "application/json", body)

    response = source.client(app).get("/export", headers={"Accept-Encoding": encoding})

    assert response.status_code == 200
    assert response.header("Content-Encoding") == encoding
    assert DECODERS[encoding](lambda_body(response.raw)) == body.encode()
    assert len(response.raw["body"]) < len(body) / 2


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_bytes_and_text_bodies_compress_too(source: Any, encoding: str) -> None:
    app = source.app()
    page = "<html><body>" + "<p>héllo wörld</p>" * 200 + "</body></html>"
    blob = bytes(range(256)) * 40

    @app.get("/page", compress=True)
    def html() -> Response:
        return Response(200, "text/html; charset=utf-8", page)

    @app.get("/blob", compress=True)
    def raw_bytes() -> bytes:
        return blob

    client = source.client(app)
    page_response = client.get("/page", headers={"Accept-Encoding": encoding})
    blob_response = client.get("/blob", headers={"Accept-Encoding": encoding})

    assert decoded(page_response) == page.encode("utf-8")
    assert decoded(blob_response) == blob
    assert blob_response.header("Content-Encoding") == encoding


def test_response_compress_true_without_the_route_option(source: Any) -> None:
    app = source.app()

    @app.get("/report")
    def report() -> Response:
        return Response(200, "application/json", orjson.dumps(todos(30)).decode(), compress=True)

    response = source.client(app).get("/report", headers={"Accept-Encoding": "gzip, br"})

    assert response.header("Content-Encoding") == "br"
    assert decoded(response) == orjson.dumps(todos(30))


def test_response_compress_false_overrides_the_route(source: Any) -> None:
    app = source.app()

    @app.get("/report", compress=True)
    def report() -> Response:
        return Response(200, "application/json", '{"small":true}', compress=False)

    response = source.client(app).get("/report", headers={"Accept-Encoding": "gzip"})

    assert response.header("Content-Encoding") is None
    assert response.raw["isBase64Encoded"] is False
    assert response.json() == {"small": True}


def test_routes_without_compress_are_never_compressed(source: Any) -> None:
    app = source.app()

    @app.get("/plain")
    def plain() -> list[dict[str, Any]]:
        return todos(30)

    response = source.client(app).get("/plain", headers={"Accept-Encoding": "br, gzip"})

    assert response.header("Content-Encoding") is None
    assert response.header("Vary") is None
    assert response.json() == orjson.loads(orjson.dumps(todos(30)))


def test_error_answers_of_a_compress_route_are_compressed(source: Any) -> None:
    app = source.app()

    @app.get("/todos/<todo_id>", compress=True)
    def get_todo(todo_id: str) -> dict[str, Any]:
        raise NotFoundError(f"no todo {todo_id}")

    response = source.client(app).get("/todos/9", headers={"Accept-Encoding": "gzip"})

    assert response.status_code == 404
    assert response.header("Content-Encoding") == "gzip"
    assert orjson.loads(decoded(response)) == {"statusCode": 404, "message": "no todo 9"}


def test_head_gets_the_headers_of_get_without_a_body(source: Any) -> None:
    app = source.app()

    @app.get("/todos", compress=True)
    def list_todos() -> list[dict[str, Any]]:
        return todos(30)

    response = source.client(app).head("/todos", headers={"Accept-Encoding": "br"})

    assert response.status_code == 200
    assert response.header("Content-Encoding") == "br"
    assert response.header("Vary") == "Accept-Encoding"
    assert response.body == b""


def test_several_accept_encoding_headers_are_read_together(source: Any) -> None:
    app = source.app()

    @app.get("/todos", compress=True)
    def list_todos() -> list[dict[str, Any]]:
        return todos(30)

    response = source.client(app).get(
        "/todos", headers=[("Accept-Encoding", "br;q=0.1"), ("Accept-Encoding", "gzip")]
    )

    assert response.header("Content-Encoding") == "gzip"


# -- left alone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Accept-Encoding": "deflate"}, {"Accept-Encoding": "identity"}, {"Accept-Encoding": ""}],
    ids=["no-header", "neither", "identity", "empty"],
)
def test_uncompressed_when_the_client_accepts_neither(source: Any, headers: dict[str, str]) -> None:
    app = source.app()

    @app.get("/todos", compress=True)
    def list_todos() -> list[dict[str, Any]]:
        return todos(30)

    response = source.client(app).get("/todos", headers=headers)

    assert response.header("Content-Encoding") is None
    assert response.header("Vary") == "Accept-Encoding"
    assert response.raw["isBase64Encoded"] is False
    assert response.raw["body"] == orjson.dumps(todos(30)).decode()


def test_an_already_encoded_body_is_left_alone(source: Any) -> None:
    payload = gzip.compress(b'{"precompressed":true}', mtime=0)
    app = source.app()

    @app.get("/cached", compress=True)
    def cached() -> Response:
        return Response(200, "application/json", payload, headers={"Content-Encoding": "gzip"})

    response = source.client(app).get("/cached", headers={"Accept-Encoding": "br"})

    assert response.header("Content-Encoding") == "gzip"
    assert response.header("Vary") is None
    assert response.body == payload


@pytest.mark.parametrize(
    ("status", "body"),
    [(204, None), (304, None), (200, ""), (200, b""), (201, None)],
)
def test_empty_and_bodyless_answers_are_left_alone(source: Any, status: int, body: Any) -> None:
    app = source.app()

    @app.get("/empty", compress=True)
    def empty() -> Response:
        return Response(status, "application/json", body)

    response = source.client(app).get("/empty", headers={"Accept-Encoding": "gzip, br"})

    assert response.status_code == status
    assert response.header("Content-Encoding") is None
    assert response.header("Vary") is None
    assert response.body == b""


def test_a_tiny_body_is_still_compressed(source: Any) -> None:
    app = source.app()

    @app.get("/tiny", compress=True)
    def tiny() -> dict[str, Any]:
        return {"ok": True}

    response = source.client(app).get("/tiny", headers={"Accept-Encoding": "gzip"})

    assert response.header("Content-Encoding") == "gzip"
    assert decoded(response) == b'{"ok":true}'


# -- missing extra --------------------------------------------------------------------------------


def test_missing_router_compression_is_named(
    source: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "router_compression", None)
    app = source.app()

    with pytest.raises(MissingExtraError, match="pip install router-compression"):
        app.get("/report", compress=True)

    @app.get("/late")
    def late() -> Response:
        return Response(200, "application/json", "{}", compress=True)

    with caplog.at_level(logging.ERROR, logger="router"):
        response = source.client(app).get("/late", headers={"Accept-Encoding": "gzip"})

    assert response.status_code == 500
    assert "pip install router-compression" in caplog.text
