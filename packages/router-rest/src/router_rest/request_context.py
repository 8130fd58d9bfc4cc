"""The request context of a payload 1.0 event, with Powertools' attribute names.

`current_event.request_context` is an `APIGatewayEventRequestContext`: a view over the event's
`requestContext` dict (still indexable like it), loaded on first access. A missing or mistyped
field gives `""`, `0`, `{}`, `[]` or None (see `router_core.request_context`), never an error.
"""

from __future__ import annotations

from router_core.request_context import DictView, RequestContextClientCert, client_cert

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class APIGatewayEventIdentity(DictView):
    """`requestContext.identity`: who called, as API Gateway saw it."""

    __slots__ = ()

    @property
    def access_key(self) -> str | None:
        return self._optional_text("accessKey")

    @property
    def account_id(self) -> str | None:
        """The caller's AWS account (IAM authorization)."""
        return self._optional_text("accountId")

    @property
    def api_key(self) -> str | None:
        """The API key of a method that requires one."""
        return self._optional_text("apiKey")

    @property
    def api_key_id(self) -> str | None:
        return self._optional_text("apiKeyId")

    @property
    def caller(self) -> str | None:
        """The principal identifier of the caller."""
        return self._optional_text("caller")

    @property
    def cognito_authentication_provider(self) -> str | None:
        return self._optional_text("cognitoAuthenticationProvider")

    @property
    def cognito_authentication_type(self) -> str | None:
        return self._optional_text("cognitoAuthenticationType")

    @property
    def cognito_identity_id(self) -> str | None:
        return self._optional_text("cognitoIdentityId")

    @property
    def cognito_identity_pool_id(self) -> str | None:
        return self._optional_text("cognitoIdentityPoolId")

    @property
    def principal_org_id(self) -> str | None:
        return self._optional_text("principalOrgId")

    @property
    def source_ip(self) -> str:
        """The address of the TCP connection that reached API Gateway."""
        return self._text("sourceIp")

    @property
    def user(self) -> str | None:
        return self._optional_text("user")

    @property
    def user_agent(self) -> str | None:
        return self._optional_text("userAgent")

    @property
    def user_arn(self) -> str | None:
        return self._optional_text("userArn")

    @property
    def client_cert(self) -> RequestContextClientCert | None:
        """The client certificate of a mutual TLS request, None without one."""
        return client_cert(self._data.get("clientCert"))


class APIGatewayEventAuthorizer(DictView):
    """`requestContext.authorizer`: what a Cognito or Lambda authorizer passed on."""

    __slots__ = ()

    @property
    def claims(self) -> dict[str, Any]:
        """The Cognito user pool token's claims (`{}` without them)."""
        return self._dict("claims")

    @property
    def scopes(self) -> list[str]:
        """The OAuth scopes of the access token (`[]` without them)."""
        return self._text_list("scopes")

    @property
    def principal_id(self) -> str:
        """The principal a Lambda authorizer returned."""
        return self._text("principalId")

    @property
    def integration_latency(self) -> int | None:
        """The authorizer's latency in milliseconds."""
        return self._optional_number("integrationLatency")

    def get_context(self) -> dict[str, Any]:
        """Everything a Lambda authorizer put in its context (the whole authorizer dict).

        >>> tenant = app.current_event.request_context.authorizer.get_context().get("tenant")
        """
        return self._data


class APIGatewayEventRequestContext(DictView):
    """`requestContext` of a payload 1.0 event (REST API, HTTP API 1.0, WebSocket fields)."""

    __slots__ = ()

    @property
    def account_id(self) -> str:
        """The AWS account of the API."""
        return self._text("accountId")

    @property
    def api_id(self) -> str:
        return self._text("apiId")

    @property
    def authorizer(self) -> APIGatewayEventAuthorizer:
        return APIGatewayEventAuthorizer(self._data.get("authorizer"))

    @property
    def connected_at(self) -> int | None:
        """When the WebSocket connection opened (epoch milliseconds)."""
        return self._optional_number("connectedAt")

    @property
    def connection_id(self) -> str | None:
        return self._optional_text("connectionId")

    @property
    def domain_name(self) -> str | None:
        """The host the client called."""
        return self._optional_text("domainName")

    @property
    def domain_prefix(self) -> str | None:
        return self._optional_text("domainPrefix")

    @property
    def event_type(self) -> str | None:
        """`CONNECT`, `MESSAGE` or `DISCONNECT` (WebSocket API)."""
        return self._optional_text("eventType")

    @property
    def extended_request_id(self) -> str | None:
        return self._optional_text("extendedRequestId")

    @property
    def http_method(self) -> str:
        return self._text("httpMethod")

    @property
    def identity(self) -> APIGatewayEventIdentity:
        return APIGatewayEventIdentity(self._data.get("identity"))

    @property
    def message_direction(self) -> str | None:
        return self._optional_text("messageDirection")

    @property
    def message_id(self) -> str | None:
        return self._optional_text("messageId")

    @property
    def operation_name(self) -> str | None:
        return self._optional_text("operationName")

    @property
    def path(self) -> str:
        """The path as the client called it, stage included (`/prod/todos`)."""
        return self._text("path")

    @property
    def protocol(self) -> str:
        return self._text("protocol")

    @property
    def request_id(self) -> str:
        """The ID API Gateway gave the request."""
        return self._text("requestId")

    @property
    def request_time(self) -> str | None:
        """The request time in CLF (`09/Apr/2015:12:34:56 +0000`)."""
        return self._optional_text("requestTime")

    @property
    def request_time_epoch(self) -> int:
        """The request time in epoch milliseconds (`0` when the event lacks it)."""
        return self._number("requestTimeEpoch")

    @property
    def resource_id(self) -> str:
        return self._text("resourceId")

    @property
    def resource_path(self) -> str:
        return self._text("resourcePath")

    @property
    def route_key(self) -> str | None:
        return self._optional_text("routeKey")

    @property
    def stage(self) -> str:
        """The deployment stage (`prod`)."""
        return self._text("stage")
