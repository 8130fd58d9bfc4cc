"""router-rest: the API Gateway REST API (payload 1.0) resolver."""

from router_rest.codec import RestCodec
from router_rest.event import APIGatewayProxyEvent
from router_rest.resolver import APIGatewayRestResolver

__all__ = ["APIGatewayProxyEvent", "APIGatewayRestResolver", "RestCodec"]
