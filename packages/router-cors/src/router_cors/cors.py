"""CORS: `CORSConfig` and the extension that answers pre-flights and adds CORS headers.

What a response gets, when CORS applies to it (the header set Powertools sends, plus `Vary`):
- `Access-Control-Allow-Origin` only when the request's `Origin` is `allow_origin` or one of
  `extra_origins` (the origin is echoed), or when the list allows `*` (answers `*`); with it
  `Access-Control-Allow-Headers`, `Access-Control-Expose-Headers` and `Access-Control-Max-Age`
  (those two when configured), and `Access-Control-Allow-Credentials: true` only next to a
  specific origin, never with `*`;
- `Vary: Origin` always, also on refusals, on pre-flights and on requests without `Origin`:
  whether a grant is sent depends on the request's origin (even with `*`, which is sent only
  to requests that have one), so caches must keep the answers apart.

A pre-flight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) on a path that has
routes is answered 204 with `Allow`, `Access-Control-Allow-Methods` (the methods of THAT path
whose routes have CORS) and, when the origin is allowed and the requested method is among
them, the grant above. Otherwise the answer carries no `Access-Control-Allow-Origin`: the
browser then reports a CORS failure, which is what it should do. A path with no routes is
left to routing, which answers 404 without a grant. A user's own OPTIONS route for the path
wins over the automatic answer: its handler runs and the grant headers are added to what it
returns (as for any CORS route, the extension owns the `Access-Control-*` headers; a route
that writes its own uses `cors=False`). An `OPTIONS` request that is not a pre-flight gets 204
with `Allow` and `Access-Control-Allow-Methods`.
"""

from __future__ import annotations

import re
import warnings

from router_core.codec import TOKEN_CHARS, CheckedHeaders
from router_core.extensions import ORDER_CORS, Extension
from router_core.response import Response

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from router_core.event import BaseEvent
    from router_core.extensions import Match
    from router_core.router import Route

DEFAULT_ALLOW_HEADERS = (
    "Authorization",
    "Content-Type",
    "X-Amz-Date",
    "X-Amz-Security-Token",
    "X-Api-Key",
)

# scheme "://" host [":" port], as browsers serialize an origin: no path, not even "/".
_ORIGIN = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/\s?#@]+")
# An HTTP token (RFC 9110 section 5.6.2): what a header name may be made of.


class CORSWarning(UserWarning):
    """A `CORSConfig` accepted as Powertools accepts it, but not quite what it seems:
    credentials with `*`, or an origin written with a trailing `/`."""


def _origin(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"CORSConfig {name} takes origin strings, got {value!r}")
    if value[-1:] == "/" and _ORIGIN.fullmatch(value[:-1]) is not None:
        # Powertools' own examples write origins so; browsers never send the '/'.
        warnings.warn(
            f"CORSConfig {name} {value!r} ends with '/', which a browser's Origin never "
            f"does: it is read as {value[:-1]!r}",
            CORSWarning,
            stacklevel=3,
        )
        return value[:-1]
    if value not in ("*", "null") and _ORIGIN.fullmatch(value) is None:
        raise ValueError(
            f"CORSConfig {name} {value!r} is not an origin: write scheme://host[:port] "
            "with no path or trailing '/', as browsers send it in `Origin` (or '*')"
        )
    return value


def _header_names(values: Iterable[str] | None, name: str) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        raise TypeError(
            f"CORSConfig {name} takes a list of header names, got the string {values!r}"
        )
    names: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value or not TOKEN_CHARS.issuperset(value):
            raise ValueError(f"CORSConfig {name} entry {value!r} is not a header name")
        names.append(value)
    return names


def _merged(names: Iterable[str]) -> list[str]:
    """`names` without case-insensitive repeats, first spelling kept, order kept."""
    seen: set[str] = set()
    merged: list[str] = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            merged.append(name)
    return merged


class CORSConfig:
    """Which origins may call the API from a browser, and what they may send and read.

    Names and defaults are those of Powertools' `CORSConfig`. `allow_origin="*"` suits
    public, credential-free APIs; otherwise name the origin and any `extra_origins`:

    >>> CORSConfig(
    ...     allow_origin="https://app.example.com",
    ...     extra_origins=["https://staging.example.com"],
    ...     expose_headers=["X-Request-Id"],
    ...     max_age=300,
    ...     allow_credentials=True,
    ... )

    `allow_headers` adds to the default allowed request headers
    (`Authorization, Content-Type, X-Amz-Date, X-Amz-Security-Token, X-Api-Key`).
    """

    __slots__ = (
        "allow_credentials",
        "allow_headers",
        "allow_origin",
        "expose_headers",
        "extra_origins",
        "max_age",
    )

    def __init__(
        self,
        allow_origin: str = "*",
        extra_origins: list[str] | None = None,
        allow_headers: list[str] | None = None,
        expose_headers: list[str] | None = None,
        max_age: int | None = None,
        allow_credentials: bool = False,
    ) -> None:
        self.allow_origin = _origin(allow_origin, "allow_origin")
        if isinstance(extra_origins, str):
            raise TypeError(
                "CORSConfig extra_origins takes a list of origins, "
                f"got the string {extra_origins!r}"
            )
        self.extra_origins = [_origin(o, "extra_origins entry") for o in extra_origins or ()]
        #: Every allowed request header: the defaults, then `allow_headers`.
        self.allow_headers = _merged(
            (*DEFAULT_ALLOW_HEADERS, *_header_names(allow_headers, "allow_headers"))
        )
        self.expose_headers = _merged(_header_names(expose_headers, "expose_headers"))
        if max_age is not None and (
            isinstance(max_age, bool) or not isinstance(max_age, int) or max_age < 0
        ):
            raise ValueError(
                f"CORSConfig max_age must be a number of seconds >= 0, got {max_age!r}"
            )
        self.max_age = max_age
        if not isinstance(allow_credentials, bool):
            raise TypeError(f"CORSConfig allow_credentials takes a bool, got {allow_credentials!r}")
        if allow_credentials and "*" in (self.allow_origin, *self.extra_origins):
            # Accepted, as Powertools accepts it, but credentials never go out with `*`.
            warnings.warn(
                "CORSConfig allow_credentials=True with allow_origin='*': browsers reject "
                "credentialed responses whose Access-Control-Allow-Origin is '*', so origins "
                "answered '*' get no Access-Control-Allow-Credentials. Name the allowed "
                "origins to send credentials.",
                CORSWarning,
                stacklevel=2,
            )
        self.allow_credentials = allow_credentials

    def allowed_origin(self, origin: str | None) -> str | None:
        """The `Access-Control-Allow-Origin` value for a request's `Origin`, or None (refused)."""
        if not origin:
            return None
        if origin == self.allow_origin or origin in self.extra_origins:
            return "*" if origin == "*" else origin
        if self.allow_origin == "*" or "*" in self.extra_origins:
            return "*"
        return None

    def to_dict(self, origin: str | None) -> dict[str, str]:
        """The CORS headers of an actual response to a request from `origin` (Powertools'
        method of the same name): empty when `origin` is missing or not allowed."""
        allowed = self.allowed_origin(origin)
        if allowed is None:
            return {}
        headers = {"Access-Control-Allow-Origin": allowed}
        headers.update(self._grant(allowed))
        return headers

    def _grant(self, allowed: str) -> dict[str, str]:
        """What goes with `Access-Control-Allow-Origin: allowed`, in Powertools' order."""
        headers = {"Access-Control-Allow-Headers": self.build_allow_methods(self.allow_headers)}
        if self.expose_headers:
            headers["Access-Control-Expose-Headers"] = ",".join(self.expose_headers)
        if self.max_age is not None:
            headers["Access-Control-Max-Age"] = str(self.max_age)
        if self.allow_credentials and allowed != "*":
            headers["Access-Control-Allow-Credentials"] = "true"
        return headers

    @staticmethod
    def build_allow_methods(methods: Iterable[str]) -> str:
        """Names sorted and joined with `,` (Powertools' helper; also used for headers)."""
        return ",".join(sorted(methods))

    def __repr__(self) -> str:
        return (
            f"CORSConfig(allow_origin={self.allow_origin!r}, extra_origins={self.extra_origins!r}, "
            f"allow_headers={self.allow_headers!r}, expose_headers={self.expose_headers!r}, "
            f"max_age={self.max_age!r}, allow_credentials={self.allow_credentials!r})"
        )


def _is_preflight(event: BaseEvent) -> bool:
    return _preflight_headers(event)[1] is not None


def _preflight_headers(event: BaseEvent) -> tuple[str | None, str | None]:
    """The request's `Origin` and `Access-Control-Request-Method`; the method is None unless
    both are there (a pre-flight, as browsers send it)."""
    headers = event.headers
    origin = headers.get("origin")
    if origin is None:
        return None, None
    return origin, headers.get("access-control-request-method")


class CORSExtension(Extension):
    """Answers pre-flights and adds CORS headers to the responses CORS applies to.

    App-wide (`cors=` on the resolver): every route but those with `cors=False`, and
    routing's own 404/405/OPTIONS answers. Per route (`cors=True` on routes of an app
    without `cors=`): only those routes and the pre-flights of their paths.
    """

    name = "cors"
    order = ORDER_CORS

    def __init__(self, config: CORSConfig, app_wide: bool) -> None:
        self.config = config
        self.app_wide = app_wide
        # Every path gains OPTIONS only when CORS covers the whole app.
        self.adds_methods = frozenset({"OPTIONS"}) if app_wide else frozenset()
        # Everything a response can get is computed here once: a request costs a dict lookup.
        self._echoed = {o: o for o in (config.allow_origin, *config.extra_origins) if o != "*"}
        self._wildcard = "*" if "*" in (config.allow_origin, *config.extra_origins) else None
        self._grants = {
            allowed: tuple(config.to_dict(allowed).items())
            for allowed in (*self._echoed, *(["*"] if self._wildcard else []))
        }

        # What a plain route's JSON answer gets (`plain_headers`), by allowed origin.
        self._plain: dict[str | None, CheckedHeaders] = {None: CheckedHeaders({"Vary": "Origin"})}
        for allowed, grants in self._grants.items():
            headers = {"Vary": "Origin", "Access-Control-Allow-Origin": allowed, **dict(grants)}
            self._plain[allowed] = CheckedHeaders(headers)

    def _covers(self, route: Route | None) -> bool:
        if route is None or route.cors is None:
            return self.app_wide
        return bool(route.cors)

    def before_route(self, event: BaseEvent, match: Match) -> Response | None:
        if event.http_method != "OPTIONS":
            return None
        answer: Any = match.memo.get("cors")
        if answer is None:
            answer = match.memo["cors"] = self._options_answer(match)
        if answer is False:
            return None
        allow, granted, granted_text = answer
        response = Response(204)
        headers = response.headers
        headers["Allow"] = allow
        headers["Access-Control-Allow-Methods"] = granted_text
        origin, requested = _preflight_headers(event)
        if requested is None:
            self._actual(event, response)  # an OPTIONS request that is not a pre-flight
            return response
        headers["Vary"] = "Origin"
        allowed = self._allowed(origin)
        if allowed is not None and requested.strip().upper() in granted:
            headers["Access-Control-Allow-Origin"] = allowed
            headers.update(self._grants[allowed])
        return response

    def _options_answer(self, match: Match) -> tuple[str, frozenset[str], str] | bool:
        """What this path's automatic OPTIONS answer lists (its `Allow`, and the methods CORS
        grants), or False when routing answers instead; derived from the match alone."""
        methods = match.methods
        if not methods or match.route_for("OPTIONS") is not None:
            # No routes here (routing answers 404), or the user's own OPTIONS route answers.
            return False
        granted = self._granted_methods(match)
        if not self.app_wide and granted == ["OPTIONS"]:
            return False  # CORS is on for single routes, and none of them is on this path
        allowed = methods if "OPTIONS" in methods else sorted((*methods, "OPTIONS"))
        return ", ".join(allowed), frozenset(granted), ",".join(granted)

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        route = match.route
        if not self._covers(route):
            return
        if route is None:
            if response.status_code == 204 and "Access-Control-Allow-Methods" in response.headers:
                return  # this extension's own OPTIONS answer, already complete
            if event.http_method == "OPTIONS" and _is_preflight(event):
                # Routing's own answer to a pre-flight: this extension's 204 (already
                # complete) or a 404 for a path without routes, which grants nothing.
                response.add_vary("Origin")
                return
        elif event.http_method == "OPTIONS" and _is_preflight(event):
            self._preflight(event, self._granted_methods(match), response)
            return
        self._actual(event, response)

    def plain_headers(self, event: BaseEvent, match: Match) -> CheckedHeaders | None:
        """What `after_route` adds to a plain route's JSON answer, precomputed."""
        if not self._covers(match.route):
            return None
        return self._plain[self._allowed(_request_origin(event))]

    def _granted_methods(self, match: Match) -> list[str]:
        """The path's methods whose routes CORS covers, and OPTIONS for the pre-flight.

        HEAD answered from a GET route is left out, as Powertools lists only the methods
        routes were registered for (HEAD needs no grant: it is a CORS-safelisted method).
        """
        granted = {"OPTIONS"}
        for method in match.methods:
            if method == "OPTIONS":
                continue
            route = match.route_for(method)
            if method == "HEAD" and "HEAD" not in getattr(route, "methods", ()):
                continue
            if self._covers(route):
                granted.add(method)
        return sorted(granted)

    def _allowed(self, origin: str | None) -> str | None:
        if not origin:
            return None
        return self._echoed.get(origin, self._wildcard)

    def _actual(self, event: BaseEvent, response: Response) -> None:
        response.add_vary("Origin")
        allowed = self._allowed(_request_origin(event))
        if allowed is None:
            return
        headers = response.headers
        _drop_cors_headers(headers)
        headers["Access-Control-Allow-Origin"] = allowed
        headers.update(self._grants[allowed])

    def _preflight(self, event: BaseEvent, granted: list[str], response: Response) -> None:
        headers = response.headers
        _drop_cors_headers(headers)
        headers["Access-Control-Allow-Methods"] = ",".join(granted)
        response.add_vary("Origin")
        allowed = self._allowed(event.headers.get("origin"))
        requested = (event.headers.get("access-control-request-method") or "").strip().upper()
        if allowed is None or requested not in granted:
            return
        headers["Access-Control-Allow-Origin"] = allowed
        headers.update(self._grants[allowed])


def _request_origin(event: BaseEvent) -> str | None:
    """The request's `Origin`, as `event.headers` gives it, found in the raw event without
    building every header's case-insensitive view (which costs more than the rest of CORS).
    """
    raw = event.raw_event
    single = raw.get("headers")
    value: str | None = None
    if isinstance(single, dict):
        # Browsers send `Origin` (HTTP/1.1) or `origin` (HTTP/2, and payload 2.0 lowercases).
        value = single.get("origin") or single.get("Origin")
        if isinstance(value, str):
            return value
        value = None
        for key, item in single.items():
            # Like event.headers: any spelling, the last one wins, only str values count.
            if (
                isinstance(key, str)
                and len(key) == 6
                and isinstance(item, str)
                and key.lower() == "origin"
            ):
                value = item
        if value is not None:
            return value
    multi = raw.get("multiValueHeaders")
    if isinstance(multi, dict):
        for key in multi:
            if isinstance(key, str) and len(key) == 6 and key.lower() == "origin":
                return event.headers.get("origin")  # rare shapes: let the event decide
    return None


def _drop_cors_headers(headers: dict[str, Any]) -> None:
    """Remove `Access-Control-*` headers a handler set, under any case: the extension owns them.
    Only names starting with `a`/`A` are lower-cased, so a usual response costs no scan."""
    found = [k for k in headers if k[:1] in "aA" and k[:15].lower() == "access-control-"]
    for key in found:
        del headers[key]


def create_extension(option: object, app_wide: bool) -> CORSExtension:
    """The extension for `cors=` (a `CORSConfig`, or True for the defaults)."""
    if option is True or option is None:
        return CORSExtension(CORSConfig(), app_wide)
    if isinstance(option, CORSConfig):
        return CORSExtension(option, app_wide)
    raise TypeError(f"cors= takes True or a CORSConfig, got {option!r}")
