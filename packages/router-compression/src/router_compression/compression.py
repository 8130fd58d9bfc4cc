"""Response compression: brotli or gzip, chosen from the request's `Accept-Encoding`.

A response is compressed when its route says `compress=True` or it is a
`Response(compress=True)`, the client accepts `br` or `gzip`, and there is something to
compress. The body becomes compressed bytes, which router-binary (run next) base64-encodes
for the source. The body is left alone when:
- the client accepts neither coding (or prefers `identity`);
- it already has a `Content-Encoding`, or is already base64-encoded;
- it is empty, or the status has no body (1xx, 204, 304).
Every non-empty body is compressed, however small: a body of a few dozen bytes may come
out slightly larger, which costs nothing noticeable and keeps `compress=True` predictable.

`Vary: Accept-Encoding` is added (merged with any `Vary` already there) whenever the
response could have been compressed, also when this client got it uncompressed, so that a
cache never serves one client's encoding to another.

Levels suit compressing on every request: gzip level 6 (zlib's default), brotli quality 5.
"""

from __future__ import annotations

import re
import zlib

import brotli

from router_core.codec import TOKEN_CHARS
from router_core.extensions import ORDER_COMPRESSION, Extension

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_core.event import BaseEvent
    from router_core.extensions import Match
    from router_core.response import Response

GZIP_LEVEL = 6
BROTLI_QUALITY = 5
#: The codings this package produces, most preferred first (the order breaks ties).
ENCODINGS = ("br", "gzip")

_NO_BODY_STATUSES = frozenset({204, 304})
# A qvalue (RFC 9110 section 12.4.2): 0 to 1 with at most three decimals.
_QVALUE = re.compile(r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?")
# Names RFC 9110 asks recipients to treat as the coding they stand for.
_ALIASES = {"x-gzip": "gzip"}


def parse_accept_encoding(header: str) -> dict[str, float]:
    """The weight of each coding in an `Accept-Encoding` value, names lower-cased.

    Malformed entries (a bad token, a `q` that is not a qvalue) are ignored; a coding listed
    twice keeps its lower weight, so that an exclusion (`q=0`) is never overridden.

    >>> parse_accept_encoding("gzip;q=0.8, br, *;q=0")
    {'gzip': 0.8, 'br': 1.0, '*': 0.0}
    """
    weights: dict[str, float] = {}
    for entry in header.split(","):
        coding, *params = entry.split(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        if not TOKEN_CHARS.issuperset(coding):
            continue
        weight = 1.0
        malformed = False
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() != "q":
                continue  # codings take no other parameter: ignore it, keep the entry
            value = value.strip()
            if _QVALUE.fullmatch(value) is None:
                malformed = True
                break
            weight = float(value)
        if malformed:
            continue
        coding = _ALIASES.get(coding, coding)
        weights[coding] = min(weight, weights.get(coding, weight))
    return weights


def choose_encoding(accept_encoding: str | None) -> str | None:
    """The coding to answer with (`"br"` or `"gzip"`), or None to send the body as it is.

    No header means the client asked for nothing: send it as it is. Otherwise each coding
    weighs its own `q`, else the `q` of `*`, else 0; the heaviest above 0 wins, `br` on a tie.
    `identity` listed with a higher weight than that keeps the body as it is.

    >>> choose_encoding("gzip, deflate, br")
    'br'
    >>> choose_encoding("br;q=0.5, gzip")
    'gzip'
    >>> choose_encoding("br;q=0, gzip;q=0") is None
    True
    """
    if accept_encoding is None:
        return None
    weights = parse_accept_encoding(accept_encoding)
    if not weights:
        return None
    wildcard = weights.get("*", 0.0)
    best: str | None = None
    best_weight = 0.0
    for coding in ENCODINGS:
        weight = weights.get(coding, wildcard)
        if weight > best_weight:
            best, best_weight = coding, weight
    if best is not None and weights.get("identity", 0.0) > best_weight:
        return None
    return best


def compress(data: bytes, encoding: str) -> bytes:
    """`data` compressed with `encoding` (`"br"` or `"gzip"`)."""
    if encoding == "br":
        result: bytes = brotli.compress(data, quality=BROTLI_QUALITY)
        return result
    if encoding == "gzip":
        # wbits 31: a gzip header and trailer around the deflate stream, mtime left at 0.
        compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)
        return compressor.compress(data) + compressor.flush()
    raise ValueError(f"unsupported content coding {encoding!r}; use one of {ENCODINGS}")


def compress_response(event: BaseEvent, response: Response) -> None:
    """Compress `response`'s body in place for `event`'s client, when that is worth doing."""
    body = response.body
    if not body or not isinstance(body, (str, bytes)):
        return
    status = response.status_code
    if status < 200 or status in _NO_BODY_STATUSES:
        return
    if response.is_base64_encoded or response.get_header("Content-Encoding") is not None:
        return
    response.add_vary("Accept-Encoding")
    headers = event.headers
    values = headers.get_all("accept-encoding")
    encoding = choose_encoding(", ".join(values) if values else None)
    if encoding is None:
        return
    response.set_header("Content-Encoding", encoding)
    if event.http_method == "HEAD":
        return  # the body is dropped next: send the headers a GET would get, skip the work
    data = body.encode("utf-8") if isinstance(body, str) else body
    response.body = compress(data, encoding)


class CompressionExtension(Extension):
    """Compresses the bodies of responses that ask for it; router-binary encodes them next."""

    name = "compression"
    order = ORDER_COMPRESSION
    requires = ("binary",)

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        if response.compress:
            compress_response(event, response)


def create_extension(option: object, app_wide: bool) -> CompressionExtension:
    """The extension core loads for `compress=True` on a route or a `Response`."""
    return CompressionExtension()
