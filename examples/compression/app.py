"""Compression: `compress=True` on a route (or on a `Response`) compresses the body with
brotli or gzip, whichever the client's `Accept-Encoding` prefers (q-values honoured), sets
`Content-Encoding` and `Vary: Accept-Encoding`, and sends it base64-encoded. A client that
accepts neither gets the body as it is. Needs router-compression
(`pip install "router-rest[compression]"`).
"""

from __future__ import annotations

from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()

# An in-memory store stands in for a database or a remote API.
TODOS = [{"id": n, "title": f"Todo number {n}", "completed": n % 3 == 0} for n in range(1, 31)]


@app.get("/todos", compress=True)
def list_todos() -> dict:
    return {"todos": TODOS}


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
