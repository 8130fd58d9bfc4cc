"""Debug mode: on with `debug=True`, or with `ROUTER_DEBUG=true` when `debug` is not given.

In debug mode an unhandled exception answers 500 with its traceback as text (never in
production: it leaks code), JSON bodies are pretty-printed and each event is printed.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.response import Response

_TRUE = frozenset({"1", "true", "yes", "on"})


def debug_enabled(explicit: bool | None) -> bool:
    if explicit is not None:
        return explicit
    return os.environ.get("ROUTER_DEBUG", "").strip().lower() in _TRUE


def traceback_response(error: BaseException) -> Response:
    import traceback

    from router_core.response import Response

    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return Response(500, "text/plain", text)


def print_event(event: Any) -> None:
    from router_core.serializer import dumps_pretty

    try:
        print(dumps_pretty(event))
    except TypeError:
        print(repr(event))
