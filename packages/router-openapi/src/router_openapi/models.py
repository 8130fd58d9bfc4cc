"""The OpenAPI objects an app configures (`Server`, `Tag`, `Contact`, `License`, ...), as light
classes that need no pydantic.

Each class takes keyword arguments under Powertools' names (`Server(url="/")`,
`APIKey(name="X-Key", in_=APIKeyIn.header)`; the document's own spelling, `in="header"` via
`**{"in": ...}`, works too) and serializes to OpenAPI 3.1 JSON with `model_dump()`. Keys that are
not fields (`x-...` extensions) are kept as written; `openapi_extensions={...}` merges into the
object's JSON, as in Powertools.
"""

# OpenAPI spells its fields in camelCase; each class's `_fields` is a class-level table.
# ruff: noqa: N815, RUF012

from __future__ import annotations

import enum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

#: A field without a default: leaving it out is a TypeError naming the class and the field.
REQUIRED: Any = type("REQUIRED", (), {"__repr__": lambda self: "REQUIRED"})()


class Model:
    """Base of the OpenAPI objects: keyword construction, `model_dump()`, `model_dump_json()`.

    A subclass lists its fields in `_fields` as `attribute: (JSON name, default)`; a default
    of `REQUIRED` makes the field mandatory, and a mutable default is copied per instance.
    """

    _fields: ClassVar[dict[str, tuple[str, Any]]] = {}

    def __init__(self, **values: Any) -> None:
        for attribute, (alias, default) in self._fields.items():
            if attribute in values:
                value = values.pop(attribute)
            elif alias in values:
                value = values.pop(alias)
            elif default is REQUIRED:
                name = type(self).__name__
                raise TypeError(f"{name}() needs the field {attribute!r}")
            else:
                value = default.copy() if isinstance(default, (dict, list)) else default
            setattr(self, attribute, value)
        extensions = values.pop("openapi_extensions", None) or {}
        if not isinstance(extensions, dict):
            raise TypeError(f"{type(self).__name__}: openapi_extensions must be a dict")
        #: What is not a field (`x-...` keys, `openapi_extensions`), merged into the JSON.
        self.extra: dict[str, Any] = {**values, **extensions}

    def model_dump(
        self, *, by_alias: bool = True, exclude_none: bool = True, mode: str = "json"
    ) -> dict[str, Any]:
        """This object as OpenAPI JSON data (keys under their OpenAPI names, None left out)."""
        data: dict[str, Any] = {}
        for attribute, (alias, _) in self._fields.items():
            value = getattr(self, attribute)
            if value is None and exclude_none:
                continue
            data[alias if by_alias else attribute] = dump(value)
        data.update(dump(self.extra))
        return data

    def model_dump_json(self, *, indent: int | None = None, **options: Any) -> str:
        import json

        return json.dumps(self.model_dump(**options), indent=indent, ensure_ascii=False)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, Model):
            return NotImplemented
        return self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.model_dump(by_alias=False).items())
        return f"{type(self).__name__}({fields})"


def dump(value: Any) -> Any:
    """`value` as JSON data: models dumped, enums as their values, containers walked."""
    if isinstance(value, Model):
        return value.model_dump()
    if isinstance(value, enum.Enum):
        return dump(value.value)
    if isinstance(value, dict):
        return {str(dump(k)): dump(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [dump(v) for v in value]
    if hasattr(value, "model_dump") and callable(value.model_dump):
        # A Powertools (pydantic) model passed by an app being migrated.
        return value.model_dump(by_alias=True, exclude_none=True, mode="json")
    return value


class Contact(Model):
    """The API's contact: `Contact(name="API Support", email="support@example.com")`."""

    name: str | None
    url: str | None
    email: str | None
    _fields = {"name": ("name", None), "url": ("url", None), "email": ("email", None)}


class License(Model):
    """The API's license: `License(name="MIT", identifier="MIT")`."""

    name: str
    identifier: str | None
    url: str | None
    _fields = {"name": ("name", REQUIRED), "identifier": ("identifier", None), "url": ("url", None)}


class ExternalDocumentation(Model):
    """A link to more documentation: `ExternalDocumentation(url="https://...")`."""

    description: str | None
    url: str
    _fields = {"description": ("description", None), "url": ("url", REQUIRED)}


class ServerVariable(Model):
    """A variable of a `Server` URL template."""

    enum: list[str] | None
    default: str
    description: str | None
    _fields = {
        "enum": ("enum", None),
        "default": ("default", REQUIRED),
        "description": ("description", None),
    }


class Server(Model):
    """Where the API is served: `Server(url="https://api.example.com/v1")`."""

    url: str
    description: str | None
    variables: dict[str, ServerVariable] | None
    _fields = {
        "url": ("url", REQUIRED),
        "description": ("description", None),
        "variables": ("variables", None),
    }


class Tag(Model):
    """A tag with its description: `Tag(name="todos", description="...")`."""

    name: str
    description: str | None
    externalDocs: ExternalDocumentation | None
    _fields = {
        "name": ("name", REQUIRED),
        "description": ("description", None),
        "externalDocs": ("externalDocs", None),
    }
