"""The validation extension: wraps each validated route's call, once, when the app compiles.

The resolver adds it for `enable_validation=True` (every route, unless a route says
`enable_validation=False`) or for the first route declared with `enable_validation=True` (only
such routes). Request validation runs before the app's and the route's middlewares, response
validation after them, as in Powertools.
"""

from __future__ import annotations

from router_core.extensions import Extension

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.extensions import RouteCall
    from router_core.router import Route


def status_code(value: Any, setting: str) -> int | None:
    """`value` as an HTTP status (an int or an `HTTPStatus`), or None; ValueError otherwise."""
    if value is None:
        return None
    from http import HTTPStatus

    try:
        return int(HTTPStatus(value))
    except (ValueError, TypeError):
        raise ValueError(f"{setting}={value!r} must be an HTTP status code") from None


class ValidationExtension(Extension):
    """Typed parameters and request/response validation for an app's routes."""

    name = "validation"
    order = 150
    route_options = frozenset({"enable_validation", "custom_response_validation_http_code"})

    def __init__(
        self,
        app_wide: bool = True,
        response_validation_error_http_code: Any = None,
        validation_engine: str | None = None,
    ) -> None:
        from router_validation.plan import ENGINES

        if validation_engine is not None and validation_engine not in ENGINES:
            raise ValueError(
                f"validation_engine must be one of {ENGINES}, got {validation_engine!r}"
            )
        self.app_wide = app_wide
        self.response_code = status_code(
            response_validation_error_http_code, "response_validation_error_http_code"
        )
        self.engine = validation_engine

    def validates(self, route: Route) -> bool:
        """Whether `route` is validated: its own `enable_validation`, else the app's."""
        enabled = route.options.get("enable_validation")
        return self.app_wide if enabled is None else bool(enabled)

    def compile_route(self, route: Route, call: RouteCall) -> RouteCall:
        if not self.validates(route):
            return call
        from router_validation.plan import route_plan
        from router_validation.reader import compile_route_validation

        route_code = status_code(
            route.options.get("custom_response_validation_http_code"),
            "custom_response_validation_http_code",
        )
        return compile_route_validation(
            route_plan(route, self.engine), call, self.response_code, route_code
        )


def create_extension(option: Any, app_wide: bool) -> ValidationExtension:
    """The extension core loads by name: `option` holds the resolver's keywords
    (`response_validation_error_http_code`, `validation_engine`) or is None."""
    return ValidationExtension(app_wide, **(option or {}))
