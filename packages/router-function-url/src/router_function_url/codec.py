"""The Lambda Function URL mapping, both ways: HTTP API's payload 2.0 code, reused.

Events differ from HTTP API's in what AWS documents for Function URLs: `rawPath` as the client
sent it (percent-encoded), the `<url-id>.lambda-url.<region>.on.aws` host, no stage (`$default`),
`pathParameters` and `stageVariables` null. Responses have the same shape as HTTP API's.
"""

from __future__ import annotations

from router_http.codec import DEFAULT_STAGE, REGION, HttpCodec, v2_event

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.codec import HTTPRequest

URL_ID = "abcdefghijklmnopqrstuvwxyz012345"


class FunctionUrlCodec(HttpCodec):
    """Lambda Function URL, payload format 2.0 (buffered responses, 6 MB)."""

    source = "Lambda Function URL (Lambda 6 MB)"

    def to_event(self, request: HTTPRequest, stage: str | None = None) -> dict[str, Any]:
        """A Function URL event; `stage` is ignored, as Function URLs have none."""
        domain = f"{URL_ID}.lambda-url.{REGION}.on.aws"
        event = v2_event(request, request.path, domain, URL_ID, DEFAULT_STAGE)
        context = event["requestContext"]
        # What AWS sends for a URL with AuthType NONE; IAM-signed calls name the caller's
        # account and add `authorizer.iam`.
        context["accountId"] = "anonymous"
        context["authentication"] = None
        event["pathParameters"] = None
        event["stageVariables"] = None
        return event
