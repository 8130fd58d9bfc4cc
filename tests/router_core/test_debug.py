"""Debug mode: `debug=True` or `ROUTER_DEBUG` (an explicit `debug=` wins). It answers an
unhandled exception with its traceback, pretty-prints JSON bodies and prints each event."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from fake_source import FakeResolver, event


def _failing_app(**options: Any) -> FakeResolver:
    app = FakeResolver(**options)

    @app.get("/fail")
    def fail_loudly() -> dict[str, Any]:
        raise ZeroDivisionError("the divisor was zero")

    @app.get("/todo")
    def todo() -> dict[str, Any]:
        return {"id": 1, "tags": ["a"]}

    return app


@pytest.mark.parametrize("value", ["true", "TRUE", "1", "yes", " on "])
def test_router_debug_turns_debug_on(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ROUTER_DEBUG", value)
    app = _failing_app()

    result = app.resolve(event("GET", "/fail"), None)

    assert result["status"] == 500
    assert result["headers"]["Content-Type"] == ["text/plain"]
    assert result["body"].startswith("Traceback (most recent call last):")
    assert "in fail_loudly" in result["body"]
    assert result["body"].endswith("ZeroDivisionError: the divisor was zero\n")


@pytest.mark.parametrize("value", ["", "false", "0", "no", "debug"])
def test_other_values_leave_debug_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ROUTER_DEBUG", value)
    app = _failing_app()

    with pytest.raises(ZeroDivisionError):
        app.resolve(event("GET", "/fail"), None)
    assert app.resolve(event("GET", "/todo"), None)["body"] == '{"id":1,"tags":["a"]}'


def test_an_explicit_debug_false_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ROUTER_DEBUG", "true")

    with pytest.raises(ZeroDivisionError):
        _failing_app(debug=False).resolve(event("GET", "/fail"), None)


def test_debug_pretty_prints_json_and_prints_each_event(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ROUTER_DEBUG", raising=False)
    app = _failing_app(debug=True)
    raw = event("GET", "/todo", Accept="application/json")

    result = app.resolve(raw, None)

    assert result["body"] == '{\n  "id": 1,\n  "tags": [\n    "a"\n  ]\n}'
    printed = capsys.readouterr().out
    assert orjson.loads(printed) == raw
    assert '\n  "path": "/todo"' in printed


def test_an_event_that_is_not_json_is_printed_as_its_repr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = _failing_app(debug=True)
    marker = object()

    result = app.resolve({**event("GET", "/todo"), "extra": marker}, None)

    assert result["status"] == 200
    assert repr(marker) in capsys.readouterr().out


def test_debug_errors_are_still_answered_by_their_handlers() -> None:
    app = _failing_app(debug=True)

    @app.exception_handler(ZeroDivisionError)
    def handled(error: ZeroDivisionError) -> tuple[dict[str, str], int]:
        return {"error": str(error)}, 400

    result = app.resolve(event("GET", "/fail"), None)

    assert (result["status"], orjson.loads(result["body"])) == (
        400,
        {"error": "the divisor was zero"},
    )


def test_a_custom_serializer_replaces_the_pretty_one() -> None:
    app = FakeResolver(debug=True, serializer=lambda value: "custom")
    app.get("/a")(lambda: {"a": 1})

    assert app.resolve(event("GET", "/a"), None)["body"] == "custom"
