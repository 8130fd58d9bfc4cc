"""The server's connections over real sockets: silent and slow clients are dropped, and they
never keep others waiting. The timeouts are shortened here so that the tests stay quick.
"""

from __future__ import annotations

import threading
import time

import pytest

from router_local.guards import HEADERS_DEADLINE, IDLE_TIMEOUT
from router_local.targets import SOURCES, Target
from router_local.wire import RequestHandler

IDLE = 0.5
DEADLINE = 1.0


@pytest.fixture(autouse=True)
def short_timeouts(monkeypatch):
    monkeypatch.setattr(RequestHandler, "timeout", IDLE)
    monkeypatch.setattr(RequestHandler, "headers_deadline", DEADLINE)


def rest_app():
    module = pytest.importorskip(SOURCES["rest"].module)
    app = module.APIGatewayRestResolver()

    @app.post("/echo")
    def echo():
        return {"body": app.current_event.body}

    @app.get("/ping")
    def ping():
        return {"pong": True}

    return app


def start(servers):
    app = rest_app()
    return servers.start(Target("app:app", app.resolve, "rest", type(app).codec))


def test_the_defaults_are_a_few_seconds():
    assert 1 <= IDLE_TIMEOUT <= 10
    assert IDLE_TIMEOUT <= HEADERS_DEADLINE <= 30


def test_a_silent_connection_is_closed_after_the_idle_timeout(servers):
    client = start(servers)

    with client.connect() as connection:
        started = time.monotonic()
        data = client.read_until_closed(connection, limit=5)
        waited = time.monotonic() - started

    assert data == b""
    assert IDLE * 0.9 <= waited < IDLE + 2


def test_headers_trickling_in_are_cut_at_the_deadline(servers, capsys):
    client = start(servers)

    with client.connect() as connection:
        started = time.monotonic()
        connection.sendall(b"GET /ping HTTP/1.1\r\nHost: localhost\r\n")
        closed = False
        # One header byte every IDLE/5: never idle, yet never done.
        while time.monotonic() - started < DEADLINE + 3:
            try:
                connection.sendall(b"X")
            except OSError:
                closed = True
                break
            time.sleep(IDLE / 5)
            connection.setblocking(False)
            try:
                if connection.recv(1) == b"":
                    closed = True
                    break
            except BlockingIOError:
                pass
            finally:
                connection.setblocking(True)
        waited = time.monotonic() - started

    assert closed
    assert DEADLINE * 0.9 <= waited < DEADLINE + 2
    assert "the request's line and headers took over 1 s" in capsys.readouterr().err


def test_a_body_that_stops_coming_answers_408(servers, capsys):
    client = start(servers)

    with client.connect() as connection:
        connection.sendall(
            b"POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 100\r\n\r\nonly ten b"
        )
        data = client.read_until_closed(connection, limit=5)

    assert data.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert data.endswith(b'\r\n\r\n{"message": "Request Timeout"}')
    assert "the client stopped sending the request body" in capsys.readouterr().err


def test_a_slow_client_does_not_keep_others_waiting(servers):
    client = start(servers)
    stalled = [client.connect() for _ in range(3)]
    try:
        for connection in stalled:
            connection.sendall(b"GET /ping HTTP/1.1\r\n")  # and nothing more
        started = time.monotonic()
        reply = client.request("GET", "/ping")
        waited = time.monotonic() - started
    finally:
        for connection in stalled:
            connection.close()

    assert reply.status == 200
    assert reply.json() == {"pong": True}
    assert waited < 2 * IDLE  # served one after the other, it would wait 3 x IDLE


def test_a_handler_slower_than_the_timeouts_still_answers(servers):
    module = pytest.importorskip(SOURCES["rest"].module)
    app = module.APIGatewayRestResolver()

    @app.get("/slow")
    def slow():
        time.sleep(DEADLINE + 0.2)  # the deadline covers reading the request, not the handler
        return {"done": True}

    client = servers.start(Target("app:app", app.resolve, "rest", type(app).codec))
    replies = []
    thread = threading.Thread(target=lambda: replies.append(client.request("GET", "/slow")))
    thread.start()
    thread.join(timeout=10)

    assert [reply.status for reply in replies] == [200]
    assert replies[0].json() == {"done": True}
