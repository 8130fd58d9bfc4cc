"""Generated from packages.toml by tools/table.py: edit the table, not this file."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_alb import ALBCodec as ALBCodec
    from router_alb import ALBEvent as ALBEvent
    from router_alb import ALBResolver as ALBResolver
    from router_alb import ALBRouter as ALBRouter
    from router_binary import BinaryExtension as BinaryExtension
    from router_binary import encode_body as encode_body
    from router_compression import ENCODINGS as ENCODINGS
    from router_compression import CompressionExtension as CompressionExtension
    from router_compression import choose_encoding as choose_encoding
    from router_compression import compress as compress
    from router_compression import parse_accept_encoding as parse_accept_encoding
    from router_core import ApiGatewayResolver as ApiGatewayResolver
    from router_core import BaseEvent as BaseEvent
    from router_core import BaseMiddlewareHandler as BaseMiddlewareHandler
    from router_core import BaseResolver as BaseResolver
    from router_core import Cookie as Cookie
    from router_core import DependencyResolutionError as DependencyResolutionError
    from router_core import Depends as Depends
    from router_core import LambdaContext as LambdaContext
    from router_core import MissingExtraError as MissingExtraError
    from router_core import NextMiddleware as NextMiddleware
    from router_core import ProxyEventType as ProxyEventType
    from router_core import Request as Request
    from router_core import Response as Response
    from router_core import Router as Router
    from router_core import SameSite as SameSite
    from router_core import content_types as content_types
    from router_core.exceptions import BadRequestBodyError as BadRequestBodyError
    from router_core.exceptions import BadRequestError as BadRequestError
    from router_core.exceptions import ForbiddenError as ForbiddenError
    from router_core.exceptions import InternalServerError as InternalServerError
    from router_core.exceptions import MethodNotAllowedError as MethodNotAllowedError
    from router_core.exceptions import NotFoundError as NotFoundError
    from router_core.exceptions import RequestEntityTooLargeError as RequestEntityTooLargeError
    from router_core.exceptions import RequestTimeoutError as RequestTimeoutError
    from router_core.exceptions import ServiceError as ServiceError
    from router_core.exceptions import ServiceUnavailableError as ServiceUnavailableError
    from router_core.exceptions import UnauthorizedError as UnauthorizedError
    from router_cors import DEFAULT_ALLOW_HEADERS as DEFAULT_ALLOW_HEADERS
    from router_cors import CORSConfig as CORSConfig
    from router_cors import CORSExtension as CORSExtension
    from router_cors import CORSWarning as CORSWarning
    from router_function_url import FunctionUrlCodec as FunctionUrlCodec
    from router_function_url import LambdaFunctionUrlEvent as LambdaFunctionUrlEvent
    from router_function_url import LambdaFunctionUrlResolver as LambdaFunctionUrlResolver
    from router_function_url import LambdaFunctionUrlRouter as LambdaFunctionUrlRouter
    from router_http import APIGatewayHttpResolver as APIGatewayHttpResolver
    from router_http import APIGatewayHttpRouter as APIGatewayHttpRouter
    from router_http import APIGatewayProxyEventV2 as APIGatewayProxyEventV2
    from router_http import HttpCodec as HttpCodec
    from router_openapi import APIKey as APIKey
    from router_openapi import APIKeyIn as APIKeyIn
    from router_openapi import Contact as Contact
    from router_openapi import ExternalDocumentation as ExternalDocumentation
    from router_openapi import HTTPBase as HTTPBase
    from router_openapi import HTTPBearer as HTTPBearer
    from router_openapi import License as License
    from router_openapi import Model as Model
    from router_openapi import MutualTLS as MutualTLS
    from router_openapi import OAuth2 as OAuth2
    from router_openapi import OAuth2Config as OAuth2Config
    from router_openapi import OAuthFlowAuthorizationCode as OAuthFlowAuthorizationCode
    from router_openapi import OAuthFlowClientCredentials as OAuthFlowClientCredentials
    from router_openapi import OAuthFlowImplicit as OAuthFlowImplicit
    from router_openapi import OAuthFlowPassword as OAuthFlowPassword
    from router_openapi import OAuthFlows as OAuthFlows
    from router_openapi import OpenAPIConfig as OpenAPIConfig
    from router_openapi import OpenAPISchema as OpenAPISchema
    from router_openapi import OpenIdConnect as OpenIdConnect
    from router_openapi import SchemaValidationError as SchemaValidationError
    from router_openapi import SecurityBase as SecurityBase
    from router_openapi import SecurityScheme as SecurityScheme
    from router_openapi import SecuritySchemeType as SecuritySchemeType
    from router_openapi import Server as Server
    from router_openapi import ServerVariable as ServerVariable
    from router_openapi import Tag as Tag
    from router_openapi import configure_openapi as configure_openapi
    from router_openapi import configure_openapi_merge as configure_openapi_merge
    from router_openapi import enable_swagger as enable_swagger
    from router_openapi import get_openapi_json_schema as get_openapi_json_schema
    from router_openapi import get_openapi_merge_json_schema as get_openapi_merge_json_schema
    from router_openapi import get_openapi_merge_schema as get_openapi_merge_schema
    from router_openapi import get_openapi_schema as get_openapi_schema
    from router_rest import APIGatewayProxyEvent as APIGatewayProxyEvent
    from router_rest import APIGatewayRestResolver as APIGatewayRestResolver
    from router_rest import APIGatewayRouter as APIGatewayRouter
    from router_rest import RestCodec as RestCodec
    from router_validation import Body as Body
    from router_validation import File as File
    from router_validation import Form as Form
    from router_validation import Header as Header
    from router_validation import Path as Path
    from router_validation import Query as Query
    from router_validation import RequestBodyTooLargeError as RequestBodyTooLargeError
    from router_validation import RequestUnsupportedContentType as RequestUnsupportedContentType
    from router_validation import RequestValidationError as RequestValidationError
    from router_validation import ResponseValidationError as ResponseValidationError
    from router_validation import UploadFile as UploadFile
    from router_validation import ValidationException as ValidationException
    from router_validation import ValidationExtension as ValidationExtension

# name -> the module that defines it
SOURCES: dict[str, str] = {
    "ALBCodec": "router_alb",
    "ALBEvent": "router_alb",
    "ALBResolver": "router_alb",
    "ALBRouter": "router_alb",
    "APIGatewayHttpResolver": "router_http",
    "APIGatewayHttpRouter": "router_http",
    "APIGatewayProxyEvent": "router_rest",
    "APIGatewayProxyEventV2": "router_http",
    "APIGatewayRestResolver": "router_rest",
    "APIGatewayRouter": "router_rest",
    "APIKey": "router_openapi",
    "APIKeyIn": "router_openapi",
    "ApiGatewayResolver": "router_core",
    "BadRequestBodyError": "router_core.exceptions",
    "BadRequestError": "router_core.exceptions",
    "BaseEvent": "router_core",
    "BaseMiddlewareHandler": "router_core",
    "BaseResolver": "router_core",
    "BinaryExtension": "router_binary",
    "Body": "router_validation",
    "CORSConfig": "router_cors",
    "CORSExtension": "router_cors",
    "CORSWarning": "router_cors",
    "CompressionExtension": "router_compression",
    "Contact": "router_openapi",
    "Cookie": "router_core",
    "DEFAULT_ALLOW_HEADERS": "router_cors",
    "DependencyResolutionError": "router_core",
    "Depends": "router_core",
    "ENCODINGS": "router_compression",
    "ExternalDocumentation": "router_openapi",
    "File": "router_validation",
    "ForbiddenError": "router_core.exceptions",
    "Form": "router_validation",
    "FunctionUrlCodec": "router_function_url",
    "HTTPBase": "router_openapi",
    "HTTPBearer": "router_openapi",
    "Header": "router_validation",
    "HttpCodec": "router_http",
    "InternalServerError": "router_core.exceptions",
    "LambdaContext": "router_core",
    "LambdaFunctionUrlEvent": "router_function_url",
    "LambdaFunctionUrlResolver": "router_function_url",
    "LambdaFunctionUrlRouter": "router_function_url",
    "License": "router_openapi",
    "MethodNotAllowedError": "router_core.exceptions",
    "MissingExtraError": "router_core",
    "Model": "router_openapi",
    "MutualTLS": "router_openapi",
    "NextMiddleware": "router_core",
    "NotFoundError": "router_core.exceptions",
    "OAuth2": "router_openapi",
    "OAuth2Config": "router_openapi",
    "OAuthFlowAuthorizationCode": "router_openapi",
    "OAuthFlowClientCredentials": "router_openapi",
    "OAuthFlowImplicit": "router_openapi",
    "OAuthFlowPassword": "router_openapi",
    "OAuthFlows": "router_openapi",
    "OpenAPIConfig": "router_openapi",
    "OpenAPISchema": "router_openapi",
    "OpenIdConnect": "router_openapi",
    "Path": "router_validation",
    "ProxyEventType": "router_core",
    "Query": "router_validation",
    "Request": "router_core",
    "RequestBodyTooLargeError": "router_validation",
    "RequestEntityTooLargeError": "router_core.exceptions",
    "RequestTimeoutError": "router_core.exceptions",
    "RequestUnsupportedContentType": "router_validation",
    "RequestValidationError": "router_validation",
    "Response": "router_core",
    "ResponseValidationError": "router_validation",
    "RestCodec": "router_rest",
    "Router": "router_core",
    "SameSite": "router_core",
    "SchemaValidationError": "router_openapi",
    "SecurityBase": "router_openapi",
    "SecurityScheme": "router_openapi",
    "SecuritySchemeType": "router_openapi",
    "Server": "router_openapi",
    "ServerVariable": "router_openapi",
    "ServiceError": "router_core.exceptions",
    "ServiceUnavailableError": "router_core.exceptions",
    "Tag": "router_openapi",
    "UnauthorizedError": "router_core.exceptions",
    "UploadFile": "router_validation",
    "ValidationException": "router_validation",
    "ValidationExtension": "router_validation",
    "choose_encoding": "router_compression",
    "compress": "router_compression",
    "configure_openapi": "router_openapi",
    "configure_openapi_merge": "router_openapi",
    "content_types": "router_core",
    "enable_swagger": "router_openapi",
    "encode_body": "router_binary",
    "get_openapi_json_schema": "router_openapi",
    "get_openapi_merge_json_schema": "router_openapi",
    "get_openapi_merge_schema": "router_openapi",
    "get_openapi_schema": "router_openapi",
    "parse_accept_encoding": "router_compression",
}

# where a name that SOURCES does not know yet is looked for, in order
MODULES: tuple[str, ...] = (
    "router_core",
    "router_core.exceptions",
    "router_rest",
    "router_http",
    "router_alb",
    "router_function_url",
    "router_cors",
    "router_binary",
    "router_compression",
    "router_validation",
    "router_openapi",
)
