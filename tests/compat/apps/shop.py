"""A shop's REST API, as a Powertools user writes it: CORS with credentials, a router of
orders under a prefix, middlewares (a function and a class), an exception handler for
ValueError, a custom not_found, cookies, cache_control, compression, a binary answer,
Depends and Request, and reads of the request context."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import (
    APIGatewayRestResolver,
    CORSConfig,
    Depends,
    Request,
    Response,
    content_types,
)
from aws_lambda_powertools.event_handler.exceptions import NotFoundError, UnauthorizedError
from aws_lambda_powertools.event_handler.middlewares import BaseMiddlewareHandler, NextMiddleware
from aws_lambda_powertools.event_handler.router import APIGatewayRouter
from aws_lambda_powertools.shared.cookies import Cookie, SameSite

cors = CORSConfig(
    allow_origin="https://shop.example.com",
    extra_origins=["https://admin.example.com"],
    allow_headers=["X-Cart-Id"],
    expose_headers=["X-Request-Id"],
    max_age=600,
    allow_credentials=True,
)
app = APIGatewayRestResolver(cors=cors, strip_prefixes=["/v1"])
orders = APIGatewayRouter()
PRODUCTS = {"p-1": {"id": "p-1", "name": "Teapot", "price": 18}}
ORDERS: dict[str, dict[str, Any]] = {"o-1": {"id": "o-1", "items": ["p-1"]}}
LOGO = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def request_id(app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response:
    response = next_middleware(app)
    response.headers["X-Request-Id"] = app.current_event.request_context.request_id
    return response


class RequireUser(BaseMiddlewareHandler):
    def handler(self, app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response:
        claims = app.current_event.request_context.authorizer.claims or {}
        if "email" not in claims:
            raise UnauthorizedError("sign in first")
        app.append_context(user=claims["email"])
        return next_middleware(app)


app.use(middlewares=[request_id])


def current_user(request: Request) -> str:
    return request.resolved_event.request_context.authorizer.claims.get("sub", "")


@app.get("/products", cache_control="max-age=60")
def list_products() -> dict[str, Any]:
    limit = int(app.current_event.get_query_string_value("limit", "10"))
    return {"products": list(PRODUCTS.values())[:limit]}


@app.get("/products/<product_id>", cache_control="max-age=60")
def get_product(product_id: str) -> dict[str, Any]:
    if product_id not in PRODUCTS:
        raise NotFoundError(f"no product {product_id}")
    return PRODUCTS[product_id]


@app.get("/catalog", compress=True)
def catalog() -> dict[str, Any]:
    return {"products": [dict(p, blurb="A fine thing to own. " * 20) for p in PRODUCTS.values()]}


@app.get("/logo.png")
def logo() -> Response:
    return Response(200, "image/png", LOGO, headers={"Cache-Control": "max-age=86400"})


@app.get("/whoami")
def whoami(user: Annotated[str, Depends(current_user)]) -> dict[str, Any]:
    context = app.current_event.request_context
    return {
        "user": user,
        "ip": context.identity.source_ip,
        "stage": context.stage,
        "agent": app.current_event.get_header_value("user-agent"),
        "tags": app.current_event.multi_value_query_string_parameters.get("tag", []),
    }


@app.post("/session")
def login() -> Response:
    body = app.current_event.json_body
    cookie = Cookie(
        "session",
        f"s-{body['user']}",
        path="/",
        http_only=True,
        same_site=SameSite.LAX_MODE,
        max_age=3600,
    )
    return Response(201, content_types.APPLICATION_JSON, {"ok": True}, cookies=[cookie])


@app.route("/cache", method="PURGE")
def purge() -> tuple[dict[str, Any], int]:
    return {"purged": True}, 202


@orders.get("/", middlewares=[RequireUser()])
def list_orders() -> dict[str, Any]:
    return {"orders": list(ORDERS), "user": orders.context.get("user")}


@orders.get("/<order_id>")
def get_order(order_id: str) -> dict[str, Any]:
    return ORDERS.get(order_id) or {}


@orders.post("/")
def create_order(request: Request) -> Response:
    items = request.json_body["items"]
    if not isinstance(items, list):
        raise ValueError("items must be a list")
    order = {"id": f"o-{len(ORDERS) + 1}", "items": items}
    return Response(
        201, content_types.APPLICATION_JSON, order, headers={"Location": f"/orders/{order['id']}"}
    )


@orders.delete("/<order_id>")
def delete_order(order_id: str) -> Response:
    return Response(204, content_types.TEXT_PLAIN, "")


app.include_router(orders, prefix="/orders")


@app.exception_handler(ValueError)
def bad_value(error: ValueError) -> Response:
    return Response(422, content_types.APPLICATION_JSON, {"error": str(error)})


@app.not_found
def missing(error: NotFoundError) -> Response:
    return Response(404, content_types.TEXT_PLAIN, f"nothing at {app.current_event.path}")


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return app.resolve(event, context)
