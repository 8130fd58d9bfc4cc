"""`APIGatewayProxyEvent`: an API Gateway payload 1.0 event (REST API, or HTTP API v1)."""

from __future__ import annotations

from router_core.event import BaseEvent


class APIGatewayProxyEvent(BaseEvent):
    """A payload 1.0 event. `path` arrives percent-encoded and excludes the stage."""

    __slots__ = ()
    RESOLVER_NAME = "APIGatewayRestResolver"
    FAMILY = "payload 1.0"

    @property
    def path(self) -> str:
        path: str = self._raw["path"]
        return path

    @property
    def http_method(self) -> str:
        method: str = self._raw["httpMethod"]
        return method.upper()

    def route_target(self) -> tuple[str, str]:
        raw = self._raw
        try:
            method = raw["httpMethod"]
            path = raw["path"]
            context = raw.get("requestContext")
        except (KeyError, TypeError, AttributeError):
            raise self._wrong_source(raw) from None
        if (
            type(method) is not str
            or type(path) is not str
            or (type(context) is dict and "elb" in context)
        ):
            raise self._wrong_source(raw)
        return method.upper(), path

    def _raw_multi_headers(self) -> object:
        return self._raw.get("multiValueHeaders")

    @property
    def resource(self) -> str | None:
        """The API Gateway resource that matched (`/{proxy+}` for a catch-all)."""
        resource = self._raw.get("resource")
        return resource if isinstance(resource, str) else None

    @property
    def version(self) -> str:
        """`1.0` for an HTTP API payload 1.0 event; REST events carry no version."""
        version = self._raw.get("version")
        return version if isinstance(version, str) else "1.0"
