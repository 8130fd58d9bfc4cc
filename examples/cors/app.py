"""CORS: the function answers pre-flights and adds CORS headers to every response, its 404s
and 405s included. Needs router-cors (`pip install "router-rest[cors]"`).

Only an origin that is `allow_origin` or in `extra_origins` is echoed back; `Vary: Origin`
keeps caches from mixing up what different origins were told. `cors=False` on a route leaves
its responses without CORS headers. See docs/cors.md for when API Gateway's own CORS setting
is the better place.
"""

from __future__ import annotations

from router_cors import CORSConfig
from router_rest import APIGatewayRestResolver

cors_config = CORSConfig(
    allow_origin="https://www.example.com",
    extra_origins=["https://dev.example.com"],
    expose_headers=["X-Request-Id"],
    max_age=300,
    allow_credentials=True,
)
app = APIGatewayRestResolver(cors=cors_config)


@app.get("/todos")
def list_todos() -> dict:
    return {"todos": [{"id": 1, "title": "Buy milk"}]}


@app.post("/todos")
def create_todo() -> tuple:
    return {"id": 2, "title": app.current_event.json_body["title"]}, 201


@app.get("/healthcheck", cors=False)
def healthcheck() -> dict:
    # Called by a load balancer, never by a browser: no CORS headers.
    return {"ok": True}


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
