"""`LambdaFunctionUrlEvent`: a Lambda Function URL event (payload format 2.0).

The format is HTTP API's payload 2.0, with two differences that matter for routing:
`rawPath` stays percent-encoded, and there are no stages, so nothing is ever stripped.
"""

from __future__ import annotations

from router_http.event import APIGatewayProxyEventV2, payload_v2_target


class LambdaFunctionUrlEvent(APIGatewayProxyEventV2):
    """A Function URL event. `path` is `rawPath`, percent-encoded as the client sent it."""

    __slots__ = ()

    # Decoded once per segment by the route table, so `%2F` stays inside its parameter.
    PATH_ENCODED = True
    RESOLVER_NAME = "LambdaFunctionUrlResolver"

    @property
    def path(self) -> str:
        path: str = self._raw["rawPath"]
        return path

    def route_target(self) -> tuple[str, str]:
        method, path, _context = payload_v2_target(self)
        return method, path
