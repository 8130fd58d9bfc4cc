"""The local server: each HTTP request becomes an event of the target's source, the handler
runs with a Lambda-like context, and its result goes back over HTTP as the service would send it.

Both directions go through the source's codec (`codec.to_event`, `codec.to_http`), the same
mapping the test client uses, so nothing here is specific to one source. As on Lambda, one
invocation runs at a time, the event and the result travel as JSON, and a handler that raises
becomes API Gateway's `502 {"message": "Internal server error"}` with the traceback printed.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
import traceback
from urllib.parse import parse_qsl, quote

import orjson

from router_core.codec import HTTPRequest, HTTPResponse
from router_core.testing import LambdaContext
from router_local.guards import (
    LAMBDA_PAYLOAD_LIMIT,
    BodyTooLargeError,
    RequestGuard,
    body_limit,
    escape,
    escape_lines,
    header_problem,
    json_error,
    read_body,
    too_large,
)
from router_local.wire import RAW_HEADERS, REFUSAL, BindError, RequestHandler, Server

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, Callable

    from router_local.guards import Refusal
    from router_local.targets import Target

    StartResponse = Callable[[str, list[tuple[str, str]]], Any]
    WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

__all__ = ["LAMBDA_PAYLOAD_LIMIT", "GuardedApp", "LocalApp", "bad_gateway", "make_server", "serve"]

_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# Hop-by-hop and framing headers belong to this server's connection, not to the handler.
_CONNECTION_HEADERS = frozenset(
    {"connection", "content-length", "keep-alive", "proxy-connection", "te", "trailer",
     "transfer-encoding", "upgrade"}
)  # fmt: skip


def bad_gateway() -> HTTPResponse:
    """What API Gateway answers when the function fails or returns something it cannot use."""
    return json_error(502, "Internal server error")


def _reason(status: int) -> str:
    from werkzeug.http import HTTP_STATUS_CODES

    return HTTP_STATUS_CODES.get(status, "Unknown")


def _wire_target(environ: dict[str, Any]) -> tuple[str, str]:
    """The request's path as the client sent it (percent-encoded) and its query string."""
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
    return quote(target.encode("latin-1", "replace"), safe=_PATH_SAFE), query_string


def request_from_environ(environ: dict[str, Any], limit: int = LAMBDA_PAYLOAD_LIMIT) -> HTTPRequest:
    """The HTTP request as the client sent it: path still percent-encoded, headers in order.

    The body is read up to `limit` bytes: BodyTooLargeError past it, without reading on.
    """
    from werkzeug.wsgi import get_input_stream

    path, query_string = _wire_target(environ)
    headers = environ.get(RAW_HEADERS)
    if headers is None:
        headers = _headers_from_environ(environ)
    body = read_body(get_input_stream(environ), limit)
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


def _send(
    environ: dict[str, Any], start_response: StartResponse, response: HTTPResponse
) -> list[bytes]:
    headers = [
        (name, _latin1(value))
        for name, value in response.headers
        if name.lower() not in _CONNECTION_HEADERS
    ]
    headers.append(("Content-Length", str(len(response.body))))
    start_response(f"{response.status_code} {_reason(response.status_code)}", headers)
    return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else response.body]


def _log_access(environ: dict[str, Any], status: int, detail: str) -> None:
    """One line per request, escaped: a path or method may hold terminal escapes."""
    path, query = _wire_target(environ)
    method = environ.get("REQUEST_METHOD", "GET")
    client = environ.get("REMOTE_ADDR") or "127.0.0.1"
    line = f"{client} {method} {path}{'?' + query if query else ''} -> {status} ({detail})"
    print(escape(line), file=sys.stderr, flush=True)


class GuardedApp:
    """Answers the requests that `guard` refused from their headers (RequestHandler asks it
    before reading a body); passes the others to `app`."""

    def __init__(self, app: WSGIApp, guard: RequestGuard) -> None:
        self.app = app
        self.guard = guard

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        refusal: Refusal | None = environ.get(REFUSAL)
        if refusal is None:
            return self.app(environ, start_response)
        _log_access(environ, refusal.response.status_code, f"refused: {refusal.reason}")
        return _send(environ, start_response, refusal.response)


class LocalApp:
    """A WSGI app that serves `target` as its source would deliver requests to it."""

    def __init__(self, target: Target, stage: str | None = None) -> None:
        self.target = target
        self.stage = stage
        #: The largest request body the source passes on (ALB 1 MB, the others 6 MB).
        self.body_limit = body_limit(target.source)
        # Lambda runs one invocation at a time per execution environment.
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        request_id = "-"
        try:
            request = request_from_environ(environ, self.body_limit)
        except BodyTooLargeError as error:
            _report(f"{error}: the service answers 413")
            response = too_large(self.target.source)
        except Exception as error:  # a read timeout, werkzeug's ClientDisconnected, a bad chunk
            # werkzeug reports a read timeout as a disconnect caused by it.
            if isinstance(error, socket.timeout) or isinstance(error.__context__, socket.timeout):
                _report("the client stopped sending the request body")
                response = json_error(408, "Request Timeout")
            else:
                _report(f"the request body cannot be read: {error!r}")
                response = json_error(400, "Bad Request")
        else:
            context = LambdaContext(function_name=self.target.name.partition(":")[0])
            request_id = context.aws_request_id
            response = self.invoke(request, context)
            if self.target.source != "alb":
                response.headers.append(("x-amzn-RequestId", request_id))
        chunks = _send(environ, start_response, response)
        elapsed = (time.perf_counter() - started) * 1000
        detail = f"{len(response.body)} bytes, {elapsed:.1f} ms, request id {request_id}"
        _log_access(environ, response.status_code, detail)
        return chunks

    def invoke(self, request: HTTPRequest, context: LambdaContext) -> HTTPResponse:
        """Run the handler for one request, as the service and Lambda would."""
        event = self.target.codec.to_event(request, self.stage)
        # The handler gets what Lambda gives it: the event as parsed from JSON.
        payload = orjson.dumps(event)
        if len(payload) > LAMBDA_PAYLOAD_LIMIT:
            _report(f"the event is {len(payload)} bytes, over Lambda's 6 MB payload limit")
            return json_error(413, "Request Too Long")
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
            response = self.target.codec.to_http(result)
        except Exception:
            _report(
                f"{self.target.name} returned a malformed {self.target.service} response",
                with_traceback=True,
            )
            return bad_gateway()
        return self._checked(response)

    def _checked(self, response: HTTPResponse) -> HTTPResponse:
        # Whatever built the result (a resolver or a plain function), nothing goes on the
        # wire that would split the response or that HTTP cannot carry.
        problem = None
        if not 100 <= response.status_code <= 599:
            problem = f"status code {response.status_code} is not an HTTP status"
        for name, value in response.headers:
            problem = problem or header_problem(name, value)
        if problem is None:
            return response
        _report(f"{self.target.name} returned a response HTTP cannot carry: {problem}")
        return bad_gateway()


def _report(message: str, with_traceback: bool = False) -> None:
    if with_traceback:
        print(escape_lines(traceback.format_exc().rstrip("\n")), file=sys.stderr)
    print(f"router: {escape(message)}", file=sys.stderr, flush=True)


def _latin1(value: str) -> str:
    # Header values go out as latin-1; UTF-8 text is sent as its bytes, as most servers do.
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8").decode("latin-1")
    return value


def make_server(
    target: Target, host: str = "127.0.0.1", port: int = 3000, stage: str | None = None
) -> Server:
    """A server for `target`, already listening, that the caller runs (`serve_forever`) and
    stops (`shutdown`, then `server_close`).

    `port=0` picks a free port; `server.server_port` tells which. Requests whose `Host` is not
    a loopback name or `host` itself are refused (DNS-rebinding protection). A BindError says
    why the address cannot be used (a port in use, an unknown host name).
    """
    guard = RequestGuard(host, target.source)
    return _bind(host, port, GuardedApp(LocalApp(target, stage), guard))


def _bind(host: str, port: int, app: WSGIApp) -> Server:
    try:
        return Server(host, port, app, handler=RequestHandler)
    except OSError as error:  # resolving the host name fails before binding
        raise BindError(f"cannot serve on {host}:{port}: {error.strerror or error}") from None


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
    imports the target anew) whenever a Python file on `sys.path` changes.

    The address is bound before anything is announced: a port in use is a BindError.
    """
    from werkzeug.serving import is_running_from_reloader, run_simple

    if reload and not is_running_from_reloader():
        # This process only watches files and restarts the one that serves. Binding once
        # here makes a port in use one clear error rather than werkzeug's exit.
        idle = GuardedApp(_LoadErrorApp("the watching process does not serve"), RequestGuard(host))
        _bind(host, port, idle).server_close()
        run_simple(
            host, port, idle, use_reloader=True, threaded=True, request_handler=RequestHandler
        )
        return
    app: WSGIApp
    try:
        target = load()
    except Exception as error:
        if not reload:
            raise
        from router_local.targets import TargetError

        if not isinstance(error, TargetError):
            print(escape_lines(traceback.format_exc().rstrip("\n")), file=sys.stderr)
        app = GuardedApp(_LoadErrorApp(f"router: cannot load the app: {error}"), RequestGuard(host))
        loaded = None
    else:
        app = GuardedApp(LocalApp(target, stage), RequestGuard(host, target.source))
        loaded = target
    if reload:
        # The restarted, serving process: the watching one has bound the port and passes it.
        if loaded is not None:
            _announce(loaded, host, port, stage)
        run_simple(
            host, port, app, use_reloader=True, threaded=True, request_handler=RequestHandler
        )
        return
    server = _bind(host, port, app)
    if loaded is not None:
        _announce(loaded, host, server.server_port, stage)
    server.serve_forever()


def _announce(target: Target, host: str, port: int, stage: str | None) -> None:
    shown = f"stage {stage}" if stage else "default stage"
    where = f"[{host}]" if ":" in host else host
    print(
        f"router: serving {target.name} as {target.service} events ({shown}) "
        f"on http://{where}:{port}",
        file=sys.stderr,
        flush=True,
    )
