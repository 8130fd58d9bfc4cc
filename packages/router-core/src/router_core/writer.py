"""`ResponseWriter`: what handlers return becomes a `Response`, and a finished `Response`
becomes the source's dict, refused clearly when the source could not deliver it.
"""

from __future__ import annotations

from router_core.response import Response

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from router_core.codec import Codec
    from router_core.event import BaseEvent
    from router_core.exceptions import ServiceError

JSON = "application/json"


class ResponseWriter:
    """Conversion to `Response` with the app's serializer, and encoding with its codec."""

    __slots__ = ("codec", "serializer")

    def __init__(self, codec: Codec, serializer: Callable[[Any], str]) -> None:
        self.codec = codec
        self.serializer = serializer

    def to_response(self, result: Any, status_code: int = 200) -> Response:
        """A handler's result as a `Response`: a `Response` as it is, a `(body, status)`
        tuple, text, bytes, or a JSON value answered with `status_code`.

        A body that is neither text nor bytes stays as it is until the response is finished
        (`serialize`), so that middlewares see the handler's value, as in Powertools.
        """
        if isinstance(result, Response):
            return result
        if isinstance(result, tuple):
            if len(result) != 2:
                raise TypeError(f"a handler's tuple must be (body, status_code), got {result!r}")
            body, status = result
            if isinstance(body, Response):
                body.status_code = status
                return body
            return Response(status, JSON, self.serializer(None) if body is None else body)
        if isinstance(result, bytes):
            return Response(status_code, "application/octet-stream", result)
        # A JSON answer of None is JSON's null, as Powertools sends it (a `Response` without
        # a body is the empty body instead).
        return Response(status_code, JSON, self.serializer(None) if result is None else result)

    def serialize(self, response: Response) -> None:
        """Serialize the response's body in place unless it is text, bytes or None."""
        body = response.body
        if body is not None and not isinstance(body, (str, bytes)):
            response.body = self.serializer(body)

    def error_response(self, error: ServiceError) -> Response:
        """`{"statusCode": N, "message": ...}` with status N, for a `ServiceError`."""
        body = self.serializer({"statusCode": error.status_code, "message": error.msg})
        return Response(error.status_code, JSON, body)

    def internal_error(self, event: BaseEvent) -> dict[str, Any]:
        """The source's 500 answer, for a response that cannot be delivered."""
        body = self.serializer({"statusCode": 500, "message": "Internal Server Error"})
        return self.codec.encode(Response(500, JSON, body), event)

    def encode(
        self, event: BaseEvent, response: Response, json_text: bool = False
    ) -> dict[str, Any]:
        """The source's dict for a finished response, or a logged 500 when the response
        cannot be delivered (bytes left unencoded, a refused header, over the size limit).

        `json_text` says the body is what the serializer wrote: JSON holds no raw control
        character, so once the runtime escapes it an ASCII body grows at most twofold.
        """
        if isinstance(response.body, bytes):
            from router_core import log

            # Only router-binary turns bytes into text the source can carry.
            log.error("router: a bytes body reached the codec; router-binary did not encode it")
            return self.internal_error(event)
        codec = self.codec
        try:
            result = codec.encode(response, event)
        except ValueError as error:
            from router_core import log

            log.error("router: response refused: %s", error)
            return self.internal_error(event)
        body = result.get("body")
        if type(body) is str:
            # A character is at most 12 bytes once the runtime escapes it (a surrogate pair);
            # base64 has nothing to escape; JSON text at most 2 when ASCII (`isascii` is a
            # flag of the string, not a scan). Only a body that may come near the limit is
            # measured (`router_core.limits` models the runtime's JSON).
            if result.get("isBase64Encoded") is True:
                growth = 1
            elif json_text and body.isascii():
                growth = 2
            else:
                growth = 12
            limit = codec.max_response_bytes
            if len(body) * growth + 65536 > limit:
                from router_core.limits import over_limit

                size = over_limit(result, limit)
                if size is not None:
                    from router_core import log

                    log.error(
                        "router: the response is %d bytes, over the %s limit of %d bytes",
                        size,
                        codec.source,
                        limit,
                    )
                    return self.internal_error(event)
        return result
