"""`ALBEvent`: an Application Load Balancer request to a Lambda target.

ALB passes the path and the query string on as the client sent them, percent-encoded. The
route table decodes each path segment once; query keys and values are decoded once here
(`+` is a space, `%2B` is `+`), so handlers see what the client meant.

A target group sends either single-value `headers` / `queryStringParameters` (the default)
or, with `lambda.multi_value_headers.enabled`, `multiValueHeaders` /
`multiValueQueryStringParameters`; `multi_value` tells which, and the response must answer
in the same mode.
"""

from __future__ import annotations

from router_core.event import BaseEvent


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
    """An ALB event, recognised by `requestContext.elb`; `path` arrives percent-encoded."""

    __slots__ = ()
    RESOLVER_NAME = "ALBResolver"
    FAMILY = "ALB"

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

    def get_header_value(
        self, name: str, default_value: str | None = None, case_sensitive: bool = False
    ) -> str | None:
        if case_sensitive and self.multi_value:
            values = self._raw["multiValueHeaders"].get(name)
            if isinstance(values, list):
                strings = [v for v in values if isinstance(v, str)]
                if strings:
                    return strings[-1]
            return default_value
        return super().get_header_value(name, default_value, case_sensitive)

    @property
    def query_string_parameters(self) -> dict[str, str]:
        """Query parameters decoded once; with several values for a name, the last one."""
        try:
            return self._query
        except AttributeError:
            pass
        single = self._raw.get("queryStringParameters")
        if type(single) is dict:
            query = _decode_single(single)
        else:
            multi = _decode_multi(self._raw.get("multiValueQueryStringParameters"))
            query = {key: values[-1] for key, values in multi.items()}
        self._query = query
        return query

    def _raw_multi_query(self) -> dict[str, list[str]]:
        multi = self._raw.get("multiValueQueryStringParameters")
        if type(multi) is dict:
            return _decode_multi(multi)
        single = _decode_single(self._raw.get("queryStringParameters"))
        return {key: [value] for key, value in single.items()}


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
