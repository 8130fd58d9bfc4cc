"""`APIGatewayProxyEvent`: an API Gateway payload 1.0 event (REST API, or HTTP API v1)."""

from __future__ import annotations

from router_core.event import BaseEvent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from router_core.headers import Headers, MultiValueHeaders
    from router_rest.request_context import APIGatewayEventRequestContext


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

    @property
    def request_context(self) -> APIGatewayEventRequestContext:
        """`requestContext` with Powertools' names: `request_id`, `stage`, `identity.source_ip`,
        `authorizer.claims`, ...; still indexable like the dict (`["requestId"]`)."""
        return super().request_context  # type: ignore[return-value]

    def _make_request_context(self, data: object) -> APIGatewayEventRequestContext:
        from router_rest.request_context import APIGatewayEventRequestContext

        return APIGatewayEventRequestContext(data)

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        """Every query parameter as a list: `multiValueQueryStringParameters`, with
        single-value parameters it lacks split at commas (Powertools' merge)."""
        multi = self.multi_value_query_string_parameters
        single = super().resolved_query_string_parameters
        if not multi:
            return single
        return {**single, **multi} if single else dict(multi)

    @property
    def resolved_headers_field(self) -> MultiValueHeaders | Headers:
        """`multi_value_headers` when the event has them, else `headers`."""
        multi = self.multi_value_headers
        return multi if multi else self.headers
