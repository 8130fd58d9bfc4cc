"""`Request`: what a handler, a middleware or a dependency may ask of the current call.

One `Request` is created per invocation (cheaply: it only keeps references) and given to
every function that declares a parameter annotated `Request`, and to middlewares as
`app.request`. Its members carry Powertools' names and compute nothing until asked.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from router_core.event import BaseEvent
    from router_core.headers import Headers

# `<name>` or `<name:conv>` in a rule's text, but not the `(?P<name>` of a named group.
_PARAM_TOKEN = r"(?<!\?P)<(\w+)(?::\w+)?>"
_templates: dict[str, str] = {}


def route_template(rule: str) -> str:
    """The rule in OpenAPI's path-template form: `/todos/<todo_id:int>` -> `/todos/{todo_id}`.

    Converters are dropped (the template names the parameter only); regular-expression
    segments, named groups included, are kept as written.
    """
    template = _templates.get(rule)
    if template is None:
        if "<" in rule:
            import re

            template = re.sub(_PARAM_TOKEN, r"{\1}", rule)
        else:
            template = rule
        _templates[rule] = template
    return template


class Request:
    """Powertools' Request: what a handler, middleware or dependency may ask of the call.

    Declare it as a parameter (`def handler(request: Request)`) or read `app.request` in a
    middleware::

        def audit(app, next_middleware):
            request = app.request
            print(request.method, request.route, request.path_parameters)
            return next_middleware(app)
    """

    __slots__ = ("_context", "_dependency_cache", "_event", "_path_parameters", "_rule")

    def __init__(
        self,
        event: BaseEvent,
        rule: str | None,
        path_parameters: Mapping[str, Any],
        context: dict[str, Any],
    ) -> None:
        self._event = event
        self._rule = rule
        self._path_parameters = path_parameters
        self._context = context
        # Results of `Depends(..., use_cache=True)` for this invocation, keyed by the callable
        # that ran; shared by the route's middlewares and its handler. Created on first use.
        self._dependency_cache: dict[Any, Any] | None = None

    @property
    def route(self) -> str:
        """The matched route as a template, `/todos/{todo_id}`; for routing's own 404/405
        (no route matched) the request's path, as Powertools gives it."""
        rule = self._rule
        if rule is None:
            return self._event.path
        return route_template(rule)

    @property
    def path_parameters(self) -> dict[str, Any]:
        """The matched route's parameters as the handler receives them (converted)."""
        params = self._path_parameters
        if not isinstance(params, dict):
            params = dict(params)
            self._path_parameters = params
        return params

    @property
    def method(self) -> str:
        """The HTTP method in upper case."""
        return self._event.http_method.upper()

    @property
    def headers(self) -> Headers:
        """The request headers, looked up without regard to case (`{}`-like when none)."""
        return self._event.headers

    @property
    def query_parameters(self) -> dict[str, str]:
        """Single-value query parameters; `{}` when there are none (as Powertools gives)."""
        return self._event.query_string_parameters

    @property
    def body(self) -> str | None:
        """The body as the source sent it (base64 text when the event says so), or None."""
        return self._event.body

    @property
    def json_body(self) -> Any:
        """The body parsed as JSON, or None without a body; malformed JSON answers 400."""
        return self._event.json_body

    @property
    def resolved_event(self) -> BaseEvent:
        """The source's event object, with every member the source offers."""
        return self._event

    @property
    def context(self) -> dict[str, Any]:
        """The invocation's shared context: the same dict as `app.context`."""
        return self._context

    def __repr__(self) -> str:
        return f"Request({self.method} {self.route})"
