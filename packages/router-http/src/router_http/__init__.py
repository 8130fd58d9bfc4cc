"""router-http: the API Gateway HTTP API (payload 2.0) resolver."""

from router_http.codec import HttpCodec
from router_http.event import APIGatewayProxyEventV2
from router_http.resolver import APIGatewayHttpResolver

__all__ = ["APIGatewayHttpResolver", "APIGatewayProxyEventV2", "HttpCodec"]
