"""The pipeline's async entry (`app.resolve_async`): the same steps as the sync one, awaiting
the calls that are async. Loaded on the first `resolve_async` (or the first sync call that
meets an async middleware), so that a sync function's cold start never reads it.
"""

from __future__ import annotations

from router_core import state
from router_core.response import Response
from router_core.route_calls import callable_answer
from router_core.routing import normalize_path
from router_core.state import CONTEXT, MATCH
from router_core.writer import JSON

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Awaitable
    from typing import Any, Callable

    from router_core.pipeline import Pipeline
    from router_core.router import Route
    from router_core.routing import Match


def async_entry(pipeline: Pipeline) -> Callable[[dict[str, Any], Any], Awaitable[dict[str, Any]]]:
    """`Pipeline.run_async`: `pipeline.sync_entry`, step for step, awaiting what is async."""
    p = pipeline
    new_event, options, debug, app = p.event_class, p.event_options, p.debug, p.app
    strip = p._strip if p.strip_prefixes else None
    table_match, compiled, encoded = p.match, p.table.compiled(), p.encoded
    static, dynamic = compiled.static, compiled.match
    before, finish = p.before, p.finish
    serializer, fast_body_limit, plain = p.serializer, p.fast_body_limit, p.after_plain
    encode_json, writer = p.codec.encode_json, p.writer
    set_call, reset_call = state.CALL.set, state.CALL.reset

    async def run(raw: dict[str, Any], lambda_context: Any) -> dict[str, Any]:
        event = (
            new_event(raw, None, False)
            if not options
            else new_event(raw, validate=False, **options)
        )
        if debug:
            from router_core.debug import print_event

            print_event(raw)
        call = [event, lambda_context, app, app._context_before_call, None, None]
        if call[CONTEXT] is not None:
            app._context_before_call = None  # the first call takes it, as in Powertools
        token = set_call(call)
        try:
            method, path = event.route_target()
            if strip is not None:
                path = strip(path)
            if path[:1] != "/" or (path[-1:] == "/" and path != "/"):
                path = normalize_path(path)
            shared = static.get(path)
            if shared is None:
                match = dynamic(method, path, encoded)
            else:
                found = None if encoded and "%" in path else shared.get(method)
                match = table_match(method, path, encoded=encoded) if found is None else found
            call[MATCH] = match
            if before:
                for extension in before:
                    answer = extension.before_route(event, match)
                    if answer is not None:
                        response = await through_middlewares(p, answer)
                        return finish(event, method, match, response)
            route = match.route
            if route is None:
                return finish(event, method, match, await unmatched(p, match))
            if route.bare:
                # Nothing but the handler runs for this route (sync or async): call it here.
                params = match.params
                try:
                    result = route.func(**params) if params else route.func()
                    if route.is_async:
                        result = await result
                except Exception as error:
                    response = await answer_error(p, error)
                else:
                    if type(result) is dict and method != "HEAD":
                        body = serializer(result)
                        if len(body) < fast_body_limit:
                            if plain is None:
                                return encode_json(route.status_code, body, event)
                            if method != "OPTIONS":
                                return p._plain_with_headers(
                                    plain, event, match, route.status_code, body
                                )
                        big = Response(route.status_code, JSON, body)
                        return finish(event, method, match, big, True)
                    response = writer.to_response(result, route.status_code)
            else:
                response = await call_route(p, route, match.params)
            return finish(event, method, match, response)
        finally:
            reset_call(token)

    return run


async def call_route(p: Pipeline, route: Route, params: dict[str, Any]) -> Response:
    """`call_route`, awaiting an async route's call."""
    call = route.call
    if call is None:
        raise RuntimeError(f"{route!r} was not compiled")
    try:
        result = call(params)
        if hasattr(result, "__await__"):
            result = await result
        return p.writer.to_response(result, route.status_code)
    except Exception as error:
        return await answer_error(p, error)


async def answer_error(p: Pipeline, error: Exception) -> Response:
    writer = p.writer
    return await p.handlers.answer_async(error, writer.to_response, writer.error_response, p.debug)


async def unmatched(p: Pipeline, match: Match) -> Response:
    error, allowed = p._routing_error(match)
    writer = p.writer

    async def answer(app: Any) -> Response:
        if p.handlers.find(type(error), routing=True) is not None:
            return await p.handlers.answer_async(
                error, writer.to_response, writer.error_response, p.debug
            )
        return p._routing_response(error, allowed)

    return await through_middlewares(p, answer)


async def through_middlewares(p: Pipeline, answer: Response | Callable[[Any], Any]) -> Response:
    final = callable_answer(answer)

    async def awaited(app: Any) -> Response:
        result = final(app)
        if hasattr(result, "__await__"):
            result = await result
        return p.writer.to_response(result)

    try:
        if not p.middlewares:
            return await awaited(p.app)
        from router_core.middleware import run_chain_async

        return p.writer.to_response(await run_chain_async(p.app, p.middlewares, awaited))
    except Exception as error:
        return await answer_error(p, error)
