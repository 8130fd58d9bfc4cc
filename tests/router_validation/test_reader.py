"""The compiled route wrapper: an `async def` handler gets an async wrapper that validates
the request, awaits the route's call and validates the response (the async pipeline awaits
the wrapper). Called directly here, under a call state as the pipeline sets it."""

from __future__ import annotations

import asyncio
import inspect
import json
from typing import Annotated, Any

import msgspec
import pytest

from router_core import state
from router_validation import Query, RequestValidationError, ResponseValidationError
from router_validation.extension import ValidationExtension

rest = pytest.importorskip("router_rest")


class Todo(msgspec.Struct):
    id: int
    title: str


try:  # for the side-by-side test: annotations resolve in this module
    import pydantic
    from aws_lambda_powertools.event_handler.openapi.params import Query as PTQuery
except ImportError:  # the side-by-side test skips
    pass
else:

    class Item(pydantic.BaseModel):
        id: int
        title: str


def event(path: str, query: dict[str, str] | None = None, body: str | None = None) -> Any:
    return {
        "resource": "/todos/{todo_id}",
        "path": path,
        "httpMethod": "POST" if body is not None else "GET",
        "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {"Content-Type": ["application/json"]},
        "queryStringParameters": query,
        "multiValueQueryStringParameters": {k: [v] for k, v in (query or {}).items()} or None,
        "pathParameters": {"todo_id": path.rsplit("/", 1)[-1]},
        "stageVariables": None,
        "requestContext": {"httpMethod": "GET", "path": f"/prod{path}", "stage": "prod"},
        "body": body,
        "isBase64Encoded": False,
    }


def wrap(app: Any, **options: Any) -> Any:
    """The validation wrapper of the app's only route, around a call that awaits it."""
    (route,) = app.routes

    async def call(params: dict[str, Any]) -> Any:
        return await route.func(**params)

    return ValidationExtension(**options).compile_route(route, call)


def run(app: Any, wrapper: Any, raw: dict[str, Any], params: dict[str, Any]) -> Any:
    async def main() -> Any:
        call = [app.event_class(raw, None, False), None, app, None, None, None]
        token = state.CALL.set(call)
        try:
            return await wrapper(params)
        finally:
            state.CALL.reset(token)

    return asyncio.run(main())


def build(result: Any = None) -> Any:
    app = rest.APIGatewayRestResolver(enable_validation=True)

    @app.get("/todos/<todo_id>")
    async def get_todo(todo_id: int, limit: Annotated[int, Query(gt=0)] = 5) -> Todo:
        await asyncio.sleep(0)
        if result is not None:
            return result  # type: ignore[no-any-return]
        return Todo(id=todo_id * limit, title="async")

    return app


def test_an_async_route_gets_an_async_wrapper_that_validates_in_and_out() -> None:
    app = build()
    wrapper = wrap(app)

    assert inspect.iscoroutinefunction(wrapper)
    answer = run(app, wrapper, event("/todos/3", {"limit": "2"}), {"todo_id": "3"})
    assert answer == {"id": 6, "title": "async"}


def test_an_async_wrapper_refuses_a_bad_request_before_awaiting_the_handler() -> None:
    calls: list[dict[str, Any]] = []
    app = build()
    (route,) = app.routes

    async def call(params: dict[str, Any]) -> Any:
        calls.append(params)
        return await route.func(**params)

    wrapper = ValidationExtension().compile_route(route, call)

    with pytest.raises(RequestValidationError) as raised:
        run(app, wrapper, event("/todos/x", {"limit": "0"}), {"todo_id": "x"})

    assert calls == []
    assert [(e["loc"], e["type"]) for e in raised.value.errors()] == [
        (("path", "todo_id"), "int_parsing"),
        (("query", "limit"), "greater_than"),
    ]


def test_an_async_wrapper_validates_what_the_handler_returns() -> None:
    app = build(result={"id": "not a number", "title": "x"})

    with pytest.raises(ResponseValidationError) as raised:
        run(
            app,
            wrap(app, response_validation_error_http_code=500),
            event("/todos/1"),
            {"todo_id": "1"},
        )

    assert raised.value.status_code == 500
    assert [(e["loc"], e["type"]) for e in raised.value.errors()] == [
        (("response", "id"), "int_parsing")
    ]


def test_an_async_wrapper_passes_on_a_result_that_is_not_awaitable() -> None:
    app = build()
    (route,) = app.routes

    def call(params: dict[str, Any]) -> Any:  # a middleware that answered by itself
        return {"id": 9, "title": "cached"}

    wrapper = ValidationExtension().compile_route(route, call)

    assert run(app, wrapper, event("/todos/1"), {"todo_id": "1"}) == {"id": 9, "title": "cached"}


def test_a_sync_route_keeps_a_sync_wrapper() -> None:
    app = rest.APIGatewayRestResolver(enable_validation=True)
    app.get("/todos/<todo_id>")(lambda todo_id: {"id": todo_id})
    (route,) = app.routes

    wrapper = ValidationExtension().compile_route(route, lambda params: params)

    assert not inspect.iscoroutinefunction(wrapper)


def test_async_answers_match_powertools_resolve_async() -> None:
    pytest.importorskip("aws_lambda_powertools")
    pytest.importorskip("pydantic")
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver

    theirs = APIGatewayRestResolver(enable_validation=True)

    @theirs.get("/todos/<todo_id>")
    async def their_todo(todo_id: int, limit: Annotated[int, PTQuery(gt=0)] = 5) -> Item:
        return Item(id=todo_id * limit, title="async")

    ours = rest.APIGatewayRestResolver(enable_validation=True)

    @ours.get("/todos/<todo_id>")
    async def our_todo(todo_id: int, limit: Annotated[int, Query(gt=0)] = 5) -> Item:
        return Item(id=todo_id * limit, title="async")

    wrapper = wrap(ours)
    for path, query in [("/todos/3", {"limit": "2"}), ("/todos/x", {"limit": "0"})]:
        raw = event(path, query)
        expected = asyncio.run(theirs.resolve_async(raw, None))
        try:
            answer = run(ours, wrapper, raw, {"todo_id": path.rsplit("/", 1)[-1]})
        except RequestValidationError as error:
            status, answer = 422, json.loads(json.dumps(error.default_response().body))
        else:
            status = 200
        assert (status, answer) == (expected["statusCode"], json.loads(expected["body"]))
