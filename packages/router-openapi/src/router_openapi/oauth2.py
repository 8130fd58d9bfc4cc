"""`OAuth2Config`: how Swagger UI signs in with OAuth2 (`ui.initOAuth(...)`), under Powertools'
keyword names."""

# OpenAPI spells its fields in camelCase; each class's `_fields` is a class-level table.
# ruff: noqa: N815, RUF012

from __future__ import annotations

import os

from router_openapi.models import REQUIRED, Model

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_TRUE = frozenset({"1", "true", "yes", "on"})


class OAuth2Config(Model):
    """Swagger UI's OAuth2 settings: `OAuth2Config(app_name="Todos", client_id="...")`.

    `client_secret` ends up in the page sent to every browser: it is refused unless debug mode
    is on (`ROUTER_DEBUG=1`), for local development only.
    """

    clientId: str | None
    clientSecret: str | None
    realm: str | None
    appName: str
    scopes: list[str]
    additionalQueryStringParams: dict[str, str]
    useBasicAuthenticationWithAccessCodeGrant: bool
    usePkceWithAuthorizationCodeGrant: bool
    _fields = {
        "clientId": ("client_id", None),
        "clientSecret": ("client_secret", None),
        "realm": ("realm", None),
        "appName": ("app_name", REQUIRED),
        "scopes": ("scopes", []),
        "additionalQueryStringParams": ("additional_query_string_params", {}),
        "useBasicAuthenticationWithAccessCodeGrant": (
            "use_basic_authentication_with_access_code_grant",
            False,
        ),
        "usePkceWithAuthorizationCodeGrant": ("use_pkce_with_authorization_code_grant", False),
    }

    def __init__(self, **values: Any) -> None:
        super().__init__(**values)
        if self.clientSecret:
            if os.environ.get("ROUTER_DEBUG", "").strip().lower() not in _TRUE:
                raise ValueError(
                    "OAuth2Config(client_secret=...) would be sent to every browser: it is "
                    "allowed only in debug mode (ROUTER_DEBUG=1), for local development"
                )
            import warnings

            warnings.warn(
                "OAuth2Config sends client_secret to the browser: local development only",
                stacklevel=2,
            )

    def init_options(self) -> dict[str, Any]:
        """The options of Swagger UI's `initOAuth`, under its names (camelCase)."""
        return self.model_dump(by_alias=False)
