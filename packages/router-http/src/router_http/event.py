"""`APIGatewayProxyEventV2`: an API Gateway HTTP API payload 2.0 event.

Payload 2.0 differs from 1.0 where it matters here: `rawPath` arrives already percent-decoded
and carries `/{stage}` on a named stage reached through the default execute-api host; headers
and `queryStringParameters` are single-valued, duplicates comma-joined by API Gateway; the
request's cookies come as a `cookies` list instead of a `Cookie` header.
"""

from __future__ import annotations

from router_core.event import BaseEvent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_http.request_context import RequestContextV2

_DEFAULT_STAGE = "$default"


def parse_query_string(query: str) -> dict[str, list[str]]:
    """Parse a raw query string: every value of a repeated key kept, `+` and `%XX` decoded.

    Commas inside values stay intact (`a=1,2&a=3` gives `{"a": ["1,2", "3"]}`), and a key
    without `=` has the empty value, as API Gateway reports it.
    """
    result: dict[str, list[str]] = {}
    if not query:
        return result
    encoded = "%" in query or "+" in query
    if encoded:
        from urllib.parse import unquote_plus
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if encoded:
            name = unquote_plus(name)
            value = unquote_plus(value)
        if name:
            result.setdefault(name, []).append(value)
    return result


def is_execute_api_host(domain: object) -> bool:
    """Whether `domain` is API Gateway's default host (`<api-id>.execute-api.<region>...`)."""
    return (
        isinstance(domain, str)
        and ".execute-api." in domain
        and domain.endswith((".amazonaws.com", ".amazonaws.com.cn"))
    )


def _without_stage(path: str, context: dict[str, Any]) -> str:
    stage = context.get("stage")
    if not stage or stage == _DEFAULT_STAGE or type(stage) is not str:
        return path
    end = len(stage) + 1
    if (
        path[:1] == "/"
        and path[1:end] == stage
        and (len(path) == end or path[end] == "/")
        and is_execute_api_host(context.get("domainName"))
    ):
        return path[end:] or "/"
    return path


def payload_v2_target(event: BaseEvent) -> tuple[str, str, dict[str, Any]]:
    """The method, `rawPath` and request context dict of a payload 2.0 event, validated:
    raises the event class's wrong-source `ValueError` when one of them is missing."""
    raw = event.raw_event
    try:
        context = raw["requestContext"]
        method = context["http"]["method"]
        path = raw["rawPath"]
    except (KeyError, TypeError, AttributeError):
        raise event._wrong_source(raw) from None
    if type(method) is not str or type(path) is not str or type(context) is not dict:
        raise event._wrong_source(raw)
    return method.upper(), path, context


class APIGatewayProxyEventV2(BaseEvent):
    """A payload 2.0 event. `path` is `rawPath` without the stage (see `path`)."""

    __slots__ = ()

    # HTTP API decodes `rawPath` itself; decoding it again would turn `%25` into `%`.
    PATH_ENCODED = False
    #: The resolver named in the ValueError for an event of another kind.
    RESOLVER_NAME = "APIGatewayHttpResolver"
    FAMILY = "payload 2.0"

    @property
    def path(self) -> str:
        """`rawPath`, with `/{stage}` removed on a named stage of the execute-api host.

        Under a custom domain the API mapping has already taken the stage out, so a leading
        segment that happens to equal the stage name belongs to the path and is kept.
        """
        raw = self._raw
        return _without_stage(raw["rawPath"], raw["requestContext"])

    def route_target(self) -> tuple[str, str]:
        # payload_v2_target and the stage check, inlined: every request asks this first.
        raw = self._raw
        try:
            context = raw["requestContext"]
            method = context["http"]["method"]
            path = raw["rawPath"]
        except (KeyError, TypeError, AttributeError):
            raise self._wrong_source(raw) from None
        if type(method) is not str or type(path) is not str or type(context) is not dict:
            raise self._wrong_source(raw)
        stage = context.get("stage")
        if stage and stage != _DEFAULT_STAGE:
            path = _without_stage(path, context)
        return method.upper(), path

    @property
    def http_method(self) -> str:
        method: str = self._raw["requestContext"]["http"]["method"]
        return method.upper()

    def _raw_multi_query(self) -> dict[str, list[str]]:
        query = self._raw.get("rawQueryString")
        if isinstance(query, str) and query:
            return parse_query_string(query)
        # A hand-written event without `rawQueryString`: the single values are all there is.
        return {name: [value] for name, value in self.query_string_parameters.items()}

    def _cookie_header_values(self) -> list[str]:
        cookies = self._raw.get("cookies")
        values = [c for c in cookies if isinstance(c, str)] if isinstance(cookies, list) else []
        # API Gateway moves the Cookie header into `cookies`; a hand-written event may not.
        values.extend(self.headers.get_all("cookie"))
        return values

    # -- payload 2.0 extras ------------------------------------------------------------------
    @property
    def version(self) -> str:
        """The payload version, `2.0`."""
        version = self._raw.get("version")
        return version if isinstance(version, str) else "2.0"

    @property
    def route_key(self) -> str | None:
        """The route that matched in API Gateway (`$default` or `GET /items/{id}`)."""
        key = self._raw.get("routeKey")
        return key if isinstance(key, str) else None

    @property
    def raw_path(self) -> str:
        """The path exactly as the event carries it (stage included, if any)."""
        path: str = self._raw["rawPath"]
        return path

    @property
    def raw_query_string(self) -> str:
        """The query string as the client sent it (`""` when there is none)."""
        query = self._raw.get("rawQueryString")
        return query if isinstance(query, str) else ""

    @property
    def stage(self) -> str:
        """The stage the request came through (`$default` when unnamed)."""
        stage = self.request_context.get("stage")
        return stage if isinstance(stage, str) else _DEFAULT_STAGE

    @property
    def domain_name(self) -> str | None:
        """The host the client called (`requestContext.domainName`)."""
        domain = self.request_context.get("domainName")
        return domain if isinstance(domain, str) else None

    @property
    def source_ip(self) -> str | None:
        """The client's address as the service saw it (`requestContext.http.sourceIp`)."""
        ip = self._raw["requestContext"]["http"].get("sourceIp")
        return ip if isinstance(ip, str) else None

    @property
    def request_context(self) -> RequestContextV2:
        """`requestContext` with Powertools' names: `request_id`, `http.source_ip`,
        `authorizer.jwt_claim`, ...; still indexable like the dict (`["requestId"]`)."""
        return super().request_context  # type: ignore[return-value]

    def _make_request_context(self, data: object) -> RequestContextV2:
        from router_http.request_context import RequestContextV2

        return RequestContextV2(data)

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        """Every query parameter as a list of values, read from `rawQueryString` so that a
        comma inside a value stays in it (Powertools splits the joined values at commas).
        Without `rawQueryString` (a hand-written event), the joined values are split."""
        query = self._raw.get("rawQueryString")
        if isinstance(query, str) and query:
            return self.multi_value_query_string_parameters
        return super().resolved_query_string_parameters

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        """The headers by lower-cased name, a value API Gateway joined with commas split
        into a list (Powertools' shape for payload 2.0)."""
        return {
            name: value.split(",") if "," in value else value
            for name, value in self.headers.items()
        }

    @property
    def authorizer(self) -> dict[str, Any]:
        """`requestContext.authorizer` (`jwt`, `lambda` or `iam`), `{}` without one."""
        authorizer = self.request_context.get("authorizer")
        return authorizer if isinstance(authorizer, dict) else {}
