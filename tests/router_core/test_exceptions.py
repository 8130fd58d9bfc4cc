"""The exception family and MissingExtraError."""

from __future__ import annotations

import sys

import pytest

from router_core import MissingExtraError, Router
from router_core.exceptions import (
    BadRequestError,
    ForbiddenError,
    InternalServerError,
    MethodNotAllowedError,
    NotFoundError,
    RequestEntityTooLargeError,
    ServiceError,
    ServiceUnavailableError,
    UnauthorizedError,
)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (BadRequestError, 400),
        (UnauthorizedError, 401),
        (ForbiddenError, 403),
        (NotFoundError, 404),
        (MethodNotAllowedError, 405),
        (RequestEntityTooLargeError, 413),
        (InternalServerError, 500),
        (ServiceUnavailableError, 503),
    ],
)
def test_each_error_carries_its_status(error: type[ServiceError], status: int) -> None:
    raised = error("why")
    assert (raised.status_code, raised.msg) == (status, "why")
    assert isinstance(raised, ServiceError)


def test_service_error_takes_status_and_message() -> None:
    error = ServiceError(502, "upstream")
    assert (error.status_code, error.msg, str(error)) == (502, "upstream", "upstream")


def test_missing_extra_is_an_import_error_that_says_what_to_install() -> None:
    error = MissingExtraError("compress=True", "router-compression")
    assert isinstance(error, ImportError)
    assert str(error) == ("compress=True needs router-compression: pip install router-compression")


@pytest.mark.parametrize(
    ("option", "module", "distribution"),
    [
        ("compress", "router_compression", "router-compression"),
        ("cors", "router_cors", "router-cors"),
    ],
)
def test_route_option_without_its_extra_fails_at_decoration(
    monkeypatch: pytest.MonkeyPatch, option: str, module: str, distribution: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    router = Router()
    with pytest.raises(MissingExtraError, match=f"pip install {distribution}") as raised:
        router.get("/report", **{option: True})
    assert "'/report'" in str(raised.value)
