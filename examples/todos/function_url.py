"""The same todos API as a Lambda Function URL (template-function-url.yaml:
`Handler: function_url.lambda_handler`): the same routers, another resolver."""

from __future__ import annotations

from routers import FRONTEND_ORIGIN, include_routers

from router_cors import CORSConfig
from router_function_url import LambdaFunctionUrlResolver

app = LambdaFunctionUrlResolver(cors=CORSConfig(allow_origin=FRONTEND_ORIGIN, max_age=300))
include_routers(app)


def lambda_handler(event: dict, context: object) -> dict:
    return app.resolve(event, context)
