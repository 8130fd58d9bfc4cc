"""The resolver's and routers' public surface through the fake source: decorators, options
refused at definition time with a message naming the rule, extras that are not installed,
`strip_prefixes`, context, and the OpenAPI entry points."""

from __future__ import annotations

import re
from typing import Any

import orjson
import pytest
from fake_source import FakeResolver, event, hide_modules

from router_core import MissingExtraError, Response, Router, content_types
from router_core.exceptions import NotFoundError


def _answer(app: FakeResolver, method: str, path: str) -> tuple[int, Any]:
    result = app.resolve(event(method, path), None)
    return result["status"], orjson.loads(result["body"]) if result["body"] else ""


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "head", "options"])
def test_each_method_decorator_registers_its_method(method: str) -> None:
    app = FakeResolver()
    getattr(app, method)("/thing")(lambda: {"method": method})

    status, body = _answer(app, method.upper(), "/thing")

    assert status == 200
    assert body == ("" if method == "head" else {"method": method})


def test_any_method_token_can_be_routed_and_lists_are_accepted() -> None:
    app = FakeResolver()
    app.route("/cache", method="purge")(lambda: {"purged": True})
    app.route("/multi", method=("PUT", "POST"))(lambda: {"ok": True})

    assert _answer(app, "PURGE", "/cache") == (200, {"purged": True})
    assert _answer(app, "POST", "/multi") == (200, {"ok": True})
    status, _ = _answer(app, "GET", "/multi")
    assert status == 405


@pytest.mark.parametrize(
    ("method", "error"),
    [
        ([], "a route needs at least one method"),
        ("GE T", "HTTP method 'GE T' is not a method name"),
        ("", "HTTP method '' is not a method name"),
        ([3], "HTTP method 3 is not a method name"),
    ],
)
def test_bad_methods_are_refused_at_definition(method: Any, error: str) -> None:
    with pytest.raises(ValueError, match=re.escape(error)):
        FakeResolver().route("/a", method=method)


@pytest.mark.parametrize("status_code", ["201", True, 2.0])
def test_status_code_must_be_an_int(status_code: Any) -> None:
    with pytest.raises(TypeError, match="route '/a': status_code must be an int"):
        FakeResolver().get("/a", status_code=status_code)


def test_the_decorated_object_must_be_callable() -> None:
    with pytest.raises(TypeError, match="route '/a': the decorated object is not callable"):
        FakeResolver().get("/a")("not a function")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["ValueError", [ValueError, 3], int])
def test_exception_handler_takes_exception_classes(bad: Any) -> None:
    with pytest.raises(TypeError, match="exception_handler takes exception classes"):
        FakeResolver().exception_handler(bad)


def test_not_found_bare_and_called() -> None:
    bare, called = FakeResolver(), FakeResolver()

    @bare.not_found
    def missing(error: NotFoundError) -> Response:
        return Response(404, content_types.TEXT_PLAIN, f"no {bare.current_event.path}")

    @called.not_found()
    def missing_too(error: NotFoundError) -> dict[str, str]:
        return {"missing": error.msg}

    assert bare.resolve(event("GET", "/x"), None)["body"] == "no /x"
    assert bare.resolve(event("GET", "/x"), None)["headers"]["Content-Type"] == ["text/plain"]
    assert _answer(called, "GET", "/x") == (200, {"missing": "Not found"})


def test_an_exception_handler_for_several_classes() -> None:
    app = FakeResolver()

    @app.get("/key")
    def key() -> dict[str, Any]:
        return {}["missing"]  # type: ignore[no-any-return]

    @app.get("/index")
    def index() -> dict[str, Any]:
        return [][1]  # type: ignore[no-any-return]

    @app.exception_handler([KeyError, IndexError])
    def lookup(error: LookupError) -> tuple[dict[str, str], int]:
        return {"error": type(error).__name__}, 404

    assert _answer(app, "GET", "/key") == (404, {"error": "KeyError"})
    assert _answer(app, "GET", "/index") == (404, {"error": "IndexError"})


# -- strip_prefixes ------------------------------------------------------------------------
def test_regex_prefixes_are_anchored_and_the_first_match_is_stripped() -> None:
    app = FakeResolver(strip_prefixes=[re.compile(r"/v\d+"), "/api/", "/api/v2"])
    app.get("/orders")(lambda: {"orders": []})
    app.get("/")(lambda: {"root": True})

    assert _answer(app, "GET", "/v1/orders") == (200, {"orders": []})
    assert _answer(app, "GET", "/api/orders") == (200, {"orders": []})
    assert _answer(app, "GET", "/api") == (200, {"root": True})
    assert _answer(app, "GET", "/v2") == (200, {"root": True})
    assert _answer(app, "GET", "/x/v1/orders")[0] == 404  # anchored at the start
    assert _answer(app, "GET", "/api/v2/orders")[0] == 404  # "/api" matched first


@pytest.mark.parametrize(
    ("prefix", "error", "message"),
    [
        ("pay", ValueError, "strip_prefixes entry 'pay' must start with '/'"),
        ("/", ValueError, "strip_prefixes entry '/' must start with '/' and name a path"),
        (3, TypeError, "strip_prefixes takes strings or compiled regexes, got 3"),
    ],
)
def test_bad_prefixes_are_refused(prefix: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        FakeResolver(strip_prefixes=[prefix])


# -- include_router, context ---------------------------------------------------------------
def test_include_router_with_a_prefix_keeps_the_routers_root() -> None:
    router = Router()
    router.get("/")(lambda: {"list": True})
    router.get("/<item_id>")(lambda item_id: {"id": item_id})
    app = FakeResolver()

    app.include_router(router, prefix="/items/")

    assert _answer(app, "GET", "/items") == (200, {"list": True})
    assert _answer(app, "GET", "/items/7") == (200, {"id": "7"})
    assert [route.rule.text for route in app.routes] == ["/items", "/items/<item_id>"]


@pytest.mark.parametrize("prefix", ["items", "/", ""])
def test_include_router_refuses_a_prefix_that_names_no_path(prefix: str) -> None:
    with pytest.raises(ValueError, match="include_router prefix"):
        FakeResolver().include_router(Router(), prefix=prefix)


def test_context_appended_before_a_call_can_be_cleared() -> None:
    app = FakeResolver()
    app.get("/ctx")(lambda: dict(app.context))

    app.append_context(tenant="acme")
    app.clear_context()
    assert _answer(app, "GET", "/ctx") == (200, {})

    app.append_context(tenant="acme")
    assert _answer(app, "GET", "/ctx") == (200, {"tenant": "acme"})
    assert _answer(app, "GET", "/ctx") == (200, {})  # the first call took it


def test_clear_context_inside_a_call_empties_it_for_the_rest_of_the_call() -> None:
    app = FakeResolver()

    def fill(app: Any, next_middleware: Any) -> Any:
        app.append_context(user="u1")
        app.clear_context()
        app.append_context(after="clear")
        return next_middleware(app)

    app.use([fill])
    app.get("/ctx")(lambda: dict(app.context))

    assert _answer(app, "GET", "/ctx") == (200, {"after": "clear"})
    assert app.lambda_context is None  # no call in progress


# -- extras that are not installed ---------------------------------------------------------
@pytest.mark.parametrize(
    ("build", "module", "message"),
    [
        (lambda: FakeResolver(cors=True), "router_cors", "cors= on the resolver needs router-cors"),
        (
            lambda: FakeResolver(enable_validation=True),
            "router_validation",
            "enable_validation=True needs router-validation",
        ),
        (
            lambda: FakeResolver().get("/a", cors=True)(dict),
            "router_cors",
            "cors=True on route '/a' needs router-cors",
        ),
        (
            lambda: FakeResolver().get("/a", enable_validation=True)(dict),
            "router_validation",
            "enable_validation=True on route '/a' needs router-validation",
        ),
    ],
)
def test_a_missing_extra_fails_at_definition_naming_the_package(
    monkeypatch: pytest.MonkeyPatch, build: Any, module: str, message: str
) -> None:
    hide_modules(monkeypatch, module)

    with pytest.raises(MissingExtraError, match=re.escape(message)):
        build()


@pytest.mark.parametrize(
    "options",
    [{"response_validation_error_http_code": 400}, {"validation_engine": "msgspec"}],
)
def test_validation_options_need_validation(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="need enable_validation=True"):
        FakeResolver(**options)


def test_a_custom_response_validation_code_needs_validation_on_the_route() -> None:
    with pytest.raises(ValueError, match="route '/a': custom_response_validation_http_code"):
        FakeResolver().get("/a", custom_response_validation_http_code=400)(dict)


@pytest.mark.parametrize(
    ("call", "feature"),
    [
        (lambda app: app.get_openapi_schema(), "get_openapi_schema()"),
        (lambda app: app.get_openapi_json_schema(), "get_openapi_json_schema()"),
        (lambda app: app.configure_openapi(title="Todos"), "configure_openapi()"),
        (lambda app: app.configure_openapi_merge("/functions"), "configure_openapi_merge()"),
        (lambda app: app.get_openapi_merge_schema(), "get_openapi_merge_schema()"),
        (lambda app: app.get_openapi_merge_json_schema(), "get_openapi_merge_json_schema()"),
        (lambda app: app.enable_swagger(path="/docs"), "enable_swagger()"),
    ],
)
def test_openapi_entry_points_without_router_openapi_name_the_package(
    monkeypatch: pytest.MonkeyPatch, call: Any, feature: str
) -> None:
    hide_modules(monkeypatch, "router_openapi")

    with pytest.raises(MissingExtraError) as raised:
        call(FakeResolver())

    assert str(raised.value) == f"{feature} needs router-openapi: pip install router-openapi"


def test_content_types_are_powertools_names() -> None:
    assert (content_types.APPLICATION_JSON, content_types.TEXT_HTML) == (
        "application/json",
        "text/html",
    )
    app = FakeResolver()
    app.get("/logo")(lambda: Response(200, content_types.IMAGE_SVG, "<svg/>"))

    assert app.resolve(event("GET", "/logo"), None)["headers"]["Content-Type"] == ["image/svg+xml"]


def test_router_core_names_load_lazily_and_unknown_names_are_attribute_errors() -> None:
    import router_core

    assert "Response" in dir(router_core) and "content_types" in dir(router_core)
    with pytest.raises(AttributeError, match="has no attribute 'Resolver'"):
        router_core.Resolver  # noqa: B018
