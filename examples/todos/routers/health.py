"""`/health`: for load balancers and uptime checks."""

from __future__ import annotations

from router_core import Router

router = Router()


@router.get("/")
def health() -> dict[str, str]:
    return {"status": "ok"}
