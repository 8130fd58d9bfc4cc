"""`Results`: how the resolver turns what handlers return, and what they raise, into the
source's response dict: conversion to `Response`, exception handlers, route options, the
extensions' hooks, HEAD body removal, encoding and the source's size limit.
"""

from __future__ import annotations

from router_core.response import Response

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, ClassVar

    from router_core.codec import Codec
    from router_core.event import BaseEvent
    from router_core.exceptions import ServiceError
    from router_core.extensions import Extension, Match

JSON = "application/json"


class Results:
    """The resolver's second half (a mixin of `BaseResolver`)."""

    codec: ClassVar[Codec]
    _serializer: Callable[[Any], str]
    _exception_handlers: dict[type[BaseException], Callable[..., Any]]
    _debug: bool
    _extension_names: set[str]
    _after: tuple[Extension, ...]

    def _add_extension(self, name: str, feature: str, option: Any, app_wide: bool) -> None:
        raise NotImplementedError

    def _to_response(self, result: Any) -> Response:
        if isinstance(result, Response):
            body = result.body
            if body is not None and not isinstance(body, (str, bytes)):
                result.body = self._serializer(body)
            return result
        if isinstance(result, tuple):
            if len(result) != 2:
                raise TypeError(f"a handler's tuple must be (body, status_code), got {result!r}")
            body, status = result
            if isinstance(body, Response):
                body.status_code = status
                return self._to_response(body)
            return Response(
                status, JSON, body if isinstance(body, (str, bytes)) else self._serializer(body)
            )
        if isinstance(result, str):
            return Response(200, JSON, result)
        if isinstance(result, bytes):
            return Response(200, "application/octet-stream", result)
        return Response(200, JSON, self._serializer(result))

    def _error_response(self, error: ServiceError) -> Response:
        body = self._serializer({"statusCode": error.status_code, "message": error.msg})
        return Response(error.status_code, JSON, body)

    def _find_handler(
        self, error_type: type[BaseException], routing: bool = False
    ) -> Callable[..., Any] | None:
        handlers = self._exception_handlers
        if not handlers:
            return None
        for cls in error_type.__mro__:
            if routing and cls is Exception:
                # Routing's own 404/405 go to their specific handlers, not to catch-alls.
                return None
            handler = handlers.get(cls)
            if handler is not None:
                return handler
        return None

    def _handle_error(self, error: Exception) -> Response | None:
        """A response for `error`, or None when it must propagate (no handler, no debug)."""
        try:
            handler = self._find_handler(type(error))
            if handler is not None:
                return self._to_response(handler(error))
        except Exception as handler_error:
            if not self._debug:
                raise
            from router_core.debug import traceback_response

            return traceback_response(handler_error)
        from router_core.exceptions import ServiceError

        if isinstance(error, ServiceError):
            return self._error_response(error)
        if self._debug:
            from router_core.debug import traceback_response

            return traceback_response(error)
        return None

    def _finish(
        self, request: BaseEvent, method: str, match: Match, response: Response
    ) -> dict[str, Any]:
        route = match.route
        if route is not None:
            if route.cache_control:
                ok = 200 <= response.status_code < 300
                response.set_header("Cache-Control", route.cache_control if ok else "no-cache")
            if response.compress is None:
                response.compress = route.compress
        if not self._load_extras_for(response):
            return self._internal_error(request)
        for extension in self._after:
            extension.after_route(request, match, response)
        if method == "HEAD":
            response.body = ""
        return self._encode(request, response)

    def _load_extras_for(self, response: Response) -> bool:
        """Load the extras this response asks for; False (and a log line) when one is missing."""
        from router_core import log
        from router_core.exceptions import MissingExtraError

        loaded = self._extension_names
        wanted = []
        if response.compress and "compression" not in loaded:
            wanted.append(("compression", "Response(compress=True)"))
        if "binary" not in loaded:
            if isinstance(response.body, bytes):
                wanted.append(("binary", "a bytes response body"))
            elif binary_content_type(response):
                # A str body of a binary media type is base64-encoded when router-binary is
                # installed, and sent as it is otherwise.
                import contextlib

                with contextlib.suppress(MissingExtraError):
                    self._add_extension("binary", "a binary content type", None, True)
        for name, feature in wanted:
            try:
                self._add_extension(name, feature, None, True)
            except MissingExtraError as error:
                log.error("router: %s", error)
                return False
        return True

    def _encode(self, request: BaseEvent, response: Response) -> dict[str, Any]:
        from router_core import log

        if isinstance(response.body, bytes):
            # Only router-binary turns bytes into text the source can carry.
            log.error("router: a bytes body reached the codec; router-binary did not encode it")
            return self._internal_error(request)
        try:
            result = self.codec.encode(response, request)
        except ValueError as error:
            log.error("router: response refused: %s", error)
            return self._internal_error(request)
        body = result.get("body")
        limit = self.codec.max_response_bytes
        # A JSON-escaped character is at most 6 bytes: only near the limit is it worth measuring.
        # Base64 text has nothing to escape, so its length is its size.
        growth = 1 if result.get("isBase64Encoded") is True else 6
        if isinstance(body, str) and len(body) * growth + 65536 > limit:
            import orjson

            size = len(orjson.dumps(result))
            if size > limit:
                log.error(
                    "router: the response is %d bytes, over the %s limit of %d bytes",
                    size,
                    self.codec.source,
                    limit,
                )
                return self._internal_error(request)
        return result

    def _internal_error(self, request: BaseEvent) -> dict[str, Any]:
        body = self._serializer({"statusCode": 500, "message": "Internal Server Error"})
        return self.codec.encode(Response(500, JSON, body), request)


def binary_content_type(response: Response) -> bool:
    """Whether the response's content type may be binary (neither text/* nor JSON), so that
    router-binary, when installed, decides whether its str body goes out base64-encoded."""
    content_type = response.content_type
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return not (media.startswith("text/") or media.endswith("json"))
