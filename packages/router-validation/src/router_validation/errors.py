"""Validation errors, with Powertools' names, and the answers they give when no exception
handler takes them.

Each error keeps the engine's entries (`errors()`: dicts with `loc` and `type`, and `msg` where
the engine gives one); the answer carries only `loc` and `type`, as Powertools sends them, so
that nothing about the code or the input leaks.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from router_core.response import Response


class InvalidValueError(Exception):
    """Raised by an engine's validator: `errors` are entries with `loc`, `type` and `msg`."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors


def _answer(status: int, errors: Sequence[dict[str, Any]]) -> Response:
    from router_core.response import Response

    detail = [{"loc": list(e["loc"]), "type": e["type"]} for e in errors]
    return Response(status, "application/json", {"statusCode": status, "detail": detail})


class ValidationException(Exception):  # noqa: N818  (Powertools' name)
    """Base of the validation errors: `errors()` lists what failed."""

    def __init__(self, errors: Sequence[dict[str, Any]]) -> None:
        super().__init__(errors)
        self._errors = errors

    def errors(self) -> Sequence[dict[str, Any]]:
        return self._errors


class RequestValidationError(ValidationException):
    """The request does not satisfy the handler's signature: answers 422
    `{"statusCode": 422, "detail": [{"loc": [...], "type": "..."}]}`.

    Handle it with `@app.exception_handler(RequestValidationError)` to answer otherwise.
    """

    status_code = 422

    def __init__(self, errors: Sequence[dict[str, Any]], *, body: Any = None) -> None:
        super().__init__(errors)
        self.body = body

    def default_response(self) -> Response:
        return _answer(self.status_code, self._errors)


class ResponseValidationError(ValidationException):
    """A handler's result does not satisfy its return annotation, on an app or route that set
    `response_validation_error_http_code` / `custom_response_validation_http_code` (without
    either, a failed response answers as a `RequestValidationError`, as in Powertools).

    `source` says which setting applies: `"route"` or `"app"`.
    """

    def __init__(
        self,
        errors: Sequence[dict[str, Any]],
        *,
        body: Any = None,
        source: str = "app",
        status_code: int = 422,
    ) -> None:
        super().__init__(errors)
        self.body = body
        self.source = source
        self.status_code = status_code

    def default_response(self) -> Response:
        return _answer(self.status_code, self._errors)


class RequestUnsupportedContentType(NotImplementedError, ValidationException):  # noqa: N818
    """A body parameter's request came with a content type no parser reads: answers 415
    `{"statusCode": 415, "detail": [{"loc": ["body"], "type": "unsupported_content_type"}]}`."""

    def __init__(self, msg: str, errors: Sequence[dict[str, Any]]) -> None:
        NotImplementedError.__init__(self, msg)
        self._errors = errors

    def default_response(self) -> Response:
        return _answer(415, self._errors)


class RequestBodyTooLargeError(ValidationException):
    """A form body over the configured limits: answers 413 `{"statusCode": 413, "message"}`."""

    def __init__(self, message: str) -> None:
        super().__init__([{"loc": ("body",), "type": "too_large", "msg": message}])
        self.message = message

    def default_response(self) -> Response:
        from router_core.response import Response

        body = {"statusCode": 413, "message": self.message}
        return Response(413, "application/json", body)
