"""OpenAPI 3.1 for router apps: the document from the route table, security schemes and
Swagger UI.

Core's entry points load this package when they are called, so installing it costs a function
nothing until then:

    app.configure_openapi(title="Todos", version="1.2.0")
    app.get_openapi_json_schema()            # the document as JSON text
    app.enable_swagger(path="/swagger")      # Swagger UI, and ?format=json for the document
"""

from __future__ import annotations

from router_openapi.document import (
    OpenAPIConfig,
    OpenAPISchema,
    SchemaValidationError,
    configure_openapi,
    get_openapi_json_schema,
    get_openapi_schema,
)
from router_openapi.entry import (
    configure_openapi_merge,
    enable_swagger,
    get_openapi_merge_json_schema,
    get_openapi_merge_schema,
)
from router_openapi.models import (
    Contact,
    ExternalDocumentation,
    License,
    Model,
    Server,
    ServerVariable,
    Tag,
)
from router_openapi.oauth2 import OAuth2Config
from router_openapi.security import (
    APIKey,
    APIKeyIn,
    HTTPBase,
    HTTPBearer,
    MutualTLS,
    OAuth2,
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlows,
    OpenIdConnect,
    SecurityBase,
    SecurityScheme,
    SecuritySchemeType,
)

__all__ = [
    "APIKey",
    "APIKeyIn",
    "Contact",
    "ExternalDocumentation",
    "HTTPBase",
    "HTTPBearer",
    "License",
    "Model",
    "MutualTLS",
    "OAuth2",
    "OAuth2Config",
    "OAuthFlowAuthorizationCode",
    "OAuthFlowClientCredentials",
    "OAuthFlowImplicit",
    "OAuthFlowPassword",
    "OAuthFlows",
    "OpenAPIConfig",
    "OpenAPISchema",
    "OpenIdConnect",
    "SchemaValidationError",
    "SecurityBase",
    "SecurityScheme",
    "SecuritySchemeType",
    "Server",
    "ServerVariable",
    "Tag",
    "configure_openapi",
    "configure_openapi_merge",
    "enable_swagger",
    "get_openapi_json_schema",
    "get_openapi_merge_json_schema",
    "get_openapi_merge_schema",
    "get_openapi_schema",
]
