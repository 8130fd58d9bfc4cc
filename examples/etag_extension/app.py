"""A fourth extension, written with public names only: ETag validators and 304 answers.

Every successful GET answer gets a weak `ETag` computed from its body; a request whose
`If-None-Match` names that tag gets `304 Not Modified` with no body. A route opts out with
`etag=False`.
"""

from __future__ import annotations

import hashlib

from router_core import Response
from router_core.event import BaseEvent
from router_core.exceptions import NotFoundError
from router_core.extensions import ORDER_COMPRESSION, ORDER_CORS, Extension, Match
from router_rest import APIGatewayRestResolver


class ETagExtension(Extension):
    name = "etag"
    # After CORS (its headers belong on a 304 too), before compression (the tag describes
    # the uncompressed body, hence weak: `W/`, the same for every content coding).
    order = (ORDER_CORS + ORDER_COMPRESSION) // 2
    route_options = frozenset({"etag"})

    def after_route(self, event: BaseEvent, match: Match, response: Response) -> None:
        route = match.route
        if route is None or route.options.get("etag") is False:
            return
        if event.http_method not in ("GET", "HEAD") or response.status_code != 200:
            return
        body = response.body if isinstance(response.body, (str, bytes)) else ""
        data = body.encode("utf-8") if isinstance(body, str) else body
        tag = f'W/"{hashlib.sha256(data).hexdigest()[:32]}"'
        response.set_header("ETag", tag)
        if tag in _tags(event.headers.get("if-none-match")):
            response.status_code = 304
            response.body = ""
            response.remove_header("Content-Type")


def _tags(header: str | None) -> set[str]:
    """The entity tags an `If-None-Match` names, weak or strong alike (RFC 9110 13.1.2)."""
    if not header:
        return set()
    tags = {part.strip() for part in header.split(",")}
    return tags | {f"W/{t}" for t in tags if not t.startswith("W/")}


app = APIGatewayRestResolver()
app.add_extension(ETagExtension())

TODOS = {1: {"id": 1, "title": "Buy milk", "completed": False}}


@app.get("/todos/<todo_id:int>")
def get_todo(todo_id: int) -> dict:
    if todo_id not in TODOS:
        raise NotFoundError(f"Todo {todo_id} not found")
    return TODOS[todo_id]


@app.get("/time", etag=False)
def get_time() -> dict:
    import time

    return {"now": int(time.time())}


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
