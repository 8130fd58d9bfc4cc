"""Exception handlers: found by the exception's class hierarchy, and what happens when one
of them fails in turn.

- The handler registered for the nearest class in the exception's MRO answers it.
- A `ServiceError` with no handler answers `{"statusCode": N, "message": ...}`.
- A `ServiceError` raised BY a handler (or `not_found`) answers with its own response.
- Any other exception raised by a handler goes to the handler for its own type, never back
  into a handler that already ran for this call; with none left, it propagates.
- A `DependencyResolutionError` with no handler of its own is answered as its cause.
- An exception with a `default_response()` method answers with what it returns when no
  handler takes it (a catch-all handler for `Exception` still sees it first).
- A handler that returns None is a programming error, reported as a TypeError.
- Routing's own 404 and 405 are not answered by a catch-all handler for `Exception`.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Generator
    from typing import Any, Callable

    from router_core.response import Response

    Handler = Callable[[Any], Any]


class ExceptionHandlers:
    """An app's exception handlers, by exception class."""

    __slots__ = ("_handlers",)

    def __init__(self, handlers: dict[type[BaseException], Handler]) -> None:
        self._handlers = dict(handlers)

    def __bool__(self) -> bool:
        return bool(self._handlers)

    def find(self, error_type: type[BaseException], routing: bool = False) -> Handler | None:
        """The handler for `error_type`; with `routing`, catch-alls for `Exception` are
        skipped (routing's own 404/405 go to their specific handlers only)."""
        handlers = self._handlers
        if not handlers:
            return None
        for cls in error_type.__mro__:
            if routing and cls is Exception:
                return None
            handler = handlers.get(cls)
            if handler is not None:
                return handler
        return None

    def answer(
        self,
        error: Exception,
        to_response: Callable[[Any], Response],
        error_response: Callable[[Any], Response],
        debug: bool,
    ) -> Response:
        """The response for `error`, or `error` re-raised when nothing answers it. An async
        handler runs on the thread's event loop (`router_core.loops`)."""
        if not self._handlers and isinstance(error, _service_error()):
            return error_response(error)  # the common case, without the machinery
        steps = self.answering(error, to_response, error_response, debug)
        try:
            awaitable = next(steps)
        except StopIteration as done:
            response: Response = done.value
            return response
        from router_core.loops import drive

        return drive(steps, awaitable)

    async def answer_async(
        self,
        error: Exception,
        to_response: Callable[[Any], Response],
        error_response: Callable[[Any], Response],
        debug: bool,
    ) -> Response:
        """`answer` for `resolve_async`: an async handler is awaited."""
        from router_core.loops import drive_async

        return await drive_async(self.answering(error, to_response, error_response, debug))

    def answering(
        self,
        error: Exception,
        to_response: Callable[[Any], Response],
        error_response: Callable[[Any], Response],
        debug: bool,
    ) -> Generator[Any, Any, Response]:
        """The rules above, once for both sides: yields what an async handler returned, to be
        awaited (or run on the thread's loop) and sent back."""
        from router_core.exceptions import ServiceError

        used: list[Handler] = []
        current: Exception = error
        while True:
            if _is_dependency_error(current) and type(current) not in self._handlers:
                # Answered as what the dependency raised, unless the wrapper's own class has a
                # handler (as Powertools: a catch-all for Exception does not count).
                cause = current.__cause__
                if isinstance(cause, Exception):
                    current = cause
                    continue
            handler = self.find(type(current))
            if handler is None or handler in used:
                if isinstance(current, ServiceError):
                    return error_response(current)
                default = getattr(current, "default_response", None)
                if callable(default):
                    # An exception that knows its answer when nothing handles it (router-
                    # validation's RequestValidationError: 422).
                    return to_response(default())
                if debug:
                    from router_core.debug import traceback_response

                    return traceback_response(current)
                raise current
            used.append(handler)
            try:
                result = handler(current)
                if hasattr(result, "__await__"):
                    result = yield result
                if result is None:
                    name = getattr(handler, "__name__", repr(handler))
                    raise TypeError(
                        f"exception handler {name} returned None for "
                        f"{type(current).__name__}: return a Response, a dict or a "
                        "(body, status_code) tuple"
                    )
                return to_response(result)
            except ServiceError as raised:
                return error_response(raised)
            except Exception as raised:
                current = raised


def _service_error() -> type[Exception]:
    from router_core.exceptions import ServiceError

    return ServiceError


def _is_dependency_error(error: Exception) -> bool:
    # Only an app that uses Depends has loaded the module that defines the error.
    module = sys.modules.get("router_core.dependencies")
    return module is not None and isinstance(error, module.DependencyResolutionError)
