"""Security schemes, under Powertools' names, for `security_schemes={"name": scheme}`.

app.configure_openapi(
    security_schemes={"apiKey": APIKey(name="X-API-Key", in_=APIKeyIn.header)},
    security=[{"apiKey": []}],
)
"""

# OpenAPI spells its fields in camelCase; each class's `_fields` is a class-level table.
# ruff: noqa: N815, RUF012

from __future__ import annotations

import enum

from router_openapi.models import REQUIRED, Model

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Union


class SecuritySchemeType(enum.Enum):
    apiKey = "apiKey"
    http = "http"
    oauth2 = "oauth2"
    openIdConnect = "openIdConnect"
    mutualTLS = "mutualTLS"


class APIKeyIn(enum.Enum):
    """Where an API key is sent."""

    query = "query"
    header = "header"
    cookie = "cookie"


class SecurityBase(Model):
    """What every scheme has: its `type` and an optional `description`."""

    type_: SecuritySchemeType
    description: str | None
    _fields = {"type_": ("type", REQUIRED), "description": ("description", None)}


class APIKey(SecurityBase):
    """An API key in a header, the query or a cookie."""

    in_: APIKeyIn
    name: str
    _fields = {
        "type_": ("type", SecuritySchemeType.apiKey),
        "description": ("description", None),
        "in_": ("in", REQUIRED),
        "name": ("name", REQUIRED),
    }


class HTTPBase(SecurityBase):
    """HTTP authentication with `scheme` (`"basic"`, `"digest"`, ...)."""

    scheme: str
    _fields = {
        "type_": ("type", SecuritySchemeType.http),
        "description": ("description", None),
        "scheme": ("scheme", REQUIRED),
    }


class HTTPBearer(HTTPBase):
    """A bearer token (`Authorization: Bearer ...`), with an optional `bearerFormat` hint."""

    bearerFormat: str | None
    _fields = {
        "type_": ("type", SecuritySchemeType.http),
        "description": ("description", None),
        "scheme": ("scheme", "bearer"),
        "bearerFormat": ("bearerFormat", None),
    }


class OAuthFlow(Model):
    refreshUrl: str | None
    scopes: dict[str, str]
    _fields = {"refreshUrl": ("refreshUrl", None), "scopes": ("scopes", {})}


class OAuthFlowImplicit(OAuthFlow):
    authorizationUrl: str
    _fields = {"authorizationUrl": ("authorizationUrl", REQUIRED), **OAuthFlow._fields}


class OAuthFlowPassword(OAuthFlow):
    tokenUrl: str
    _fields = {"tokenUrl": ("tokenUrl", REQUIRED), **OAuthFlow._fields}


class OAuthFlowClientCredentials(OAuthFlow):
    tokenUrl: str
    _fields = {"tokenUrl": ("tokenUrl", REQUIRED), **OAuthFlow._fields}


class OAuthFlowAuthorizationCode(OAuthFlow):
    authorizationUrl: str
    tokenUrl: str
    _fields = {
        "authorizationUrl": ("authorizationUrl", REQUIRED),
        "tokenUrl": ("tokenUrl", REQUIRED),
        **OAuthFlow._fields,
    }


class OAuthFlows(Model):
    """The OAuth2 flows a scheme supports."""

    implicit: OAuthFlowImplicit | None
    password: OAuthFlowPassword | None
    clientCredentials: OAuthFlowClientCredentials | None
    authorizationCode: OAuthFlowAuthorizationCode | None
    _fields = {
        "implicit": ("implicit", None),
        "password": ("password", None),
        "clientCredentials": ("clientCredentials", None),
        "authorizationCode": ("authorizationCode", None),
    }


class OAuth2(SecurityBase):
    """OAuth2 with its `flows`."""

    flows: OAuthFlows
    _fields = {
        "type_": ("type", SecuritySchemeType.oauth2),
        "description": ("description", None),
        "flows": ("flows", REQUIRED),
    }


class OpenIdConnect(SecurityBase):
    """OpenID Connect discovery at `openIdConnectUrl`."""

    openIdConnectUrl: str
    _fields = {
        "type_": ("type", SecuritySchemeType.openIdConnect),
        "description": ("description", None),
        "openIdConnectUrl": ("openIdConnectUrl", REQUIRED),
    }


class MutualTLS(SecurityBase):
    """Mutual TLS (client certificates)."""

    _fields = {
        "type_": ("type", SecuritySchemeType.mutualTLS),
        "description": ("description", None),
    }


if TYPE_CHECKING:
    SecurityScheme = Union[APIKey, HTTPBase, OAuth2, OpenIdConnect, HTTPBearer, MutualTLS]
else:
    SecurityScheme = SecurityBase
