"""`ALBEvent`: an Application Load Balancer request to a Lambda target.

ALB passes the path and the query string on as the client sent them, percent-encoded. The
route table decodes each path segment once; query keys and values are decoded once here
(`+` is a space, `%2B` is `+`), so handlers see what the client meant.

A target group sends either single-value `headers` / `queryStringParameters` (the default)
or, with `lambda.multi_value_headers.enabled`, `multiValueHeaders` /
`multiValueQueryStringParameters`; `multi_value` tells which, and the response must answer
in the same mode.

`decode_query_parameters=False` keeps the query as ALB sent it, percent-encoded (what
Powertools' `query_string_parameters` gives whatever its resolver's option says).
"""

from __future__ import annotations

from router_core.event import BaseEvent, string_dict, string_list_dict

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from router_alb.request_context import ALBEventRequestContext
    from router_core.headers import Headers, MultiValueHeaders


def unquote_query(text: str) -> str:
    """Decode one query key or value as a form would (`+` is a space), exactly once.

    A malformed escape (`%zz`) stays as it is; so does the whole text when its escapes do
    not spell UTF-8, rather than turning bytes into replacement characters.
    """
    if "%" not in text and "+" not in text:
        return text
    from urllib.parse import unquote_plus

    try:
        return unquote_plus(text, errors="strict")
    except UnicodeDecodeError:
        return text


class ALBEvent(BaseEvent):
    """An ALB event, recognised by `requestContext.elb`; `path` arrives percent-encoded.

    Query keys and values are decoded once unless `decode_query_parameters` is False.
    """

    __slots__ = ("_raw_query",)
    RESOLVER_NAME = "ALBResolver"
    FAMILY = "ALB"

    def __init__(
        self,
        data: dict[str, Any],
        json_deserializer: Callable[[str], Any] | None = None,
        validate: bool = True,
        *,
        decode_query_parameters: bool = True,
    ) -> None:
        super().__init__(data, json_deserializer, validate)
        if not decode_query_parameters:
            self._raw_query = True

    @property
    def decode_query_parameters(self) -> bool:
        """Whether query keys and values are percent-decoded (True unless set False)."""
        try:
            return not self._raw_query
        except AttributeError:
            return True

    @decode_query_parameters.setter
    def decode_query_parameters(self, value: bool) -> None:
        self._raw_query = not value
        # Both query dicts follow the setting: computed again on next use.
        for name in ("_query", "_multi_query"):
            if hasattr(self, name):
                delattr(self, name)

    def route_target(self) -> tuple[str, str]:
        raw = self._raw
        try:
            method = raw["httpMethod"]
            path = raw["path"]
            elb = raw["requestContext"]["elb"]
        except (KeyError, TypeError, AttributeError):
            raise self._wrong_source(raw) from None
        if type(method) is not str or type(path) is not str or type(elb) is not dict:
            raise self._wrong_source(raw)
        return method.upper(), path

    @property
    def path(self) -> str:
        path: str = self._raw["path"]
        return path

    @property
    def http_method(self) -> str:
        method: str = self._raw["httpMethod"]
        return method.upper()

    @property
    def multi_value(self) -> bool:
        """True when the target group sends `multiValueHeaders` (and expects them back)."""
        return type(self._raw.get("multiValueHeaders")) is dict

    @property
    def target_group_arn(self) -> str | None:
        """The ARN of the target group that invoked the function."""
        arn = self._raw["requestContext"]["elb"].get("targetGroupArn")
        return arn if isinstance(arn, str) else None

    def _raw_multi_headers(self) -> object:
        return self._raw.get("multiValueHeaders")

    @property
    def query_string_parameters(self) -> dict[str, str]:
        """Query parameters decoded once; with several values for a name, the last one."""
        try:
            return self._query
        except AttributeError:
            pass
        single = self._raw.get("queryStringParameters")
        if not self.decode_query_parameters:
            query = string_dict(single)
            if not query:
                query = {k: v[-1] for k, v in self._raw_multi_query().items()}
        elif type(single) is dict:
            query = _decode_single(single)
        else:
            multi = _decode_multi(self._raw.get("multiValueQueryStringParameters"))
            query = {key: values[-1] for key, values in multi.items()}
        self._query = query
        return query

    def _raw_multi_query(self) -> dict[str, list[str]]:
        multi = self._raw.get("multiValueQueryStringParameters")
        if not self.decode_query_parameters:
            if type(multi) is dict:
                return string_list_dict(multi)
            return {k: [v] for k, v in string_dict(self._raw.get("queryStringParameters")).items()}
        if type(multi) is dict:
            return _decode_multi(multi)
        single = _decode_single(self._raw.get("queryStringParameters"))
        return {key: [value] for key, value in single.items()}

    # -- Powertools' members -----------------------------------------------------------------
    @property
    def request_context(self) -> ALBEventRequestContext:
        """`requestContext` with Powertools' name `elb_target_group_arn`; still indexable
        like the dict (`["elb"]`)."""
        return super().request_context  # type: ignore[return-value]

    def _make_request_context(self, data: object) -> ALBEventRequestContext:
        from router_alb.request_context import ALBEventRequestContext

        return ALBEventRequestContext(data)

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        """Every query parameter as a list (decoded unless `decode_query_parameters` is
        False): the multi-value ones, with single-value ones split at commas (before decoding,
        so that `%2C` stays inside its value)."""
        if self.decode_query_parameters:
            split: dict[str, list[str]] = {}
            for key, value in string_dict(self._raw.get("queryStringParameters")).items():
                split[unquote_query(key)] = [unquote_query(part) for part in value.split(",")]
        else:
            split = super().resolved_query_string_parameters
        if type(self._raw.get("multiValueQueryStringParameters")) is dict:
            return {**split, **self.multi_value_query_string_parameters}
        return split

    @property
    def resolved_headers_field(self) -> MultiValueHeaders | Headers:
        """`multi_value_headers` in multi-value mode, else `headers`."""
        multi = self.multi_value_headers
        return multi if multi else self.headers


def _decode_single(raw: object) -> dict[str, str]:
    query: dict[str, str] = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            if isinstance(key, str) and isinstance(value, str):
                query[unquote_query(key)] = unquote_query(value)
    return query


def _decode_multi(raw: object) -> dict[str, list[str]]:
    query: dict[str, list[str]] = {}
    if isinstance(raw, dict):
        for key, values in raw.items():
            if isinstance(key, str) and isinstance(values, list):
                strings = [unquote_query(v) for v in values if isinstance(v, str)]
                if strings:
                    # Two spellings of one name (`a+b`, `a%20b`) decode to the same key.
                    query.setdefault(unquote_query(key), []).extend(strings)
    return query
