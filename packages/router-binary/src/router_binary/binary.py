"""Base64 transport of binary response bodies.

Lambda returns text, so a binary body travels base64-encoded with `isBase64Encoded: true`
and the service (API Gateway, ALB, Function URL) decodes it before it reaches the client.
This extension encodes:
- every `bytes` body (a handler's `bytes`, or what router-compression produced);
- a `str` body whose `Content-Type` is a binary media type (`BINARY_MEDIA_TYPES`, or a type
  under `BINARY_MEDIA_PREFIXES`), encoded as UTF-8 first. Pass `bytes` for raw binary data.

The codecs only read `response.is_base64_encoded`; each source's shape carries it.
"""

from __future__ import annotations

from binascii import b2a_base64

from router_core.extensions import ORDER_BINARY, Extension

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_core.event import BaseEvent
    from router_core.extensions import Match
    from router_core.response import Response

#: Top-level types whose every subtype is binary.
BINARY_MEDIA_PREFIXES = ("image/", "audio/", "video/", "font/")
#: Binary types among `application/*`.
BINARY_MEDIA_TYPES = frozenset(
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-tar",
        "application/wasm",
        "application/x-protobuf",
    }
)


def is_binary_media_type(content_type: str | None) -> bool:
    """Whether `content_type` (parameters such as `charset` ignored) is a binary media type."""
    if not content_type:
        return False
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type in BINARY_MEDIA_TYPES or media_type.startswith(BINARY_MEDIA_PREFIXES)


def encode_body(response: Response) -> None:
    """Base64-encode `response`'s body in place when it is binary, and flag it."""
    if response.is_base64_encoded:
        return
    body = response.body
    if isinstance(body, str):
        if not body or not is_binary_media_type(response.content_type):
            return
        data = body.encode("utf-8")
    elif isinstance(body, (bytes, bytearray, memoryview)):
        data = bytes(body)
    else:
        return
    if not data:
        response.body = ""  # nothing to carry: an empty body is the same in both forms
        return
    response.body = b2a_base64(data, newline=False).decode("ascii")
    response.is_base64_encoded = True


class BinaryExtension(Extension):
    """Runs last of the extras (after compression), so that it encodes compressed bodies."""

    name = "binary"
    order = ORDER_BINARY

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        encode_body(response)


def create_extension(option: object, app_wide: bool) -> BinaryExtension:
    """The extension core loads for a `bytes` body, or for router-compression."""
    return BinaryExtension()
