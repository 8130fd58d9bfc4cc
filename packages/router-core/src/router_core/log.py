"""The `router` logger, imported only when something must be logged (not at cold start)."""

from __future__ import annotations


def error(message: str, *args: object) -> None:
    import logging

    logging.getLogger("router").error(message, *args)


def warning(message: str, *args: object) -> None:
    import logging

    logging.getLogger("router").warning(message, *args)
