"""Catch-all routes: `<name:path>` captures the rest of the path, `/` included; a segment
written as a regular expression (`.+`) may span `/` too, as in Powertools.

The catch-all is tried last: `/files/README` has its own route and never reaches it.
"""

from __future__ import annotations

from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()


@app.get("/files/README")
def readme() -> dict:
    return {"file": "README", "size": 1024}


@app.get("/files/<key:path>")
def get_file(key: str) -> dict:
    return {"key": key, "parts": key.split("/")}


@app.get("/legacy/.+")
def legacy() -> dict:
    # A regex segment captures nothing by name: read the path from the event.
    return {"moved_from": app.current_event.path}


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
