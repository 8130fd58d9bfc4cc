"""`enable_swagger`: a route that serves Swagger UI, the document (`?format=json`) and the
OAuth2 redirect page (`?format=oauth2-redirect`).

The page loads Swagger UI 5 from the pinned CDN release with integrity hashes (see
`router_openapi.assets`), or from `swagger_base_url`; neither core nor this package carries the
assets, so a function that enables Swagger UI stays small.
"""

from __future__ import annotations

import html
import json

from router_openapi.assets import Asset, asset

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from router_core.resolver import BaseResolver
    from router_openapi.oauth2 import OAuth2Config


def enable_swagger(
    app: BaseResolver[Any],
    *,
    path: str = "/swagger",
    swagger_base_url: str | None = None,
    middlewares: list[Callable[..., Any]] | None = None,
    compress: bool = False,
    oauth2_config: OAuth2Config | None = None,
    persist_authorization: bool = False,
    assets_path: str | None = None,
    **settings: Any,
) -> None:
    """Add a GET route at `path` serving Swagger UI for `app`'s document.

    `settings` are `configure_openapi`'s keywords (title, version, servers, security, ...).
    Without `servers`, the document's server is the stage the page was requested under
    (`/prod` on an execute-api URL), as in Powertools. `assets_path` is a path of `app` that
    serves the UI's files (router-swagger-ui's route): the page links them under the stage it
    was requested under, which a fixed `swagger_base_url` cannot know.
    """
    from router_core import Response
    from router_openapi.document import OpenAPIConfig, get_openapi_json_schema
    from router_openapi.models import Server

    OpenAPIConfig(**settings)  # an unknown keyword fails now, not at the first request

    def swagger_handler() -> Response:
        event = app.current_event
        query = event.query_string_parameters or {}
        page_format = query.get("format")
        assets = swagger_base_url if assets_path is None else base_path(event) + assets_path
        if page_format == "oauth2-redirect":
            return Response(200, "text/html", oauth2_redirect_html(assets))
        merge = getattr(app, "openapi_merge", None)
        if merge is not None:
            spec = merge.get_openapi_json_schema()
        else:
            options = dict(settings)
            if not options.get("servers"):
                options["servers"] = [Server(url=base_path(event) or "/")]
            spec = get_openapi_json_schema(app, **options)
        if page_format == "json":
            return Response(200, "application/json", spec)
        page = swagger_html(spec, assets, oauth2_config, persist_authorization)
        return Response(200, "text/html", page)

    app.get(
        path,
        middlewares=middlewares,
        compress=compress,
        include_in_schema=False,
        # The page takes nothing to validate; its handler's annotations name what this
        # function imports, which a validating app would otherwise try to resolve.
        enable_validation=False,
    )(swagger_handler)


def base_path(event: Any) -> str:
    """The stage prefix of the request's URL (`/prod`), or "" when the URL has none (custom
    domains, `$default` stages, ALB, Function URLs, the local server).

    Only API Gateway's own host (`<api-id>.execute-api.<region>.amazonaws.com`) puts the
    stage in the URL; an event that names another host is served without it.
    """
    raw = getattr(event, "raw_event", {})
    context = raw.get("requestContext") or {}
    if not isinstance(context, dict):
        return ""
    stage = context.get("stage")
    if not isinstance(stage, str) or not stage or stage == "$default":
        return ""
    domain = context.get("domainName") or _host(raw.get("headers"))
    if domain is not None and not _is_execute_api_host(domain):
        return ""
    http = context.get("http")
    request_path = context.get("path") or (http.get("path") if isinstance(http, dict) else None)
    if isinstance(request_path, str) and request_path.startswith(f"/{stage}"):
        return f"/{stage}"
    return ""


def _host(headers: Any) -> str | None:
    if not isinstance(headers, dict):
        return None
    for name, value in headers.items():
        if isinstance(name, str) and name.lower() == "host":
            return value if isinstance(value, str) else None
    return None


def _is_execute_api_host(domain: object) -> bool:
    return (
        isinstance(domain, str)
        and ".execute-api." in domain
        and domain.split(":", 1)[0].endswith((".amazonaws.com", ".amazonaws.com.cn"))
    )


def _tag(kind: str, item: Asset) -> str:
    integrity = f' integrity="{item.integrity}" crossorigin="anonymous"' if item.integrity else ""
    url = html.escape(item.url, quote=True)
    if kind == "css":
        return f'<link rel="stylesheet" type="text/css" href="{url}"{integrity}>'
    return f'<script src="{url}"{integrity}></script>'


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (no `</script>` can close it early)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def swagger_html(
    spec: str,
    swagger_base_url: str | None,
    oauth2_config: OAuth2Config | None = None,
    persist_authorization: bool = False,
) -> str:
    """The Swagger UI page for the document `spec` (JSON text)."""
    css = _tag("css", asset("swagger-ui.css", swagger_base_url))
    js = _tag("js", asset("swagger-ui-bundle.js", swagger_base_url))
    oauth = f"ui.initOAuth({_script_json(oauth2_config.init_options())});" if oauth2_config else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Cache-Control" content="no-cache, no-store, must-revalidate">
<title>Swagger UI</title>
{css}
</head>
<body>
<div id="swagger-ui">Loading...</div>
{js}
<script>
  var here = new URL(window.location.href);
  var ui = SwaggerUIBundle({{
    spec: {_script_json(spec)},
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    deepLinking: true,
    docExpansion: "list",
    filter: true,
    showExtensions: true,
    showCommonExtensions: true,
    withCredentials: true,
    persistAuthorization: {"true" if persist_authorization else "false"},
    oauth2RedirectUrl: here.origin + here.pathname + "?format=oauth2-redirect"
  }});
  ui.specActions.updateUrl(here.pathname + "?format=json");
  {oauth}
</script>
</body>
</html>
"""


def oauth2_redirect_html(swagger_base_url: str | None) -> str:
    """The page an OAuth2 provider redirects to: Swagger UI's own redirect script."""
    script = _tag("js", asset("oauth2-redirect.js", swagger_base_url))
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Swagger UI: OAuth2 Redirect</title></head>
<body>
{script}
</body>
</html>
"""
