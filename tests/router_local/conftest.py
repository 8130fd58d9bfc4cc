"""Shared fixtures: a local server on an ephemeral loopback port, a plain HTTP client, and
throwaway app modules for `router serve` / `router invoke` to import."""

from __future__ import annotations

import http.client
import importlib
import socket
import sys
import threading
import uuid
from typing import TYPE_CHECKING

import pytest

from router_local import make_server

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from werkzeug.serving import BaseWSGIServer

    from router_local.targets import Target


class Reply:
    """What the client received: status, headers in order (names may repeat), body."""

    def __init__(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def header(self, name: str) -> str | None:
        found = self.values(name)
        return found[-1] if found else None

    def json(self) -> object:
        import json

        return json.loads(self.body)


class Client:
    """Sends real HTTP requests to a server on 127.0.0.1."""

    def __init__(self, port: int) -> None:
        self.port = port

    def request(
        self,
        method: str,
        path: str,
        headers: list[tuple[str, str]] | None = None,
        body: bytes = b"",
        host: str | None = None,
    ) -> Reply:
        """Send a request; `host` replaces the `Host` header http.client sends ("" sends none)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest(
                method, path, skip_host=host is not None, skip_accept_encoding=True
            )
            if host:
                connection.putheader("Host", host)
            for name, value in headers or []:
                connection.putheader(name, value)
            if body or method in ("POST", "PUT", "PATCH"):
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body or None)
            response = connection.getresponse()
            return Reply(response.status, response.getheaders(), response.read())
        finally:
            connection.close()

    def connect(self) -> socket.socket:
        """A raw connection, for what http.client will not send (or not send at once)."""
        return socket.create_connection(("127.0.0.1", self.port), timeout=10)

    @staticmethod
    def read_until_closed(connection: socket.socket, limit: float = 10.0) -> bytes:
        """Everything the server sends until it closes the connection (at most `limit` s)."""
        import time

        received = b""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            connection.settimeout(max(deadline - time.monotonic(), 0.01))
            try:
                chunk = connection.recv(65536)
            except ConnectionResetError:
                break
            except socket.timeout:
                raise AssertionError(f"the server kept the connection open {limit} s") from None
            if not chunk:
                break
            received += chunk
        return received


class Servers:
    """Starts local servers in threads; every one is stopped at teardown."""

    def __init__(self) -> None:
        self._running: list[tuple[BaseWSGIServer, threading.Thread]] = []

    def start(self, target: Target, stage: str | None = None, host: str = "127.0.0.1") -> Client:
        server = make_server(target, host, 0, stage)
        # Connection threads are joined when the server closes: none outlives its test to
        # print into the next one's captured output.
        server.daemon_threads = False
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()
        self._running.append((server, thread))
        return Client(server.server_port)

    def stop(self) -> None:
        for server, thread in self._running:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)


@pytest.fixture
def servers() -> Iterator[Servers]:
    running = Servers()
    yield running
    running.stop()


class Modules:
    """Writes app modules under a temporary folder, importable by a unique name."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names: list[str] = []

    def write(self, source: str) -> str:
        name = f"local_app_{uuid.uuid4().hex[:12]}"
        (self.folder / f"{name}.py").write_text(source, encoding="utf-8")
        self.names.append(name)
        importlib.invalidate_caches()
        return name


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[Modules]:
    written = Modules(tmp_path)
    yield written
    for name in written.names:
        sys.modules.pop(name, None)
    while str(tmp_path) in sys.path:
        sys.path.remove(str(tmp_path))
