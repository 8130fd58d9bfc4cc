"""Base64 transport of binary response bodies.

Lambda returns text, so a binary body travels base64-encoded with `isBase64Encoded: true`
and the service (API Gateway, ALB or Function URL) decodes it before it reaches the client.
This extension encodes every `bytes` body (a handler's, or what router-compression produced),
the empty one included (`b""` is `"body": ""` with `isBase64Encoded: true`), as Powertools does.

A `str` body is never encoded, whatever its content type: it is already text, and a REST API
without binary media types would hand the client the base64 text instead of the body. Return
`bytes` for binary data.

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


def encode_body(response: Response) -> None:
    """Base64-encode `response`'s body in place when it is bytes, and flag it."""
    if response.is_base64_encoded:
        return
    body = response.body
    if not isinstance(body, (bytes, bytearray, memoryview)):
        return
    response.body = b2a_base64(body, newline=False).decode("ascii")
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
