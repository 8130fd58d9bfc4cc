"""CORS: `CORSConfig` and the extension that answers pre-flights and adds CORS headers.

What a response gets, when CORS applies to it:
- `Access-Control-Allow-Origin` only when the request's `Origin` is `allow_origin` or one of
  `extra_origins` (the origin is echoed), or when the list allows `*` (answers `*`);
- `Vary: Origin` whenever the answer depends on the origin (any list but a lone `*`), also
  on refusals, on pre-flights and on requests without `Origin`, so that caches keep apart
  what different origins were told;
- `Access-Control-Allow-Credentials: true` only next to a specific origin;
- `Access-Control-Expose-Headers` on actual responses when configured.

A pre-flight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) on a path that has
routes is answered 204 with `Allow-Origin`, `Allow-Methods` (the methods of THAT path whose
routes have CORS), `Allow-Headers` and `Max-Age`. When the origin is not allowed or the path
has no CORS route for the requested method, the answer is still 204 but carries no
`Access-Control-Allow-*` header: the browser then reports a CORS failure, which is what it
should do. A path with no routes is left to routing, which answers 404 without a grant.
A user's own OPTIONS route for the path wins over the automatic answer: its handler runs and
the grant headers are added to what it returns (as for any CORS route, the extension owns the
`Access-Control-*` headers; a route that writes its own uses `cors=False`). An `OPTIONS`
request that is not a pre-flight gets 204 with `Allow` listing the path's methods.
"""

from __future__ import annotations

import re

from router_core.extensions import ORDER_CORS, Extension
from router_core.response import Response

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

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
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def _origin(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"CORSConfig {name} takes origin strings, got {value!r}")
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
        if not isinstance(value, str) or _TOKEN.fullmatch(value) is None:
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
            raise ValueError(
                "CORSConfig allow_credentials=True cannot be combined with allow_origin='*': "
                "browsers reject credentialed responses whose Access-Control-Allow-Origin is "
                "'*', and echoing any origin with credentials would let every site act as "
                "the signed-in user. Name the allowed origins instead."
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

    @property
    def varies(self) -> bool:
        """Whether the answer depends on the request's origin (anything but a lone `*`)."""
        return not (self.allow_origin == "*" and not self.extra_origins)

    def __repr__(self) -> str:
        return (
            f"CORSConfig(allow_origin={self.allow_origin!r}, extra_origins={self.extra_origins!r}, "
            f"allow_headers={self.allow_headers!r}, expose_headers={self.expose_headers!r}, "
            f"max_age={self.max_age!r}, allow_credentials={self.allow_credentials!r})"
        )


def _is_preflight(event: BaseEvent) -> bool:
    headers = event.headers
    return "origin" in headers and "access-control-request-method" in headers


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
        self._allow_headers = ",".join(config.allow_headers)
        self._expose_headers = ",".join(config.expose_headers)
        self._max_age = None if config.max_age is None else str(config.max_age)

    def _covers(self, route: Route | None) -> bool:
        if route is None or route.cors is None:
            return self.app_wide
        return bool(route.cors)

    def before_route(self, event: BaseEvent, match: Match) -> Response | None:
        if event.http_method != "OPTIONS":
            return None
        methods = match.methods
        if not methods or match.route_for("OPTIONS") is not None:
            # No routes here (routing answers 404), or the user's own OPTIONS route answers.
            return None
        granted = self._granted_methods(match)
        if not self.app_wide and granted == ["OPTIONS"]:
            return None  # CORS is on for single routes, and none of them is on this path
        response = Response(204)
        allowed = methods if "OPTIONS" in methods else sorted((*methods, "OPTIONS"))
        response.set_header("Allow", ", ".join(allowed))
        if _is_preflight(event):
            self._preflight(event, granted, response)
        else:
            self._actual(event, response)
        return response

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        route = match.route
        if not self._covers(route):
            return
        if route is None:
            if _is_preflight(event):
                # Routing's own answer to a pre-flight: this extension's 204 (already
                # complete) or a 404 for a path without routes, which grants nothing.
                if self.config.varies:
                    response.add_vary("Origin")
                return
        elif event.http_method == "OPTIONS" and _is_preflight(event):
            self._preflight(event, self._granted_methods(match), response)
            return
        self._actual(event, response)

    def _granted_methods(self, match: Match) -> list[str]:
        """The path's methods whose routes CORS covers, and OPTIONS for the pre-flight."""
        granted = {m for m in match.methods if m != "OPTIONS" and self._covers(match.route_for(m))}
        granted.add("OPTIONS")
        return sorted(granted)

    def _actual(self, event: BaseEvent, response: Response) -> None:
        config = self.config
        if config.varies:
            response.add_vary("Origin")
        allowed = config.allowed_origin(event.headers.get("origin"))
        if allowed is None:
            return
        response.set_header("Access-Control-Allow-Origin", allowed)
        if config.allow_credentials and allowed != "*":
            response.set_header("Access-Control-Allow-Credentials", "true")
        if self._expose_headers:
            response.set_header("Access-Control-Expose-Headers", self._expose_headers)

    def _preflight(self, event: BaseEvent, granted: list[str], response: Response) -> None:
        config = self.config
        if config.varies:
            response.add_vary("Origin")
        allowed = config.allowed_origin(event.headers.get("origin"))
        requested = (event.headers.get("access-control-request-method") or "").strip().upper()
        if allowed is None or requested not in granted:
            return
        response.set_header("Access-Control-Allow-Origin", allowed)
        response.set_header("Access-Control-Allow-Methods", ",".join(granted))
        response.set_header("Access-Control-Allow-Headers", self._allow_headers)
        if self._max_age is not None:
            response.set_header("Access-Control-Max-Age", self._max_age)
        if config.allow_credentials and allowed != "*":
            response.set_header("Access-Control-Allow-Credentials", "true")


def create_extension(option: object, app_wide: bool) -> CORSExtension:
    """The extension for `cors=` (a `CORSConfig`, or True for the defaults)."""
    if option is True or option is None:
        return CORSExtension(CORSConfig(), app_wide)
    if isinstance(option, CORSConfig):
        return CORSExtension(option, app_wide)
    raise TypeError(f"cors= takes True or a CORSConfig, got {option!r}")
