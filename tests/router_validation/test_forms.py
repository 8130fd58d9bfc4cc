"""Form bodies on every source: url-encoded and multipart, base64 or not, limits, and
malformed input answered 422 (never a crash)."""

from __future__ import annotations

import base64
from typing import Annotated, Any

import pytest

from router_validation import File, Form, UploadFile
from router_validation import forms as forms_module

BOUNDARY = "----router7MA4YWxk"


def multipart(*parts: tuple[str, str | None, bytes], boundary: str = BOUNDARY) -> bytes:
    chunks = []
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"'
        head = f"Content-Disposition: {disposition}"
        if filename is not None:
            head += f'; filename="{filename}"\r\nContent-Type: application/octet-stream'
        chunks.append(f"--{boundary}\r\n{head}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(chunks) + f"--{boundary}--\r\n".encode()


def build(source: Any) -> Any:
    app = source.app(enable_validation=True, validation_engine="msgspec")

    @app.post("/login")
    def login(user: Annotated[str, Form()], age: Annotated[int, Form()] = 0) -> dict[str, Any]:
        return {"user": user, "age": age}

    @app.post("/upload")
    def upload(
        doc: Annotated[UploadFile, File()],
        raw: Annotated[bytes, File()],
        title: Annotated[str, Form()],
    ) -> dict[str, Any]:
        return {
            "name": doc.filename,
            "size": len(doc),
            "raw": len(raw),
            "title": title,
            "first": doc.content[:4].hex(),
        }

    return app


def test_an_urlencoded_form_is_read_and_coerced(source: Any) -> None:
    client = source.client(build(source))
    headers = {"Content-Type": "application/x-www-form-urlencoded"}

    ok = client.post("/login", body="user=ana+b&age=31", headers=headers)
    missing = client.post("/login", body="age=x", headers=headers)

    assert ok.json() == {"user": "ana b", "age": 31}
    assert missing.status_code == 422
    assert missing.json()["detail"] == [
        {"loc": ["body", "user"], "type": "missing"},
        {"loc": ["body", "age"], "type": "int_parsing"},
    ]


def test_a_multipart_form_with_binary_files_is_read(source: Any) -> None:
    client = source.client(build(source))
    content = bytes(range(256)) * 3
    body = multipart(("doc", "a.bin", content), ("raw", "b.bin", b"xyz"), ("title", None, b"T"))

    response = client.post(
        "/upload", body=body, headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    )

    assert response.status_code == 200
    assert response.json() == {
        "name": "a.bin",
        "size": 768,
        "raw": 3,
        "title": "T",
        "first": "00010203",
    }


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", multipart(("title", None, b"T"))),  # no boundary
        (f"multipart/form-data; boundary={BOUNDARY}", b"no delimiter at all"),
        (f"multipart/form-data; boundary={BOUNDARY}", f"--{BOUNDARY}\r\nX".encode()),
        (f"multipart/form-data; boundary={BOUNDARY}", multipart(("t", None, b"\xff\xfe"))),
        (
            f"multipart/form-data; boundary={BOUNDARY}",
            f"--{BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{BOUNDARY}--".encode(),
        ),
    ],
)
def test_malformed_multipart_answers_422_under_body(
    source: Any, content_type: str, body: bytes
) -> None:
    response = source.client(build(source)).post(
        "/upload", body=body, headers={"Content-Type": content_type}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]
    assert response.json()["detail"][0]["type"] == "multipart_invalid"


def test_bad_base64_in_a_form_answers_422() -> None:
    rest = pytest.importorskip("router_rest")
    app = rest.APIGatewayRestResolver(enable_validation=True)
    app.post("/login")(build_login())
    event = {
        "resource": "/login", "path": "/login", "httpMethod": "POST",
        "headers": {"Content-Type": "application/x-www-form-urlencoded"},
        "multiValueHeaders": {}, "queryStringParameters": None,
        "multiValueQueryStringParameters": None, "pathParameters": None,
        "requestContext": {"httpMethod": "POST", "path": "/login", "stage": "prod"},
        "body": "%%%not base64", "isBase64Encoded": True,
    }  # fmt: skip

    result = app.resolve(event, None)

    assert result["statusCode"] == 422
    assert '"type":"form_invalid"' in result["body"]
    event["body"] = base64.b64encode(b"user=z").decode()
    assert app.resolve(event, None)["body"] == '{"user":"z"}'


def build_login() -> Any:
    def login(user: Annotated[str, Form()]) -> dict[str, Any]:
        return {"user": user}

    return login


def test_too_many_parts_answer_413(source: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forms_module, "MAX_PARTS", 3)
    client = source.client(build(source))

    response = client.post(
        "/login",
        body="user=a&b=1&c=2&d=3",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 413
    assert response.json() == {"statusCode": 413, "message": "the form has more than 3 fields"}
