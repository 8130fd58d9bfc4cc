"""A catalog on an HTTP API (payload 2.0), written for Powertools: a JWT authorizer read from
the request context, a router with a rule relative to its prefix, query helpers, cookies,
a str answer, ServiceErrors, a class middleware that adds a header and `not_found()`."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import BadRequestError, ForbiddenError
from aws_lambda_powertools.event_handler.middlewares import BaseMiddlewareHandler, NextMiddleware
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter
from aws_lambda_powertools.shared.cookies import Cookie

app = APIGatewayHttpResolver(
    json_body_deserializer=lambda text: json.loads(text, parse_float=Decimal)
)
items = APIGatewayHttpRouter()
items.append_context(section="items")
ITEMS = {"42": {"id": "42", "title": "Kettle", "tags": ["kitchen"]}}


class Timing(BaseMiddlewareHandler):
    def handler(self, app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response:
        response = next_middleware(app)
        response.headers["Server-Timing"] = "app;dur=1"
        return response


app.use([Timing()])


@app.get("/me")
def me() -> dict[str, Any]:
    context = app.current_event.request_context
    claims = context.authorizer.jwt_claim if context.authorizer else {}
    return {
        "sub": claims.get("sub"),
        "method": context.http.method,
        "ip": context.http.source_ip,
        "scopes": context.authorizer.jwt_scopes if context.authorizer else [],
    }


@app.get("/search")
def search() -> dict[str, Any]:
    query = app.current_event.get_query_string_value("q", "")
    if not query:
        raise BadRequestError("q is required")
    return {"q": query, "hits": [i for i in ITEMS.values() if query in i["title"].lower()]}


@app.get("/admin")
def admin() -> dict[str, Any]:
    raise ForbiddenError("admins only")


@app.get("/divide")
def divide() -> dict[str, Any]:
    by = int(app.current_event.get_query_string_value("by", "1"))
    return {"result": 100 // by}


@app.post("/echo", status_code=201)
def echo() -> dict[str, Any]:
    body = app.current_event.json_body
    return {"n": body["n"], "price": str(body.get("price", ""))}


@app.get("/logo.svg")
def logo() -> Response:
    return Response(200, "image/svg+xml", '<svg xmlns="http://www.w3.org/2000/svg"/>')


@app.get("/empty.bin")
def empty() -> Response:
    return Response(200, "application/octet-stream", b"")


@app.delete("/items/<item_id>")
def delete_item(item_id: str) -> None:
    ITEMS.pop(item_id, None)


@app.get("/hello")
def hello() -> str:
    return "hello, world"


@app.post("/prefs")
def prefs() -> Response:
    theme = app.current_event.json_body.get("theme", "light")
    cookies = [Cookie("theme", theme, path="/"), Cookie("seen", "1", secure=False)]
    return Response(200, content_types.APPLICATION_JSON, {"theme": theme}, cookies=cookies)


@items.get("<item_id>")
def get_item(item_id: str) -> dict[str, Any]:
    return {**ITEMS[item_id], "section": items.context.get("section")}


@items.put("<item_id>")
def put_item(item_id: str) -> tuple[dict[str, Any], int]:
    if not items.current_event.body:
        return None, 202  # type: ignore[return-value]
    ITEMS[item_id] = {"id": item_id, **items.current_event.json_body}
    return ITEMS[item_id], 201


app.include_router(items, prefix="/items/")


@app.exception_handler(KeyError)
def unknown_key(error: KeyError) -> Response:
    return Response(404, content_types.APPLICATION_JSON, {"missing": str(error)})


@app.exception_handler(ZeroDivisionError)
def cannot_divide(error: ZeroDivisionError) -> Response:
    raise BadRequestError("cannot divide by zero")


@app.not_found()
def missing(error: Exception) -> Response:
    return Response(404, content_types.APPLICATION_JSON, {"message": "no such page"})


lambda_handler = app.resolve
