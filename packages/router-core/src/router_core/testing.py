"""`TestClient`: call an app with realistic events of its source, without hand-written events.

    client = app.test_client()
    response = client.get("/todos/1", headers={"Authorization": "token"}, query={"q": "x"})
    assert response.status_code == 200 and response.json() == {"id": 1}

The client builds the event with the source's codec (the same mapping the local server
uses) and decodes the Lambda result as the service would deliver it over HTTP.
"""

from __future__ import annotations

import time

from router_core.codec import HTTPRequest, HTTPResponse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Union

    from router_core.codec import Codec
    from router_core.resolver import BaseResolver

    Pairs = Union[Mapping[str, Union[str, list[str]]], list[tuple[str, str]], None]

_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


class LambdaContext:
    """A stand-in for the Lambda context object: ids, limits and the remaining time."""

    def __init__(self, function_name: str = "router-app", timeout_seconds: float = 30.0) -> None:
        import uuid

        self.function_name = function_name
        self.function_version = "$LATEST"
        self.invoked_function_arn = (
            f"arn:aws:lambda:us-east-1:123456789012:function:{function_name}"
        )
        self.memory_limit_in_mb = 128
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = time.strftime("%Y/%m/%d/[$LATEST]") + uuid.uuid4().hex
        self._deadline = time.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


class TestResponse(HTTPResponse):
    """What a client receives: status, headers (names may repeat), body bytes."""

    __slots__ = ("raw",)
    __test__ = False  # not a pytest test class

    def __init__(self, http: HTTPResponse, raw: dict[str, Any]) -> None:
        super().__init__(http.status_code, http.headers, http.body)
        #: The dict the handler returned to Lambda.
        self.raw = raw

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        import orjson

        return orjson.loads(self.body)

    def header(self, name: str) -> str | None:
        """The last value of header `name` (any case), or None."""
        values = self.header_values(name)
        return values[-1] if values else None

    def header_values(self, name: str) -> list[str]:
        lowered = name.lower()
        return [value for key, value in self.headers if key.lower() == lowered]

    @property
    def cookies(self) -> dict[str, str]:
        """Cookies set by the response, by name."""
        cookies: dict[str, str] = {}
        for value in self.header_values("set-cookie"):
            name, _, rest = value.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
        return cookies


def _pairs(values: Pairs) -> list[tuple[str, str]]:
    if values is None:
        return []
    if isinstance(values, list):
        return list(values)
    pairs: list[tuple[str, str]] = []
    for key, value in values.items():
        if isinstance(value, list):
            pairs.extend((key, v) for v in value)
        else:
            pairs.append((key, value))
    return pairs


class TestClient:
    """Sends requests to `app` as its source would deliver them."""

    __test__ = False  # not a pytest test class

    def __init__(
        self, app: BaseResolver[Any], stage: str | None = None, codec: Codec | None = None
    ) -> None:
        self.app = app
        self.stage = stage
        #: The source's mapping, both ways: the app's unless another variant of the same
        #: source is wanted (ALB's multi-value mode: `ALBCodec(multi_value=True)`).
        self.codec = codec or app.codec

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: Pairs = None,
        query: Pairs = None,
        body: str | bytes | None = None,
        json: Any = None,
        cookies: Mapping[str, str] | None = None,
    ) -> TestResponse:
        from urllib.parse import parse_qsl, quote

        path, _, query_string = path.partition("?")
        query_pairs = parse_qsl(query_string, keep_blank_values=True) + _pairs(query)
        header_pairs = _pairs(headers)
        if json is not None:
            import orjson

            body = orjson.dumps(json)
            if not any(k.lower() == "content-type" for k, _ in header_pairs):
                header_pairs.append(("Content-Type", "application/json"))
        if cookies:
            header_pairs.append(("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items())))
        data = body.encode("utf-8") if isinstance(body, str) else (body or b"")
        request = HTTPRequest(method, quote(path, safe=_PATH_SAFE), header_pairs, query_pairs, data)
        event = self.codec.to_event(request, self.stage)
        result = self.app.resolve(event, LambdaContext())
        return TestResponse(self.codec.to_http(result), result)

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> TestResponse:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> TestResponse:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> TestResponse:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> TestResponse:
        return self.request("DELETE", path, **kwargs)

    def head(self, path: str, **kwargs: Any) -> TestResponse:
        return self.request("HEAD", path, **kwargs)

    def options(self, path: str, **kwargs: Any) -> TestResponse:
        return self.request("OPTIONS", path, **kwargs)
