"""HTTP errors a handler may raise, and the error for a missing optional package.

Raising a `ServiceError` answers `{"statusCode": N, "message": "..."}` with status N,
the body Powertools' event handler gives for the same exception.
"""

from __future__ import annotations


class ServiceError(Exception):
    """An error that answers with `status_code` and a JSON message."""

    status_code: int = 500

    def __init__(self, status_code: int | str, msg: str | None = None) -> None:
        # Powertools takes (status_code, msg); subclasses take (msg) alone.
        if isinstance(status_code, str) and msg is None:
            code, msg = type(self).status_code, status_code
        else:
            code = int(status_code)
        super().__init__(msg)
        self.status_code = code
        self.msg = msg if msg is not None else ""


class _FixedStatusError(ServiceError):
    def __init__(self, msg: str = "") -> None:
        super().__init__(type(self).status_code, msg)


class BadRequestError(_FixedStatusError):
    """400: the request is malformed (bad JSON, bad base64, bad encoding, bad parameter)."""

    status_code = 400


class BadRequestBodyError(BadRequestError, ValueError):
    """400: the request's body is not what it claims (invalid JSON, base64 or UTF-8).

    Also a `ValueError`, the family of what Powertools raises for the same bodies, so that an
    app's `exception_handler(ValueError)` still receives it; unhandled, it answers 400.
    """


class UnauthorizedError(_FixedStatusError):
    status_code = 401


class ForbiddenError(_FixedStatusError):
    status_code = 403


class NotFoundError(_FixedStatusError):
    status_code = 404

    def __init__(self, msg: str = "Not found") -> None:
        super().__init__(msg)


class MethodNotAllowedError(_FixedStatusError):
    status_code = 405

    def __init__(self, msg: str = "Method not allowed") -> None:
        super().__init__(msg)


class RequestTimeoutError(_FixedStatusError):
    status_code = 408


class RequestEntityTooLargeError(_FixedStatusError):
    status_code = 413


class InternalServerError(_FixedStatusError):
    status_code = 500


class ServiceUnavailableError(_FixedStatusError):
    status_code = 503


class MissingExtraError(ImportError):
    """A feature needs an optional router package that is not installed.

    The message says which feature asked and what to install, e.g.
    ``compress=True needs router-compression: pip install router-compression``.
    """

    def __init__(self, feature: str, distribution: str) -> None:
        super().__init__(f"{feature} needs {distribution}: pip install {distribution}")
        self.feature = feature
        self.distribution = distribution
