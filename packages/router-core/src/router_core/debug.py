"""What debug mode adds, imported only when it is on.

Debug mode is on with `debug=True`, or with `ROUTER_DEBUG=true` when `debug` is not given
(the resolver reads it). An unhandled exception then answers 500 with its traceback as text
(never in production: it leaks code), JSON bodies are pretty-printed and each event is
printed.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.response import Response


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
