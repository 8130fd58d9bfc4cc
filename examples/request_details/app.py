"""Accessing request details: query strings (repeated keys too), headers (any case),
cookies and the JSON body, through `app.current_event`.

A body that is not valid JSON answers 400 before the handler sees anything odd.
"""

from __future__ import annotations

from router_rest import APIGatewayRestResolver

app = APIGatewayRestResolver()


@app.post("/todos")
def create_todo() -> dict:
    event = app.current_event
    todo = event.json_body  # the body parsed as JSON
    return {
        "title": todo["title"],
        # ?tag=home&tag=errands: every value of a repeated key
        "tags": event.get_multi_value_query_string_values("tag"),
        # ?dry_run=true, with a default when absent
        "dry_run": event.get_query_string_value("dry_run", default_value="false") == "true",
        # header names are looked up without regard to case
        "api_key": event.headers.get("x-api-key"),
        "user_agent": event.get_header_value("User-Agent"),
        # the Cookie header, parsed into a dict
        "session": event.cookies.get("session"),
        # what only this source has lives on its event class
        "resource": event.resource,
    }


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
