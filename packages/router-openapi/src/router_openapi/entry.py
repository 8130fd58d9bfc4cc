"""What core's entry points call (`app.get_openapi_schema(...)` and the others): each takes
the app first, then the keywords of the method of the same name."""

from __future__ import annotations

from router_openapi.document import (
    configure_openapi,
    get_openapi_json_schema,
    get_openapi_schema,
)
from router_openapi.swagger import enable_swagger

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.resolver import BaseResolver

__all__ = [
    "configure_openapi",
    "configure_openapi_merge",
    "enable_swagger",
    "get_openapi_json_schema",
    "get_openapi_merge_json_schema",
    "get_openapi_merge_schema",
    "get_openapi_schema",
]


def configure_openapi_merge(
    app: BaseResolver[Any],
    path: str,
    pattern: str | list[str] = "handler.py",
    exclude: list[str] | None = None,
    resolver_name: str = "app",
    recursive: bool = False,
    on_conflict: str = "warn",
    **settings: Any,
) -> None:
    """Make `app`'s Swagger UI and `get_openapi_merge_schema()` show the merged document of
    the resolvers found under `path` (see `router_openapi.merge`)."""
    from router_openapi.document import OpenAPIConfig
    from router_openapi.merge import OpenAPIMerge

    merge = OpenAPIMerge(OpenAPIConfig(**settings), on_conflict)
    merge.discover(path, pattern, exclude, resolver_name, recursive)
    app.openapi_merge = merge


def _merge(app: BaseResolver[Any]) -> Any:
    merge = getattr(app, "openapi_merge", None)
    if merge is None:
        raise RuntimeError("call configure_openapi_merge(...) before asking for the merged schema")
    return merge


def get_openapi_merge_schema(app: BaseResolver[Any]) -> Any:
    return _merge(app).get_openapi_schema()


def get_openapi_merge_json_schema(app: BaseResolver[Any]) -> str:
    json: str = _merge(app).get_openapi_json_schema()
    return json
