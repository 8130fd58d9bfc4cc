"""Telling event families apart, for a clear error when an event reaches the wrong resolver.

Families, not sources, are told apart: payload 1.0 (API Gateway REST, and HTTP API with
`version: "1.0"`), payload 2.0 (HTTP API and Lambda Function URL), and ALB.
"""

from __future__ import annotations

PAYLOAD_V1 = "payload 1.0"
PAYLOAD_V2 = "payload 2.0"
ALB = "ALB"

_RESOLVER_FOR = {
    PAYLOAD_V1: "APIGatewayRestResolver (router-rest)",
    PAYLOAD_V2: "APIGatewayHttpResolver (router-http) or LambdaFunctionUrlResolver "
    "(router-function-url)",
    ALB: "ALBResolver (router-alb)",
}
_DESCRIPTION = {
    PAYLOAD_V1: "an API Gateway payload 1.0 event (REST API, or HTTP API with version 1.0)",
    PAYLOAD_V2: "a payload 2.0 event (HTTP API or Lambda Function URL)",
    ALB: "an Application Load Balancer event",
}


def family_of(event: object) -> str | None:
    """The family an event belongs to, or None when it is no HTTP event we know."""
    if not isinstance(event, dict):
        return None
    context = event.get("requestContext")
    if isinstance(context, dict) and "elb" in context:
        return ALB
    if event.get("version") == "2.0" or (
        "rawPath" in event and isinstance(context, dict) and "http" in context
    ):
        return PAYLOAD_V2
    if "httpMethod" in event and "path" in event:
        return PAYLOAD_V1
    return None


def wrong_source(resolver: str, expected: str, event: object) -> ValueError:
    """The error for an event of another family (or none), naming the resolver that fits."""
    found = family_of(event)
    message = f"{resolver} expects {_DESCRIPTION[expected]}"
    if found is None or found == expected:
        kind = type(event).__name__
        message += f", but got a {kind} that is not one (required fields missing or malformed)"
    else:
        message += f", but got {_DESCRIPTION[found]}: use {_RESOLVER_FOR[found]}"
    return ValueError(message)
