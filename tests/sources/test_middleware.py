"""Middlewares: app-wide, router-scoped and per-route, in order, short-circuiting."""

from __future__ import annotations

from typing import Any, Callable

from router_core import Response, Router


def tag(name: str, calls: list[str]) -> Callable[[Any, Any], Response]:
    def middleware(app: Any, next_middleware: Callable[[Any], Response]) -> Response:
        calls.append(f"{name}:before")
        response = next_middleware(app)
        calls.append(f"{name}:after")
        response.set_header(f"X-{name}", "1")
        return response

    return middleware


def test_order_is_app_then_router_then_route(resolver_class: Any) -> None:
    calls: list[str] = []
    app = resolver_class()
    app.use([tag("app", calls)])
    router = Router()
    router.use([tag("router", calls)])

    @router.get("/r", middlewares=[tag("route", calls)])
    def handler() -> dict[str, Any]:
        calls.append("handler")
        return {"args": app.context.get("_route_args")}

    @app.get("/plain/<x>")
    def plain(x: str) -> dict[str, str]:
        return {"x": x}

    app.include_router(router)
    client = app.test_client()
    response = client.get("/r")
    assert calls == [
        "app:before",
        "router:before",
        "route:before",
        "handler",
        "route:after",
        "router:after",
        "app:after",
    ]
    assert response.header("X-route") == "1"
    # A router's middlewares wrap only its own routes; the app's wrap every route.
    other = client.get("/plain/1")
    assert other.header("X-app") == "1"
    assert other.header("X-router") is None
    assert other.json() == {"x": "1"}


def test_middleware_can_short_circuit(resolver_class: Any) -> None:
    app = resolver_class()

    def require_token(app: Any, next_middleware: Callable[[Any], Response]) -> Response:
        if app.current_event.headers.get("authorization") != "secret":
            return Response(401, "application/json", {"message": "no"})
        return next_middleware(app)

    @app.get("/private", middlewares=[require_token])
    def private() -> dict[str, bool]:
        return {"ok": True}

    client = app.test_client()
    assert client.get("/private").status_code == 401
    assert client.get("/private", headers={"Authorization": "secret"}).json() == {"ok": True}


def test_app_middlewares_see_routing_404_and_405(resolver_class: Any) -> None:
    calls: list[str] = []
    app = resolver_class()
    app.use([tag("app", calls)])

    @app.get("/only-get")
    def only_get() -> dict[str, str]:
        return {}

    client = app.test_client()
    assert client.get("/missing").header("X-app") == "1"
    assert client.post("/only-get").header("X-app") == "1"


def test_exception_in_handler_reaches_exception_handlers_through_middlewares(
    resolver_class: Any,
) -> None:
    calls: list[str] = []
    app = resolver_class()
    app.use([tag("app", calls)])

    @app.exception_handler(KeyError)
    def missing_key(error: KeyError) -> tuple[dict[str, str], int]:
        return {"missing": str(error)}, 400

    @app.get("/k")
    def k() -> None:
        raise KeyError("id")

    response = app.test_client().get("/k")
    assert response.status_code == 400
    assert calls == ["app:before"]  # the exception unwound the middleware
