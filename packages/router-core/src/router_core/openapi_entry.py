"""The OpenAPI methods of every resolver, Powertools' names: each loads router-openapi when it
is called (never at import) and hands it the app, or raises `MissingExtraError` saying
`pip install router-openapi`. The keywords are router-openapi's (see its docs)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _openapi(feature: str) -> Any:
    from router_core.extensions import load_extra

    return load_extra("openapi", f"{feature}()")


class OpenAPIMethods:
    """Mixed into `BaseResolver`."""

    #: Set by `configure_openapi(...)` (router-openapi's `OpenAPIConfig`).
    openapi_config: Any = None
    #: Set by `configure_openapi_merge(...)`.
    openapi_merge: Any = None

    def get_openapi_schema(self, **settings: Any) -> Any:
        """The OpenAPI document: a mapping that also answers `model_dump()`."""
        return _openapi("get_openapi_schema").get_openapi_schema(self, **settings)

    def get_openapi_json_schema(self, **settings: Any) -> str:
        """The OpenAPI document as JSON text."""
        text: str = _openapi("get_openapi_json_schema").get_openapi_json_schema(self, **settings)
        return text

    def configure_openapi(self, **settings: Any) -> None:
        """Title, version, servers, security schemes, ... of every later document."""
        _openapi("configure_openapi").configure_openapi(self, **settings)

    def configure_openapi_merge(self, path: str, **options: Any) -> None:
        """One document from the resolvers of several functions' files under `path`."""
        _openapi("configure_openapi_merge").configure_openapi_merge(self, path, **options)

    def get_openapi_merge_schema(self) -> Any:
        return _openapi("get_openapi_merge_schema").get_openapi_merge_schema(self)

    def get_openapi_merge_json_schema(self) -> str:
        entry = _openapi("get_openapi_merge_json_schema")
        text: str = entry.get_openapi_merge_json_schema(self)
        return text

    def enable_swagger(self, **options: Any) -> None:
        """Serve Swagger UI at `path` (default `/swagger`), with `?format=json`."""
        _openapi("enable_swagger").enable_swagger(self, **options)
