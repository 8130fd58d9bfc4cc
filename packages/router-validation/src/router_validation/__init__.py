"""router-validation: typed parameters, request and response validation, and forms.

    app = APIGatewayRestResolver(enable_validation=True)

    @app.get("/todos")
    def todos(limit: Annotated[int, Query(gt=0)] = 10) -> list[Todo]: ...

Engines: msgspec for `msgspec.Struct` models or when pydantic is not installed, pydantic
otherwise; `validation_engine="msgspec"` on the resolver forces the fast one.
"""

from __future__ import annotations

from router_validation.errors import (
    RequestBodyTooLargeError,
    RequestUnsupportedContentType,
    RequestValidationError,
    ResponseValidationError,
    ValidationException,
)
from router_validation.extension import ValidationExtension, create_extension
from router_validation.params import Body, Cookie, File, Form, Header, Path, Query, UploadFile

__all__ = [
    "Body",
    "Cookie",
    "File",
    "Form",
    "Header",
    "Path",
    "Query",
    "RequestBodyTooLargeError",
    "RequestUnsupportedContentType",
    "RequestValidationError",
    "ResponseValidationError",
    "UploadFile",
    "ValidationException",
    "ValidationExtension",
    "create_extension",
]
