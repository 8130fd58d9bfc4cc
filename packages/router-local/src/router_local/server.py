"""The local server: each HTTP request becomes an event of the target's source, the handler
runs with a Lambda-like context, and its result goes back over HTTP as the service would send it.

Both directions go through the source's codec (`codec.to_event`, `codec.to_http`), the same
mapping the test client uses, so nothing here is specific to one source. As on Lambda, one
invocation runs at a time, the event and the result travel as JSON, and a handler that raises
becomes API Gateway's `502 {"message": "Internal server error"}` with the traceback printed.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from urllib.parse import parse_qsl, quote

import orjson
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler
from werkzeug.serving import make_server as _make_server

from router_core.codec import HTTPRequest, HTTPResponse
from router_core.testing import LambdaContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, Callable

    from router_local.targets import Target

    StartResponse = Callable[[str, list[tuple[str, str]]], Any]

#: Lambda refuses an invocation payload (the event) over 6 MB.
LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# Hop-by-hop and framing headers belong to this server's connection, not to the handler.
_CONNECTION_HEADERS = frozenset(
    {"connection", "content-length", "keep-alive", "proxy-connection", "te", "trailer",
     "transfer-encoding", "upgrade"}
)  # fmt: skip
_RAW_HEADERS = "router_local.headers"


def _json_error(status: int, message: str) -> HTTPResponse:
    import json

    # Spelled as API Gateway spells its own errors: `{"message": "..."}`.
    body = json.dumps({"message": message}).encode("utf-8")
    return HTTPResponse(status, [("Content-Type", "application/json")], body)


def bad_gateway() -> HTTPResponse:
    """What API Gateway answers when the function fails or returns something it cannot use."""
    return _json_error(502, "Internal server error")


def _reason(status: int) -> str:
    from werkzeug.http import HTTP_STATUS_CODES

    return HTTP_STATUS_CODES.get(status, "Unknown")


def request_from_environ(environ: dict[str, Any]) -> HTTPRequest:
    """The HTTP request as the client sent it: path still percent-encoded, headers in order."""
    from werkzeug.wsgi import get_input_stream

    raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if raw_uri is None:
        raw_uri = quote(environ.get("PATH_INFO", "/"), safe=_PATH_SAFE)
        if environ.get("QUERY_STRING"):
            raw_uri += "?" + environ["QUERY_STRING"]
    target, _, query_string = raw_uri.partition("?")
    if not target.startswith("/"):
        # An absolute-form request target: `GET http://host/path HTTP/1.1`.
        from urllib.parse import urlsplit

        target = urlsplit(target).path or "/"
    # WSGI strings carry bytes as latin-1; re-quoting keeps escapes and encodes the rest.
    path = quote(target.encode("latin-1", "replace"), safe=_PATH_SAFE)
    headers = environ.get(_RAW_HEADERS)
    if headers is None:
        headers = _headers_from_environ(environ)
    body = get_input_stream(environ).read()
    return HTTPRequest(
        environ.get("REQUEST_METHOD", "GET"),
        path,
        list(headers),
        parse_qsl(query_string, keep_blank_values=True),
        body,
        host=environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "localhost"),
        source_ip=environ.get("REMOTE_ADDR") or "127.0.0.1",
    )


def _headers_from_environ(environ: dict[str, Any]) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers.append((key[5:].replace("_", "-").title(), value))
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            headers.append((key.replace("_", "-").title(), value))
    return headers


class LocalApp:
    """A WSGI app that serves `target` as its source would deliver requests to it."""

    def __init__(self, target: Target, stage: str | None = None) -> None:
        self.target = target
        self.stage = stage
        # Lambda runs one invocation at a time per execution environment.
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        request = request_from_environ(environ)
        context = LambdaContext(function_name=self.target.name.partition(":")[0])
        response = self.invoke(request, context)
        body = b"" if request.method == "HEAD" else response.body
        headers = [
            (name, _latin1(value))
            for name, value in response.headers
            if name.lower() not in _CONNECTION_HEADERS
        ]
        headers.append(("Content-Length", str(len(response.body))))
        if self.target.source != "alb":
            headers.append(("x-amzn-RequestId", context.aws_request_id))
        start_response(f"{response.status_code} {_reason(response.status_code)}", headers)
        elapsed = (time.perf_counter() - started) * 1000
        query = f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else ""
        print(
            f"{request.source_ip} {request.method} {request.path}{query} -> "
            f"{response.status_code} ({len(response.body)} bytes, {elapsed:.1f} ms, "
            f"request id {context.aws_request_id})",
            file=sys.stderr,
            flush=True,
        )
        return [body]

    def invoke(self, request: HTTPRequest, context: LambdaContext) -> HTTPResponse:
        """Run the handler for one request, as the service and Lambda would."""
        event = self.target.codec.to_event(request, self.stage)
        # The handler gets what Lambda gives it: the event as parsed from JSON.
        payload = orjson.dumps(event)
        if len(payload) > LAMBDA_PAYLOAD_LIMIT:
            _report(f"the event is {len(payload)} bytes, over Lambda's 6 MB payload limit")
            return _json_error(413, "Request Too Long")
        with self._lock:
            try:
                result = self.target.handler(orjson.loads(payload), context)
            except Exception:
                _report(f"{self.target.name} raised; the service answers 502", with_traceback=True)
                return bad_gateway()
        try:
            result = orjson.loads(orjson.dumps(result))
        except TypeError as error:
            _report(f"{self.target.name} returned a result Lambda cannot serialize: {error}")
            return bad_gateway()
        try:
            # The codec answers as the service does for a result it cannot use (e.g. a 502).
            return self.target.codec.to_http(result)
        except Exception:
            _report(
                f"{self.target.name} returned a malformed {self.target.service} response",
                with_traceback=True,
            )
            return bad_gateway()


def _report(message: str, with_traceback: bool = False) -> None:
    if with_traceback:
        traceback.print_exc(file=sys.stderr)
    print(f"router: {message}", file=sys.stderr, flush=True)


def _latin1(value: str) -> str:
    # Header values go out as latin-1; UTF-8 text is sent as its bytes, as most servers do.
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8").decode("latin-1")
    return value


class RequestHandler(WSGIRequestHandler):
    """Keeps the headers as received (case, order, repeats) and leaves logging to LocalApp."""

    def make_environ(self) -> dict[str, Any]:
        environ = super().make_environ()
        environ[_RAW_HEADERS] = list(self.headers.items())
        return environ

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def make_server(
    target: Target, host: str = "127.0.0.1", port: int = 3000, stage: str | None = None
) -> BaseWSGIServer:
    """A server for `target` that the caller runs (`serve_forever`) and stops (`shutdown`).

    `port=0` picks a free port; `server.server_port` tells which.
    """
    app = LocalApp(target, stage)
    return _make_server(host, port, app, threaded=True, request_handler=RequestHandler)


class _LoadErrorApp:
    """Served while the target cannot be imported under `--reload`, until the code is fixed."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        body = f"{self.message}\nFix the code: the server restarts when a file changes.\n"
        data = body.encode("utf-8")
        start_response(
            "500 Internal Server Error",
            [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(data)))],
        )
        return [data]


def serve(
    load: Callable[[], Target],
    host: str = "127.0.0.1",
    port: int = 3000,
    stage: str | None = None,
    reload: bool = False,
) -> None:
    """Serve until interrupted. With `reload`, a watching process restarts the server (and
    imports the target anew) whenever a Python file on `sys.path` changes."""
    from werkzeug.serving import is_running_from_reloader, run_simple

    app: Callable[..., Iterable[bytes]]
    if reload and not is_running_from_reloader():
        # This process only watches files and restarts the one that serves.
        app = _LoadErrorApp("the watching process does not serve")
    else:
        try:
            target = load()
        except Exception as error:
            if not reload:
                raise
            from router_local.targets import TargetError

            if not isinstance(error, TargetError):
                traceback.print_exc(file=sys.stderr)
            app = _LoadErrorApp(f"router: cannot load the app: {error}")
        else:
            app = LocalApp(target, stage)
            shown = f"stage {stage}" if stage else "default stage"
            print(
                f"router: serving {target.name} as {target.service} events ({shown}) "
                f"on http://{host}:{port}",
                file=sys.stderr,
                flush=True,
            )
    run_simple(host, port, app, use_reloader=reload, threaded=True, request_handler=RequestHandler)
