"""The real sample events in ../shared/events (read at run time, never copied here), and a
catch-all app that echoes what a resolver saw of each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "events"
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def _no_folder() -> list[Any]:
    return [pytest.param(None, marks=pytest.mark.skip(reason="no shared/events folder"))]


def sample_params(patterns: list[str]) -> list[Any]:
    """A pytest param per sample file matching `patterns` (globs under the folder)."""
    if not SAMPLES.is_dir():
        return _no_folder()
    found = []
    for pattern in patterns:
        for path in sorted(SAMPLES.glob(pattern)):
            event = json.loads(path.read_text())
            found.append(pytest.param(event, id=f"{path.parent.name}/{path.name}"))
    return found


def family_params(family: str) -> list[Any]:
    """A pytest param per sample of `family` (router_core.sources), SAM's templates left out."""
    from router_core.sources import family_of

    if not SAMPLES.is_dir():
        return _no_folder()
    found = []
    for path in sorted(SAMPLES.rglob("*.json")):
        text = path.read_text()
        if "{{" in text:
            continue  # SAM's templates hold mustache placeholders, not values
        try:
            event = json.loads(text)
        except ValueError:
            continue
        if family_of(event) == family:
            found.append(pytest.param(event, id=str(path.relative_to(SAMPLES))))
    return found


def catch_all(app: Any, read_body: bool = False) -> Any:
    """Route every method and path of `app` to a handler that echoes what it read (the body
    as text with `read_body`: some samples flag a plain body as base64, which answers 400)."""

    @app.route("/", method=METHODS)
    @app.route("/.+", method=METHODS)
    def echo() -> dict[str, Any]:
        event = app.current_event
        return {
            "method": event.http_method,
            "path": event.path,
            "query": event.query_string_parameters,
            "multi_query": event.multi_value_query_string_parameters,
            "cookies": event.cookies,
            "user_agent": event.get_header_value("User-Agent"),
            "body": event.decoded_body if read_body else None,
        }

    return app
