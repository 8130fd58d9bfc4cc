"""What the local server refuses, decided without a connection: Host names, body limits,
response headers, and what reaches the terminal. Over HTTP in test_server.py and test_wire.py.
"""

from __future__ import annotations

import io
from email.message import Message

import pytest

from router_local.guards import (
    ALB_BODY_LIMIT,
    LAMBDA_PAYLOAD_LIMIT,
    BodyTooLargeError,
    HostCheck,
    RequestGuard,
    escape,
    escape_lines,
    header_problem,
    read_body,
)


# -- Host ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "host",
    ["localhost", "localhost:3000", "LOCALHOST:3000", "localhost.:3000", "127.0.0.1",
     "127.0.0.1:3000", "[::1]", "[::1]:3000"],
)  # fmt: skip
def test_loopback_names_are_served_by_default(host):
    assert HostCheck("127.0.0.1").allows(host)


@pytest.mark.parametrize(
    "host",
    [
        "attacker.example",  # DNS rebinding: a name of the attacker's resolving to 127.0.0.1
        "attacker.example:3000",
        "localhost.attacker.example",
        "127.0.0.1.nip.io:3000",
        "192.168.1.20:3000",  # an address the server was not bound to
        "",
        "localhost:",
        "localhost:abc",
        "localhost:3000:1",
        "[::1",
        "[::1]x",
        "local host",
        "localhost:\N{SUPERSCRIPT TWO}",
    ],
)
def test_other_or_malformed_hosts_are_refused(host):
    assert not HostCheck("127.0.0.1").allows(host)


def test_the_bound_name_is_served_too():
    check = HostCheck("devbox.internal")

    assert check.allows("devbox.internal:8080")
    assert check.allows("localhost:8080")
    assert not check.allows("other.internal:8080")


def test_a_bound_ipv6_address_is_served_in_brackets():
    check = HostCheck("fd00::5")

    assert check.allows("[fd00::5]:3000")
    assert not check.allows("[fd00::6]:3000")


@pytest.mark.parametrize("wildcard", ["0.0.0.0", "::"])
def test_every_address_bound_serves_ip_addresses_but_not_foreign_names(wildcard):
    import socket

    check = HostCheck(wildcard)

    assert check.allows("192.168.1.20:3000")
    assert check.allows("[fe80::1]:3000")
    assert check.allows(f"{socket.gethostname()}:3000")
    assert not check.allows("attacker.example:3000")
    assert "IP addresses" in check.describe()


def headers(*pairs: tuple[str, str]) -> Message:
    message = Message()
    for name, value in pairs:
        message[name] = value
    return message


def test_guard_refuses_a_foreign_host_with_421_and_says_why():
    refusal = RequestGuard("127.0.0.1").refusal(headers(("Host", "attacker.example:3000")))

    assert refusal is not None
    assert refusal.response.status_code == 421
    assert refusal.response.body == (
        b'{"message": "Host \'attacker.example:3000\' is not a name of this server, which '
        b"answers localhost, 127.0.0.1, [::1] (a protection against DNS rebinding); to serve "
        b'another name, bind to it with router serve --host NAME"}'
    )
    assert refusal.reason == "Host 'attacker.example:3000' is not served here"


@pytest.mark.parametrize(
    "pairs", [(), (("Host", "localhost"), ("Host", "attacker.example"))], ids=["none", "two"]
)
def test_guard_refuses_a_request_without_exactly_one_host(pairs):
    refusal = RequestGuard("127.0.0.1").refusal(headers(*pairs))

    assert refusal is not None
    assert refusal.response.status_code == 400
    assert refusal.reason == "the request needs exactly one Host header"


# -- body limits -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "limit"),
    [("rest", LAMBDA_PAYLOAD_LIMIT), ("http", LAMBDA_PAYLOAD_LIMIT),
     ("function-url", LAMBDA_PAYLOAD_LIMIT), ("alb", ALB_BODY_LIMIT)],
)  # fmt: skip
def test_guard_refuses_a_content_length_over_the_sources_limit(source, limit):
    guard = RequestGuard("127.0.0.1", source)
    at_limit = headers(("Host", "localhost"), ("Content-Length", str(limit)))
    over = headers(("Host", "localhost"), ("Content-Length", str(limit + 1)))

    assert guard.refusal(at_limit) is None
    refusal = guard.refusal(over)
    assert refusal is not None
    assert refusal.response.status_code == 413
    assert refusal.reason == f"Content-Length {limit + 1} is over the {limit}-byte body limit"


def test_alb_answers_a_large_body_with_its_own_page():
    over = headers(("Host", "localhost"), ("Content-Length", str(ALB_BODY_LIMIT + 1)))
    refusal = RequestGuard("127.0.0.1", "alb").refusal(over)

    assert refusal is not None
    assert ("Server", "awselb/2.0") in refusal.response.headers
    assert b"<title>413 Request Entity Too Large</title>" in refusal.response.body


def test_api_gateway_answers_a_large_body_with_its_json_message():
    over = headers(("Host", "localhost"), ("Content-Length", str(LAMBDA_PAYLOAD_LIMIT + 1)))
    refusal = RequestGuard("127.0.0.1", "rest").refusal(over)

    assert refusal is not None
    assert refusal.response.body == b'{"message": "Request Too Long"}'


@pytest.mark.parametrize("lengths", [("-1",), ("1e3",), ("12", "13"), ("\N{DIGIT ONE}\u0661",)])
def test_guard_refuses_a_malformed_content_length(lengths):
    pairs = [("Host", "localhost"), *(("Content-Length", value) for value in lengths)]
    refusal = RequestGuard("127.0.0.1").refusal(headers(*pairs))

    assert refusal is not None
    assert refusal.response.status_code == 400
    assert refusal.reason == "the request's Content-Length is malformed"


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.requested = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.requested += len(chunk)
        return chunk


def test_read_body_returns_a_body_up_to_the_limit():
    assert read_body(io.BytesIO(b"x" * 1000), 1000) == b"x" * 1000
    assert read_body(io.BytesIO(b""), 1000) == b""


def test_read_body_stops_one_byte_past_the_limit():
    stream = CountingStream(b"x" * 10_000_000)

    with pytest.raises(BodyTooLargeError, match="the request body is over 100000 bytes"):
        read_body(stream, 100_000)

    assert stream.requested == 100_001


# -- response headers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "value"),
    [("X-Ok", "a value"), ("X-Tab", "a\tb"), ("Set-Cookie", "a=1; Path=/"), ("X-Utf8", "héllo")],
)
def test_legal_headers_pass(name, value):
    assert header_problem(name, value) is None


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("X-Split", "a\r\nSet-Cookie: evil=1", "header 'X-Split' has a control character ('\\r')"),
        ("X-Lf", "a\nb", "header 'X-Lf' has a control character ('\\n')"),
        ("X-Nul", "a\x00b", "header 'X-Nul' has a control character ('\\x00')"),
        ("X-Del", "a\x7fb", "header 'X-Del' has a control character ('\\x7f')"),
        ("X-Esc", "\x1b[2J", "header 'X-Esc' has a control character ('\\x1b')"),
        ("", "a", "header name '' is not a token"),
        ("X Bad", "a", "header name 'X Bad' is not a token"),
        ("X-Bad:", "a", "header name 'X-Bad:' is not a token"),
        ("X-Bad\r\nY", "a", "header name 'X-Bad\\r\\nY' is not a token"),
    ],
)
def test_headers_that_would_break_the_response_are_named(name, value, problem):
    found = header_problem(name, value)

    assert found is not None
    assert found.startswith(problem)


# -- the terminal ----------------------------------------------------------------------------
def test_escape_shows_control_characters_and_keeps_text():
    assert escape("GET /a\x1b[31mred\x1b[0m\r\n\x07\x9b") == (
        "GET /a\\x1b[31mred\\x1b[0m\\x0d\\x0a\\x07\\x9b"
    )
    assert escape("/café/ünïcode ok") == "/café/ünïcode ok"


def test_escape_lines_keeps_line_breaks_only():
    assert escape_lines("Traceback:\n  \x1b[2J\r\nend") == "Traceback:\n  \\x1b[2J\\x0d\nend"
