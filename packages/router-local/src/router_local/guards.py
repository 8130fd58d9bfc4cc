"""What the local server refuses, so that `router serve` is safe on a laptop.

A page in the developer's browser can reach a server on 127.0.0.1, and through DNS rebinding
(a name of the attacker's that resolves to 127.0.0.1) even read its answers: only Host names
that the server is meant to answer to are served. Bodies are limited while they are read, as
the service limits them; a response header that would split the response on the wire is
refused; what reaches the terminal is escaped.
"""

from __future__ import annotations

import ipaddress
import json

from router_core.codec import HTTPResponse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from email.message import Message
    from typing import IO

#: Lambda refuses an invocation payload (the event) over 6 MB.
LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024
#: An ALB refuses a request body over 1 MB for a Lambda target.
ALB_BODY_LIMIT = 1024 * 1024
#: Seconds a connection may stay silent while its request is read.
IDLE_TIMEOUT = 5.0
#: Seconds a request's line and headers may take in all, however slowly they trickle in.
HEADERS_DEADLINE = 10.0

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
_WILDCARDS = frozenset({"", "0.0.0.0", "::", "[::]"})
_READ_SIZE = 64 * 1024
# RFC 9110 `tchar`: what a header name may hold.
_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# C0 controls, DEL and C1 controls: shown as `\xNN` in the terminal, never sent to it raw.
_LOG_ESCAPES = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


class HostCheck:
    """Which `Host` header values the server answers: loopback names, plus the name or
    address it was bound to. Bound to every address (`0.0.0.0`, `::`), it also answers IP
    addresses and the machine's own name: a request by IP address cannot come through DNS
    rebinding.
    """

    __slots__ = ("any_address", "names")

    def __init__(self, bind_host: str) -> None:
        names = set(LOOPBACK_NAMES)
        host = bind_host.strip().lower()
        self.any_address = host in _WILDCARDS
        if self.any_address:
            import socket

            names.add(socket.gethostname().lower())
        else:
            names.add(f"[{host}]" if ":" in host and not host.startswith("[") else host)
        self.names = frozenset(names)

    def allows(self, host: str) -> bool:
        """True when the `Host` header value `host` (with or without its port) is ours."""
        name = _host_name(host)
        if name is None:
            return False
        if name in self.names:
            return True
        return self.any_address and _is_address(name)

    def describe(self) -> str:
        """The accepted names, for the refusal message."""
        shown = [*LOOPBACK_NAMES, *sorted(self.names.difference(LOOPBACK_NAMES))]
        if self.any_address:
            shown.append("IP addresses")
        return ", ".join(shown)


def _host_name(host: str) -> str | None:
    """`Localhost:3000` -> `localhost`, `[::1]:3000` -> `[::1]`; None when malformed."""
    host = host.strip().lower()
    if host.startswith("["):
        end = host.find("]") + 1
        if end == 0:
            return None
        name, rest = host[:end], host[end:]
    else:
        name, colon, port = host.partition(":")
        rest = colon + port
        name = name[:-1] if name.endswith(".") else name
    port = rest[1:]
    if rest and not (rest.startswith(":") and port.isascii() and port.isdigit()):
        return None
    return name if name not in ("", "[]") else None


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name[1:-1] if name.startswith("[") else name)
    except ValueError:
        return False
    return True


def json_error(status: int, message: str) -> HTTPResponse:
    """An error spelled as API Gateway spells its own: `{"message": "..."}`."""
    body = json.dumps({"message": message}).encode("utf-8")
    return HTTPResponse(status, [("Content-Type", "application/json")], body)


def body_limit(source: str | None) -> int:
    """The largest request body the service passes to the function."""
    return ALB_BODY_LIMIT if source == "alb" else LAMBDA_PAYLOAD_LIMIT


def too_large(source: str | None) -> HTTPResponse:
    """What the service answers for a request body over its limit."""
    if source == "alb":
        page = (
            b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
            b"<center><h1>413 Request Entity Too Large</h1></center>\r\n</body>\r\n</html>\r\n"
        )
        return HTTPResponse(413, [("Server", "awselb/2.0"), ("Content-Type", "text/html")], page)
    return json_error(413, "Request Too Long")


class RequestGuard:
    """Decides, from a request's headers alone, whether the server reads its body at all."""

    __slots__ = ("hosts", "limit", "source")

    def __init__(self, bind_host: str, source: str | None = None) -> None:
        self.hosts = HostCheck(bind_host)
        self.source = source
        self.limit = body_limit(source)

    def refusal(self, headers: Message) -> Refusal | None:
        """Why a request must not be served, with its answer; None to serve it."""
        hosts = headers.get_all("Host") or []
        if len(hosts) != 1:
            reason = "the request needs exactly one Host header"
            return Refusal(json_error(400, reason), reason)
        if not self.hosts.allows(hosts[0]):
            message = (
                f"Host {hosts[0]!r} is not a name of this server, which answers "
                f"{self.hosts.describe()} (a protection against DNS rebinding); "
                "to serve another name, bind to it with router serve --host NAME"
            )
            return Refusal(json_error(421, message), f"Host {hosts[0]!r} is not served here")
        lengths = {value.strip() for value in headers.get_all("Content-Length") or []}
        if lengths:
            length = lengths.pop()
            if lengths or not (length.isascii() and length.isdigit()):
                reason = "the request's Content-Length is malformed"
                return Refusal(json_error(400, reason), reason)
            if int(length) > self.limit:
                reason = f"Content-Length {length} is over the {self.limit}-byte body limit"
                return Refusal(too_large(self.source), reason)
        return None


class Refusal:
    """A request the server answers without serving it: the answer, and why (for the log)."""

    __slots__ = ("reason", "response")

    def __init__(self, response: HTTPResponse, reason: str) -> None:
        self.response = response
        self.reason = reason


class BodyTooLargeError(Exception):
    """The request body passed the limit while it was read."""


def read_body(stream: IO[bytes], limit: int) -> bytes:
    """Read the whole body, never holding more than `limit` bytes plus one read.

    Raises BodyTooLargeError as soon as the stream passes `limit`; a chunked body of unknown
    length is refused as early as one whose Content-Length says so.
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_READ_SIZE, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise BodyTooLargeError(f"the request body is over {limit} bytes")
        chunks.append(chunk)


def header_problem(name: str, value: str) -> str | None:
    """Why a response header cannot go on the wire, or None when it can.

    A name must be a token (RFC 9110); a value must hold no control character but HTAB:
    CR or LF would end the header and let the rest be read as headers or a body.
    """
    if not name or not _TOKEN.issuperset(name):
        return f"header name {name!r} is not a token"
    for char in value:
        if (char < " " and char != "\t") or char == "\x7f":
            return f"header {name!r} has a control character ({char!r}) in its value"
    return None


def escape(text: str) -> str:
    """`text` safe for a terminal: control characters and ANSI escapes shown as `\\xNN`."""
    return text.translate(_LOG_ESCAPES)


def escape_lines(text: str) -> str:
    """`text` safe for a terminal, its line breaks kept (for tracebacks)."""
    return "\n".join(escape(line) for line in text.split("\n"))
