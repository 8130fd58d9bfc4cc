"""The public extension interface, through a fake source and extensions written here."""

from __future__ import annotations

import importlib
import sys
from typing import Any, Callable

import pytest
from fake_source import FakeResolver, event

from router_core import Response
from router_core.event import BaseEvent
from router_core.exceptions import MissingExtraError
from router_core.extensions import ORDER_CODEC, ORDER_HEAD, Extension
from router_core.router import Route
from router_core.routing import Match


class Recorder(Extension):
    """Records what each hook receives."""

    name = "recorder"
    order = 150

    def __init__(self) -> None:
        self.seen: list[tuple[str, Any]] = []

    def before_route(self, event: BaseEvent, match: Match) -> Response | None:
        self.seen.append(("before", match.route.rule.text if match.route else None))
        return None

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        self.seen.append(("after", response.status_code))
        response.set_header("X-Seen", "yes")


def test_hooks_see_every_response_routes_and_routing_answers_alike() -> None:
    app = FakeResolver()
    recorder = Recorder()
    app.add_extension(recorder)
    app.get("/a")(lambda: {"a": 1})

    ok = app.resolve(event("GET", "/a"), None)
    missing = app.resolve(event("GET", "/b"), None)
    wrong = app.resolve(event("POST", "/a"), None)

    assert recorder.seen == [
        ("before", "/a"),
        ("after", 200),
        ("before", None),
        ("after", 404),
        ("before", None),
        ("after", 405),
    ]
    assert ok["headers"]["X-Seen"] == missing["headers"]["X-Seen"] == wrong["headers"]["X-Seen"]


class Maintenance(Extension):
    """Answers every request before routing, as a pre-flight does."""

    name = "maintenance"

    def before_route(self, event: BaseEvent, match: Match) -> Response | None:
        return Response(503, "text/plain", "down for maintenance")


def test_a_before_route_answer_goes_through_middlewares_and_after_hooks() -> None:
    app = FakeResolver()
    app.add_extension(Maintenance())
    recorder = Recorder()
    app.add_extension(recorder)

    def security_headers(app: Any, next_middleware: Any) -> Response:
        response: Response = next_middleware(app)
        response.set_header("X-Frame-Options", "DENY")
        return response

    app.use([security_headers])
    app.get("/a")(lambda: {"a": 1})

    result = app.resolve(event("GET", "/a"), None)

    assert (result["status"], result["body"]) == (503, "down for maintenance")
    assert result["headers"]["X-Frame-Options"] == ["DENY"]
    assert recorder.seen[-1] == ("after", 503)


class Timing(Extension):
    """Wraps the call of the routes that ask for it (`timed=True`), once per route."""

    name = "timing"
    route_options = frozenset({"timed"})

    def __init__(self) -> None:
        self.compiled: list[str] = []

    def compile_route(
        self, route: Route, call: Callable[[dict[str, Any]], Any]
    ) -> Callable[[dict[str, Any]], Any]:
        self.compiled.append(route.rule.text)
        if not route.options.get("timed"):
            return call

        def timed(params: dict[str, Any]) -> Any:
            result = call(params)
            response = result if isinstance(result, Response) else Response(200, body=result)
            response.set_header("X-Timed", "1")
            return response

        return timed


def test_compile_route_wraps_a_route_once_at_the_first_resolve() -> None:
    app = FakeResolver()
    timing = Timing()
    app.add_extension(timing)
    app.get("/timed", timed=True)(lambda: {"a": 1})
    app.get("/plain")(lambda: {"b": 1})
    assert timing.compiled == []

    for _ in range(3):
        timed = app.resolve(event("GET", "/timed"), None)
        plain = app.resolve(event("GET", "/plain"), None)

    assert sorted(timing.compiled) == ["/plain", "/timed"]
    assert timed["headers"]["X-Timed"] == ["1"] and timed["body"] == '{"a":1}'
    assert "X-Timed" not in plain["headers"]


def test_unknown_route_options_are_refused_when_the_app_compiles() -> None:
    app = FakeResolver()
    app.get("/a", timd=True)(lambda: {"a": 1})

    with pytest.raises(TypeError, match=r"unknown route option\(s\) \['timd'\]"):
        app.resolve(event("GET", "/a"), None)


def test_documentation_options_are_stored_without_any_extension() -> None:
    app = FakeResolver()

    @app.get("/a", summary="Get a", tags=["a"], operation_id="getA", deprecated=True)
    def get_a() -> dict[str, int]:
        return {"a": 1}

    assert app.resolve(event("GET", "/a"), None)["status"] == 200


class AddsPurge(Extension):
    name = "purge"
    adds_methods = frozenset({"PURGE"})

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        pass


def test_methods_an_extension_adds_are_listed_in_allow() -> None:
    app = FakeResolver()
    app.add_extension(AddsPurge())
    app.get("/a")(lambda: {"a": 1})

    result = app.resolve(event("POST", "/a"), None)

    assert result["headers"]["Allow"] == ["GET, HEAD, PURGE"]


class AfterHead(Extension):
    name = "after-head"
    order = ORDER_HEAD + 50

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        response.set_header("X-Body-Length", str(len(response.body or "")))


def test_an_extension_ordered_after_head_sees_the_body_removed() -> None:
    app = FakeResolver()
    app.add_extension(AfterHead())
    app.get("/a")(lambda: {"a": 1})

    assert app.resolve(event("GET", "/a"), None)["headers"]["X-Body-Length"] == ["7"]
    assert app.resolve(event("HEAD", "/a"), None)["headers"]["X-Body-Length"] == ["0"]


def test_extensions_must_be_named_unique_and_ordered_before_the_codec() -> None:
    app = FakeResolver()
    app.add_extension(Recorder())

    with pytest.raises(ValueError, match="already added"):
        app.add_extension(Recorder())
    with pytest.raises(ValueError, match="must declare a `name`"):
        app.add_extension(type("Anonymous", (Extension,), {})())
    late = type("Late", (Extension,), {"name": "late", "order": ORDER_CODEC})
    with pytest.raises(ValueError, match="below 500"):
        app.add_extension(late())
    with pytest.raises(TypeError, match="takes an Extension"):
        app.add_extension(object())  # type: ignore[arg-type]
    assert [e.name for e in app.extensions] == ["recorder"]


def test_extensions_run_in_their_declared_order() -> None:
    app = FakeResolver()
    calls: list[str] = []
    for name, order in (("third", 390), ("first", 50), ("second", 250)):

        def after(self: Any, event: Any, match: Any, response: Any, name: str = name) -> None:
            calls.append(name)

        app.add_extension(
            type(name, (Extension,), {"name": name, "order": order, "after_route": after})()
        )
    app.get("/a")(lambda: {"a": 1})

    app.resolve(event("GET", "/a"), None)

    assert calls == ["first", "second", "third"]


def test_a_missing_extra_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "router_binary", None)  # as if not installed
    lookups: list[str] = []
    real_import = importlib.import_module

    def counting_import(name: str, package: str | None = None) -> Any:
        lookups.append(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", counting_import)
    app = FakeResolver()
    app.get("/bytes")(lambda: Response(200, "application/octet-stream", b"\x00\x01"))

    answers = [app.resolve(event("GET", "/bytes"), None)["status"] for _ in range(5)]

    assert answers == [500] * 5
    assert lookups.count("router_binary") == 1


def test_an_extension_that_requires_a_missing_extra_fails_when_added(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "router_binary", None)
    needs_binary = type("NeedsBinary", (Extension,), {"name": "nb", "requires": ("binary",)})

    with pytest.raises(MissingExtraError, match="pip install router-binary"):
        FakeResolver().add_extension(needs_binary())


class Stamp(Extension):
    """Adds one header to every response, with `plain_headers` for plain routes."""

    name = "stamp"
    order = 150

    def __init__(self, headers: Any) -> None:
        self.headers = headers

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        for name, value in self.headers.items():
            response.set_header(name, value)

    def plain_headers(self, event: BaseEvent, match: Match) -> Any:
        return self.headers


@pytest.mark.parametrize("plain", [True, False])
def test_plain_headers_reach_plain_and_other_routes_alike(plain: bool) -> None:
    from router_core.extensions import CheckedHeaders

    app = FakeResolver()
    app.add_extension(Stamp(CheckedHeaders({"X-Stamp": "1"}) if plain else {"X-Stamp": "1"}))
    app.get("/plain")(lambda: {"a": 1})
    app.get("/text")(lambda: Response(200, "text/plain", "x"))

    for path in ("/plain", "/text"):
        result = app.resolve(event("GET", path), None)
        assert result["headers"]["X-Stamp"] == ["1"], path


def test_plain_headers_that_are_not_checked_headers_are_checked_on_every_answer(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = FakeResolver()
    app.add_extension(Stamp({"X-Stamp": "a\r\nSet-Cookie: pwned=1"}))
    app.get("/plain")(lambda: {"a": 1})

    result = app.resolve(event("GET", "/plain"), None)

    assert result["status"] == 500
    assert "pwned" not in str(result)
    assert "CR or LF" in caplog.text


def test_checked_headers_are_checked_when_built_and_read_only_after() -> None:
    from router_core.extensions import CheckedHeaders

    with pytest.raises(ValueError, match="CR or LF"):
        CheckedHeaders({"X-A": "a\nb"})
    with pytest.raises(ValueError, match="not an HTTP token"):
        CheckedHeaders({"X A": "a"})
    with pytest.raises(TypeError, match="is not a str"):
        CheckedHeaders({"X-A": 1})  # type: ignore[dict-item]

    headers = CheckedHeaders({"Vary": "Origin"})
    assert headers == {"Vary": "Origin"} and isinstance(headers, dict)
    mutations: list[Callable[[], Any]] = [
        lambda: headers.__setitem__("X-A", "a\r\nb"),
        lambda: headers.__delitem__("Vary"),
        lambda: headers.update({"X-A": "b"}),
        lambda: headers.setdefault("X-A", "b"),
        lambda: headers.pop("Vary"),
        lambda: headers.popitem(),
        lambda: headers.clear(),
    ]
    for mutate in mutations:
        with pytest.raises(TypeError, match="read-only"):
            mutate()
    assert headers == {"Vary": "Origin"}
