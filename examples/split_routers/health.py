"""Health checks, in their own module."""

from __future__ import annotations

from router_core import Router

router = Router()


@router.get("/")
def health() -> dict:
    return {"status": "ok"}
