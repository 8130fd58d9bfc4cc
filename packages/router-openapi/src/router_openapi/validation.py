"""What router-validation knows about a route: whether it validates, and its plan (typed
parameters, body, response), read through router-validation's public interface.

Everything here works without router-validation installed: a route is then documented from
the route table alone.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.resolver import BaseResolver
    from router_core.router import Route


def validates(app: BaseResolver[Any], route: Route) -> bool:
    """Whether `route` validates its requests: its own `enable_validation=` wins, else the
    app's (`enable_validation=True` on the resolver adds the validation extension)."""
    own = route.options.get("enable_validation")
    if own is not None:
        return bool(own)
    if getattr(app, "_enable_validation", False):
        return True
    return any(extension.name == "validation" for extension in app.extensions)


def response_error_code(app: BaseResolver[Any], route: Route) -> int | None:
    """The status a response that fails its annotation answers with, when one is configured
    beyond the default 422 (Powertools documents only a configured one)."""
    code = route.options.get("custom_response_validation_http_code")
    if code is None:
        code = getattr(app, "_response_validation_error_http_code", None)
        if code is None:
            for extension in app.extensions:
                code = getattr(extension, "response_validation_error_http_code", None)
                if code is not None:
                    break
    return None if code is None else int(code)


def route_plan(route: Route) -> Any:
    """router-validation's `RoutePlan` of `route`, or None without router-validation."""
    try:
        from router_validation.plan import (  # type: ignore[import-not-found,unused-ignore]
            route_plan as plan_of,
        )
    except ImportError:
        return None
    return plan_of(route)


def model_engine(annotation: Any) -> str | None:
    """The engine that writes the schema of a model named in `responses={...: {"model": X}}`:
    the one its library calls for (a pydantic model on a msgspec route, or the reverse, is
    documented by its own library), or None without router-validation."""
    try:
        from router_validation.plan import (  # type: ignore[import-not-found,unused-ignore]
            choose_engine,
        )
    except ImportError:
        return None
    engine: str = choose_engine([annotation])
    return engine
