"""The local server's connections: reading requests with timeouts, refusing before the body,
logging escaped, and binding before anything is announced.

werkzeug serves each connection in a thread and closes it after one response; this module
adds what a server on a developer's laptop needs on top: a connection that stays silent, or
trickles its headers in, is dropped after a few seconds, and a request the `RequestGuard`
refuses (a foreign `Host`, a Content-Length over the service's limit) is answered before its
body is invited with `100 Continue`.
"""

from __future__ import annotations

import errno
import io
import socket
import sys
import time

from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from router_local.guards import HEADERS_DEADLINE, IDLE_TIMEOUT, RequestGuard, escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_local.guards import Refusal

#: The environ key holding the headers as received (case, order, repeats).
RAW_HEADERS = "router_local.headers"
#: The environ key holding the guard's answer when the request is refused, else None.
REFUSAL = "router_local.refusal"


class BindError(Exception):
    """The server cannot listen on the address it was given; the message says why."""


class _DeadlineReader(io.RawIOBase):
    """The connection as the handler reads it: each read waits `idle` seconds at most, and
    while a `deadline` is set (the request line and headers), the reads must all end by it."""

    def __init__(self, connection: socket.socket, idle: float, limit: float) -> None:
        super().__init__()
        self._connection = connection
        self._idle = idle
        #: Seconds from the start of a request to its `deadline`, for the message.
        self.limit = limit
        self.deadline: float | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.deadline is None:
            return self._connection.recv_into(buffer)
        left = self.deadline - time.monotonic()
        if left > 0:
            self._connection.settimeout(min(left, self._idle))
            try:
                return self._connection.recv_into(buffer)
            except socket.timeout:  # TimeoutError from Python 3.10 on
                if left > self._idle:
                    raise socket.timeout(f"the client sent nothing for {self._idle:g} s") from None
            finally:
                self._connection.settimeout(self._idle)
        raise socket.timeout(f"the request's line and headers took over {self.limit:g} s")


class RequestHandler(WSGIRequestHandler):
    """werkzeug's handler with read timeouts, refusals decided from the headers, the headers
    kept as received, and log lines escaped (access lines are LocalApp's)."""

    #: Seconds any read or write may wait (socketserver applies it to the connection).
    timeout = IDLE_TIMEOUT
    #: Seconds the request line and headers may take in all.
    headers_deadline: float = HEADERS_DEADLINE
    _refusal: Refusal | None = None

    def setup(self) -> None:
        super().setup()
        self._reader = _DeadlineReader(self.connection, self.timeout, self.headers_deadline)
        self.rfile.close()
        self.rfile = io.BufferedReader(self._reader)

    def handle_one_request(self) -> None:
        self._reader.deadline = time.monotonic() + self.headers_deadline
        super().handle_one_request()

    def handle_expect_100(self) -> bool:
        # werkzeug's run_wsgi sends `100 Continue` itself, once the guard has let the request in.
        return True

    def run_wsgi(self) -> None:
        # The headers are in: the body and the handler are not bound by the headers' deadline.
        self._reader.deadline = None
        guard = getattr(self.server.app, "guard", None)
        self._refusal = guard.refusal(self.headers) if isinstance(guard, RequestGuard) else None
        if self._refusal is not None:
            # Answer now rather than invite a body that will not be read.
            del self.headers["Expect"]
        super().run_wsgi()

    def make_environ(self) -> dict[str, Any]:
        environ = super().make_environ()
        environ[RAW_HEADERS] = list(self.headers.items())
        environ[REFUSAL] = self._refusal
        return environ

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass

    def log(self, type: str, message: str, *args: Any) -> None:
        # http.server's own messages (a malformed request line, a timeout) quote client bytes.
        text = message % args if args else message
        print(f"router: {self.address_string()}: {escape(text)}", file=sys.stderr, flush=True)


class Server(ThreadedWSGIServer):
    """werkzeug's threaded server, whose failure to bind is a `BindError` with one clear line
    instead of werkzeug's message and exit."""

    def server_bind(self) -> None:
        try:
            super().server_bind()
        except OSError as error:
            host, port = str(self.server_address[0]), self.server_address[1]
            where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            if error.errno == errno.EADDRINUSE:
                raise BindError(
                    f"cannot serve on {where}: the port is in use by another program "
                    "(stop it, or pass another --port)"
                ) from None
            raise BindError(f"cannot serve on {where}: {error.strerror or error}") from None
