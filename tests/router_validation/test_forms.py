"""Form bodies on every source: url-encoded and multipart, base64 or not, limits, and
malformed input answered 422 (never a crash)."""

from __future__ import annotations

import base64
import json
from typing import Annotated, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# -- header parameters: quoting as RFC 7578 and RFC 6266 write it ------------------------------
@pytest.mark.parametrize(
    ("disposition", "filename"),
    [
        ('form-data; name="doc"; filename="q1;q2.csv"', "q1;q2.csv"),
        ('form-data; filename="a=b; c.txt"; name="doc"', "a=b; c.txt"),
        ('form-data; name="doc"; filename="say \\"hi\\".txt"', 'say "hi".txt'),
        ('form-data; name="doc"; filename="C:\\dir\\f.txt"', "C:\\dir\\f.txt"),
        ("form-data; name=doc; filename=plain.txt", "plain.txt"),
        (
            'form-data; name="doc"; filename="naive.txt"; filename*=UTF-8\'\'na%C3%AFve%3B1.txt',
            "naïve;1.txt",
        ),
        ('form-data; name="doc"; filename="x.txt"; filename*=UTF-8\'\'%FF', "x.txt"),
        ('form-data; name="doc"; filename="unterminated;x', "unterminated;x"),
    ],
)
@pytest.mark.parametrize("encoded", [True, False], ids=["base64", "text"])
def test_quoted_filenames_keep_their_semicolons(
    source: Any, disposition: str, filename: str, encoded: bool
) -> None:
    body = (
        f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\nDATA\r\n"
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="raw"; filename="r"\r\n\r\n'
        f'R\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nT\r\n'
        f"--{BOUNDARY}--\r\n"
    ).encode()

    result = send(source, f"multipart/form-data; boundary={BOUNDARY}", body, encoded)

    assert result["statusCode"] == 200, result
    assert json.loads(result["body"])["name"] == filename


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('form-data; name="a"; filename="x;y"', {"name": "a", "filename": "x;y"}),
        ('multipart/form-data; boundary="a b;c"', {"boundary": "a b;c"}),
        ("x; novalue; A = 1 ; b=", {"a": "1", "b": ""}),
        ('x; name="first"; name="second"', {"name": "first"}),
        ("x;;;=;=1", {}),
        ("", {}),
        ('x; a="\\\\"', {"a": "\\"}),
    ],
)
def test_header_parameters(value: str, expected: dict[str, str]) -> None:
    assert forms_module.header_parameters(value) == expected


# -- malformed input never escapes resolve -----------------------------------------------------
_apps: dict[str, Any] = {}


def send(source: Any, content_type: str, body: bytes | str, encoded: bool) -> dict[str, Any]:
    """POST `body` to /upload as `source` delivers it: base64 (`encoded`) or as text (bytes as
    latin-1 characters, as a source that does not base64 a body passes them on)."""
    from router_core.codec import HTTPRequest
    from router_core.testing import LambdaContext

    app = _apps.get(source.name)
    if app is None:
        app = _apps[source.name] = build(source)
    client = source.client(app)
    request = HTTPRequest("POST", "/upload", [("Content-Type", content_type)], [], b"")
    event = client.codec.to_event(request)
    if encoded:
        data = body.encode("utf-8") if isinstance(body, str) else body
        event["body"] = base64.b64encode(data).decode("ascii")
    else:
        event["body"] = body.decode("latin-1") if isinstance(body, bytes) else body
    event["isBase64Encoded"] = encoded
    result: dict[str, Any] = app.resolve(event, LambdaContext())
    return result


def assert_answered(result: dict[str, Any], statuses: tuple[int, ...]) -> None:
    assert result["statusCode"] in statuses, result
    if result["statusCode"] == 422:
        detail = json.loads(result["body"])["detail"]
        assert detail and all(entry["loc"][0] == "body" for entry in detail)
        assert all(set(entry) == {"loc", "type"} for entry in detail)


_FRAGMENTS = st.sampled_from(
    [
        f"--{BOUNDARY}".encode(),
        f"--{BOUNDARY}--".encode(),
        f"\r\n--{BOUNDARY}".encode(),
        b"\r\n",
        b"\r\n\r\n",
        b"Content-Disposition: form-data",
        b'; name="doc"',
        b'; name="title"',
        b'; name="raw"',
        b'; filename="a;b.txt"',
        b"; filename*=UTF-8''%C3%A9%FF",
        b"Content-Type: text/plain",
        b'"',
        b";",
        b"=",
        b"\\",
        b"\xff\xfe",
        b"\x00",
        b"--",
    ]
)
_JUNK = st.lists(_FRAGMENTS | st.binary(max_size=6), max_size=8).map(b"".join)


@st.composite
def _structured(draw: st.DrawFn) -> bytes:
    """Parts in the right frame with junk in their headers and content, and any ending."""
    body = draw(st.sampled_from([b"", b"preamble\r\n"]))
    for _ in range(draw(st.integers(0, 3))):
        headers = draw(st.lists(_JUNK, max_size=3))
        content = draw(st.binary(max_size=10))
        body += f"--{BOUNDARY}\r\n".encode() + b"\r\n".join(headers) + b"\r\n\r\n"
        body += content + b"\r\n"
    closing = [f"--{BOUNDARY}--\r\n".encode(), f"--{BOUNDARY}".encode(), b""]
    return body + draw(st.sampled_from(closing))


_BODIES = _structured() | st.lists(_FRAGMENTS | st.binary(max_size=6), max_size=24).map(b"".join)
_CONTENT_TYPES = st.sampled_from(
    [
        f"multipart/form-data; boundary={BOUNDARY}",
        f'multipart/form-data; boundary="{BOUNDARY}"',
        f"multipart/form-data;boundary={BOUNDARY};charset=utf-8",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        'multipart/form-data; boundary="',
        "multipart/form-data; boundary=é",
        "multipart/form-data; boundary=--",
    ]
) | st.text(max_size=12).map(lambda tail: "multipart/form-data; " + tail)


@settings(max_examples=60, deadline=None, database=None)
@given(content_type=_CONTENT_TYPES, body=_BODIES, encoded=st.booleans())
def test_any_multipart_body_gets_an_answer(
    source: Any, content_type: str, body: bytes, encoded: bool
) -> None:
    assert_answered(send(source, content_type, body, encoded), (200, 413, 422))


@settings(max_examples=40, deadline=None, database=None)
@given(body=st.text(max_size=40), encoded=st.booleans())
def test_any_text_multipart_body_gets_an_answer(source: Any, body: str, encoded: bool) -> None:
    content_type = f"multipart/form-data; boundary={BOUNDARY}"
    assert_answered(send(source, content_type, body, encoded), (200, 413, 422))


_CONTENT = st.binary(max_size=40).filter(lambda b: b"\r\n--" not in b and not b.endswith(b"\r"))


@settings(max_examples=60, deadline=None, database=None)
@given(doc=_CONTENT, raw=_CONTENT, cut=st.integers(min_value=0), encoded=st.booleans())
def test_a_cut_multipart_body_answers_422(
    source: Any, doc: bytes, raw: bytes, cut: int, encoded: bool
) -> None:
    body = multipart(("doc", "d.bin", doc), ("raw", "r.bin", raw), ("title", None, b"T"))
    complete = send(source, f"multipart/form-data; boundary={BOUNDARY}", body, encoded)
    assert complete["statusCode"] == 200, complete
    # Anywhere before the closing delimiter's second dash, the body is incomplete.
    cut %= len(body) - len("-\r\n")

    result = send(source, f"multipart/form-data; boundary={BOUNDARY}", body[:cut], encoded)

    assert result["statusCode"] == 422, result
    assert json.loads(result["body"])["detail"] == [{"loc": ["body"], "type": "multipart_invalid"}]


@settings(max_examples=40, deadline=None, database=None)
@given(body=st.binary(max_size=40) | st.text(max_size=40), encoded=st.booleans())
def test_any_urlencoded_body_gets_an_answer(source: Any, body: Any, encoded: bool) -> None:
    content_type = "application/x-www-form-urlencoded"
    assert_answered(send(source, content_type, body, encoded), (413, 422))
