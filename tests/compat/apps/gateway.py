"""An ALB target and a Function URL served by one code base, written for Powertools: the
resolvers are built from the generic class and ProxyEventType, ALB's query parameters
decoded, a function-URL router typed for its source."""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.event_handler import ApiGatewayResolver, CORSConfig, Response
from aws_lambda_powertools.event_handler.api_gateway import ProxyEventType
from aws_lambda_powertools.event_handler.router import LambdaFunctionUrlRouter

alb = ApiGatewayResolver(proxy_type=ProxyEventType.ALBEvent)
url = ApiGatewayResolver(proxy_type=ProxyEventType.LambdaFunctionUrlEvent, cors=CORSConfig())
files = LambdaFunctionUrlRouter()


@alb.get("/health")
def health() -> dict[str, Any]:
    return {"ok": True, "target": alb.current_event.request_context.elb_target_group_arn}


@alb.get("/echo")
def echo() -> dict[str, Any]:
    event = alb.current_event
    return {"q": event.get_query_string_value("q"), "agent": event.get_header_value("user-agent")}


@alb.post("/ingest")
def ingest() -> tuple[str, int]:
    return json.dumps({"received": len(alb.current_event.json_body)}), 202


@alb.get("/report.csv")
def report() -> Response:
    return Response(200, "text/csv", "id,total\n1,10\n", headers={"X-Rows": ["1", "total"]})


@files.get("/files/<name>")
def get_file(name: str) -> Response:
    return Response(200, "text/plain", f"contents of {name}")


@files.get("/raw/<name>")
def get_raw(name: str) -> Response:
    return Response(200, "application/octet-stream", name.encode() * 3)


@files.post("/files")
def upload() -> dict[str, Any]:
    return {
        "size": len(files.current_event.decoded_body),
        "ip": files.current_event.request_context.http.source_ip,
    }


url.include_router(files)
