"""The OpenAPI 3.1 document of an app: `get_openapi_schema(app, ...)` and its JSON.

The document covers every declared route and method of the app's route table (no automatic
HEAD or OPTIONS operations), in registration order; the app's `configure_openapi(...)` settings
fill what the call leaves out, as in Powertools.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field, fields

from router_openapi.models import Server, Tag, dump
from router_openapi.operations import OperationBuilder
from router_openapi.paths import path_template

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.resolver import BaseResolver
    from router_openapi.models import Contact, ExternalDocumentation, License
    from router_openapi.security import SecurityScheme

DEFAULT_TITLE = "API"
DEFAULT_VERSION = "1.0.0"
DEFAULT_OPENAPI_VERSION = "3.1.0"


class SchemaValidationError(ValueError):
    """The OpenAPI settings contradict each other (a `security` requirement names no scheme)."""


@dataclass
class OpenAPIConfig:
    """What `configure_openapi(...)` sets, used by every later document and Swagger UI."""

    title: str = DEFAULT_TITLE
    version: str = DEFAULT_VERSION
    openapi_version: str = DEFAULT_OPENAPI_VERSION
    summary: str | None = None
    description: str | None = None
    tags: list[Tag | str] | None = None
    servers: list[Server] | None = None
    terms_of_service: str | None = None
    contact: Contact | None = None
    license_info: License | None = None
    security_schemes: dict[str, SecurityScheme] | None = None
    security: list[dict[str, list[str]]] | None = None
    external_documentation: ExternalDocumentation | None = None
    openapi_extensions: dict[str, Any] | None = field(default=None)


class OpenAPISchema(dict):  # type: ignore[type-arg]
    """The document: a plain mapping of its JSON data, which also answers the pydantic
    methods Powertools' `get_openapi_schema()` result has (`model_dump`, `model_dump_json`)."""

    def model_dump(
        self, *, by_alias: bool = True, exclude_none: bool = True, **_: Any
    ) -> dict[str, Any]:
        """A deep copy of the document's data (it never holds None values)."""
        return copy.deepcopy(dict(self))

    def model_dump_json(
        self, *, indent: int | None = None, by_alias: bool = True, exclude_none: bool = True
    ) -> str:
        return json.dumps(self, indent=indent, ensure_ascii=False)


def configure_openapi(app: BaseResolver[Any], **settings: Any) -> None:
    """Store `settings` (the keywords of `OpenAPIConfig`) on `app` for later documents."""
    app.openapi_config = OpenAPIConfig(**settings)


def app_config(app: BaseResolver[Any]) -> OpenAPIConfig:
    config = getattr(app, "openapi_config", None)
    return config if isinstance(config, OpenAPIConfig) else OpenAPIConfig()


def get_openapi_schema(app: BaseResolver[Any], **settings: Any) -> OpenAPISchema:
    """The document of `app`; `settings` are `OpenAPIConfig`'s keywords and win over the
    app's `configure_openapi` ones (a value left at its default does not)."""
    config = _merged(app_config(app), settings)
    if not config.openapi_version.startswith("3.1"):
        import warnings

        warnings.warn(
            f"openapi_version {config.openapi_version!r}: the document is OpenAPI 3.1 "
            "(JSON Schema 2020-12), written as 3.1.0",
            stacklevel=3,
        )
        config.openapi_version = DEFAULT_OPENAPI_VERSION
    schemes = dump(config.security_schemes) if config.security_schemes else None
    if config.security:
        _check_security(config.security, schemes, "configure_openapi(security=...)")

    builder = OperationBuilder(app)
    paths: dict[str, dict[str, Any]] = {}
    for route in app.routes:
        if route.options.get("security"):
            _check_security(route.options["security"], schemes, repr(route))
        if route.options.get("include_in_schema", True) is False:
            continue
        path = path_template(route.rule)
        item = paths.setdefault(path.template, {})
        for method in route.methods:
            item[method.lower()] = builder.build(route, method, path)

    info: dict[str, Any] = {"title": config.title, "version": config.version}
    optional = {
        "summary": config.summary,
        "description": config.description,
        "termsOfService": config.terms_of_service,
        "contact": config.contact,
        "license": config.license_info,
    }
    info.update({key: dump(value) for key, value in optional.items() if value})
    document: dict[str, Any] = {
        "openapi": config.openapi_version,
        "info": info,
        "servers": dump(config.servers) if config.servers else [{"url": "/"}],
        "paths": paths,
    }
    components: dict[str, Any] = {}
    schemas = dict(builder.components)
    if paths:
        # Every documented route may answer them (Powertools lists them whenever it has routes).
        schemas.update(_ERROR_SCHEMAS)
    if schemas:
        components["schemas"] = {name: schemas[name] for name in sorted(schemas)}
    if schemes:
        components["securitySchemes"] = schemes
    if components:
        document["components"] = components
    if config.security:
        document["security"] = dump(config.security)
    if config.tags:
        document["tags"] = [
            {"name": tag} if isinstance(tag, str) else dump(tag) for tag in config.tags
        ]
    if config.external_documentation:
        document["externalDocs"] = dump(config.external_documentation)
    if config.openapi_extensions:
        document.update(dump(config.openapi_extensions))
    return OpenAPISchema(document)


def get_openapi_json_schema(app: BaseResolver[Any], **settings: Any) -> str:
    """The document as JSON text, indented by two spaces as Powertools writes it."""
    return get_openapi_schema(app, **settings).model_dump_json(indent=2)


def _merged(config: OpenAPIConfig, settings: dict[str, Any]) -> OpenAPIConfig:
    merged = copy.copy(config)
    known = {f.name: f.default for f in fields(OpenAPIConfig)}
    for name, value in settings.items():
        if name not in known:
            raise TypeError(f"unexpected OpenAPI setting {name!r}")
        if value is not None and value != known[name]:
            setattr(merged, name, value)
    return merged


def _check_security(
    security: list[dict[str, Any]], schemes: dict[str, Any] | None, where: str
) -> None:
    for requirement in security:
        for name in requirement:
            if not schemes or name not in schemes:
                raise SchemaValidationError(
                    f"{where}: security scheme {name!r} is not among the security_schemes "
                    "given to configure_openapi (or get_openapi_schema)"
                )


_LOC = {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}
_ERROR_ITEMS = {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}}
# What the 422 answers carry: `loc` and `type`, never a `msg` (unlike Powertools' schema).
_ERROR_SCHEMAS: dict[str, dict[str, Any]] = {
    "ValidationError": {
        "title": "ValidationError",
        "type": "object",
        "properties": {
            "loc": {**_LOC, "title": "Location"},
            "type": {"type": "string", "title": "Error Type"},
        },
        "required": ["loc", "type"],
    },
    "HTTPValidationError": {
        "title": "HTTPValidationError",
        "type": "object",
        "properties": {
            "statusCode": {"type": "integer", "title": "Status Code"},
            "detail": {**_ERROR_ITEMS, "title": "Detail"},
        },
    },
    "ResponseValidationError": {
        "title": "ResponseValidationError",
        "type": "object",
        "properties": {
            "statusCode": {"type": "integer", "title": "Status Code"},
            "detail": {**_ERROR_ITEMS, "title": "Detail"},
        },
    },
}
