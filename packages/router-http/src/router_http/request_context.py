"""The request context of a payload 2.0 event (HTTP API, Function URL), with Powertools' names.

`current_event.request_context` is a `RequestContextV2`: a view over the event's
`requestContext` dict (still indexable like it), loaded on first access. A missing or mistyped
field gives `""`, `0`, `{}`, `[]` or None (see `router_core.request_context`), never an error.
"""

from __future__ import annotations

from router_core.request_context import DictView, RequestContextClientCert, client_cert

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class RequestContextV2Http(DictView):
    """`requestContext.http`: the request line and the client, as the service saw them."""

    __slots__ = ()

    @property
    def method(self) -> str:
        return self._text("method")

    @property
    def path(self) -> str:
        return self._text("path")

    @property
    def protocol(self) -> str:
        """`HTTP/1.1`, `HTTP/2.0`."""
        return self._text("protocol")

    @property
    def source_ip(self) -> str:
        """The address of the TCP connection that reached the service."""
        return self._text("sourceIp")

    @property
    def user_agent(self) -> str:
        return self._text("userAgent")


class RequestContextV2AuthorizerIam(DictView):
    """`requestContext.authorizer.iam`: the signer of an IAM-authorized request."""

    __slots__ = ()

    @property
    def access_key(self) -> str:
        return self._text("accessKey")

    @property
    def account_id(self) -> str:
        return self._text("accountId")

    @property
    def caller_id(self) -> str:
        return self._text("callerId")

    def _cognito(self) -> DictView:
        return DictView(self._data.get("cognitoIdentity"))

    @property
    def cognito_amr(self) -> list[str]:
        """How the Cognito user authenticated (authentication methods references)."""
        return self._cognito()._text_list("amr")

    @property
    def cognito_identity_id(self) -> str:
        return self._cognito()._text("identityId")

    @property
    def cognito_identity_pool_id(self) -> str:
        return self._cognito()._text("identityPoolId")

    @property
    def principal_org_id(self) -> str:
        return self._text("principalOrgId")

    @property
    def user_arn(self) -> str:
        return self._text("userArn")

    @property
    def user_id(self) -> str:
        return self._text("userId")


class RequestContextV2Authorizer(DictView):
    """`requestContext.authorizer`: what a JWT, Lambda or IAM authorizer passed on."""

    __slots__ = ()

    def _jwt(self) -> DictView:
        return DictView(self._data.get("jwt"))

    @property
    def jwt_claim(self) -> dict[str, Any]:
        """The JWT's claims (`{}` without a JWT authorizer)."""
        return self._jwt()._dict("claims")

    @property
    def jwt_scopes(self) -> list[str]:
        """The JWT's scopes (`[]` without them)."""
        return self._jwt()._text_list("scopes")

    @property
    def get_lambda(self) -> dict[str, Any]:
        """The context a Lambda authorizer returned (a property, as in Powertools)."""
        return self._dict("lambda")

    def get_context(self) -> dict[str, Any]:
        """The context a Lambda authorizer returned, the same as `get_lambda`."""
        return self._dict("lambda")

    @property
    def iam(self) -> RequestContextV2AuthorizerIam:
        return RequestContextV2AuthorizerIam(self._data.get("iam"))


class RequestContextV2(DictView):
    """`requestContext` of a payload 2.0 event."""

    __slots__ = ()

    @property
    def account_id(self) -> str:
        return self._text("accountId")

    @property
    def api_id(self) -> str:
        return self._text("apiId")

    @property
    def authentication(self) -> RequestContextClientCert | None:
        """The client certificate of a mutual TLS request, None without one."""
        return client_cert(DictView(self._data.get("authentication")).get("clientCert"))

    @property
    def authorizer(self) -> RequestContextV2Authorizer:
        return RequestContextV2Authorizer(self._data.get("authorizer"))

    @property
    def domain_name(self) -> str:
        """The host the client called."""
        return self._text("domainName")

    @property
    def domain_prefix(self) -> str:
        return self._text("domainPrefix")

    @property
    def http(self) -> RequestContextV2Http:
        return RequestContextV2Http(self._data.get("http"))

    @property
    def request_id(self) -> str:
        """The ID the service gave the request."""
        return self._text("requestId")

    @property
    def route_key(self) -> str:
        """The API Gateway route that matched (`$default`, `GET /todos/{id}`)."""
        return self._text("routeKey")

    @property
    def stage(self) -> str:
        """The stage (`$default` when unnamed)."""
        return self._text("stage")

    @property
    def time(self) -> str:
        """The request time in CLF (`12/Mar/2020:19:03:58 +0000`)."""
        return self._text("time")

    @property
    def time_epoch(self) -> int:
        """The request time in epoch milliseconds (`0` when the event lacks it)."""
        return self._number("timeEpoch")
