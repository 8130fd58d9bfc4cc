"""The resolver's pipeline through a fake source: routing, the call, errors, options."""

from __future__ import annotations

from typing import Any

import pytest
from fake_source import FakeResolver, event

from router_core import Response, Router
from router_core.exceptions import BadRequestError, NotFoundError, ServiceError


def _json(result: dict[str, Any]) -> Any:
    import orjson

    return orjson.loads(result["body"])


def test_a_plain_route_answers_json_with_its_parameters() -> None:
    app = FakeResolver()

    @app.get("/todos/<todo_id:int>")
    def get_todo(todo_id: int) -> dict[str, Any]:
        return {"id": todo_id, "type": type(todo_id).__name__}

    result = app.resolve(event("GET", "/todos/7"), None)

    assert result["status"] == 200
    assert result["headers"] == {"Content-Type": ["application/json"]}
    assert _json(result) == {"id": 7, "type": "int"}


def test_route_status_code_applies_to_plain_results_only() -> None:
    app = FakeResolver()

    @app.post("/todos", status_code=201)
    def create() -> dict[str, int]:
        return {"id": 1}

    @app.post("/other", status_code=201)
    def other() -> Response:
        return Response(202, "text/plain", "queued")

    @app.post("/tuple", status_code=201)
    def as_tuple() -> tuple[dict[str, int], int]:
        return {"id": 2}, 200

    assert app.resolve(event("POST", "/todos"), None)["status"] == 201
    assert app.resolve(event("POST", "/other"), None)["status"] == 202
    assert app.resolve(event("POST", "/tuple"), None)["status"] == 200


def test_unmatched_paths_answer_404_and_other_methods_405_with_allow() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})
    app.put("/a")(lambda: {"a": 2})

    missing = app.resolve(event("GET", "/nothing"), None)
    wrong = app.resolve(event("DELETE", "/a"), None)

    assert missing["status"] == 404
    assert _json(missing) == {"statusCode": 404, "message": "Not found"}
    assert wrong["status"] == 405
    assert wrong["headers"]["Allow"] == ["GET, HEAD, PUT"]


def test_head_is_answered_by_get_without_a_body() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})

    result = app.resolve(event("HEAD", "/a"), None)

    assert result["status"] == 200
    assert result["body"] == ""


def test_middlewares_run_outermost_first_and_see_routing_answers() -> None:
    app = FakeResolver()
    seen: list[str] = []

    def outer(app: Any, next_middleware: Any) -> Response:
        seen.append("outer")
        response: Response = next_middleware(app)
        response.set_header("X-Outer", "1")
        return response

    def inner(app: Any, next_middleware: Any) -> Response:
        seen.append("inner")
        response: Response = next_middleware(app)
        return response

    app.use([outer, inner])
    app.get("/a")(lambda: {"a": 1})

    ok = app.resolve(event("GET", "/a"), None)
    missing = app.resolve(event("GET", "/b"), None)

    assert seen == ["outer", "inner", "outer", "inner"]
    assert ok["headers"]["X-Outer"] == ["1"] and missing["headers"]["X-Outer"] == ["1"]
    assert missing["status"] == 404


def test_a_middleware_may_change_the_route_arguments_as_in_powertools() -> None:
    app = FakeResolver()

    def rewrite(app: Any, next_middleware: Any) -> Response:
        app.context["_route_args"]["name"] = "changed"
        response: Response = next_middleware(app)
        return response

    @app.get("/hello/<name>", middlewares=[rewrite])
    def hello(name: str) -> dict[str, str]:
        return {"name": name}

    assert _json(app.resolve(event("GET", "/hello/world"), None)) == {"name": "changed"}


def test_cache_control_is_sent_on_200_and_no_cache_otherwise() -> None:
    app = FakeResolver()

    @app.get("/ok", cache_control="max-age=60")
    def ok() -> dict[str, int]:
        return {"ok": 1}

    @app.get("/created", cache_control="max-age=60")
    def created() -> tuple[dict[str, int], int]:
        return {"ok": 1}, 201

    @app.get("/fails", cache_control="max-age=60")
    def fails() -> dict[str, int]:
        raise BadRequestError("no")

    assert app.resolve(event("GET", "/ok"), None)["headers"]["Cache-Control"] == ["max-age=60"]
    assert app.resolve(event("GET", "/created"), None)["headers"]["Cache-Control"] == ["no-cache"]
    assert app.resolve(event("GET", "/fails"), None)["headers"]["Cache-Control"] == ["no-cache"]


def test_not_found_works_bare_and_called() -> None:
    bare, called = FakeResolver(), FakeResolver()

    @bare.not_found
    def missing(error: NotFoundError) -> Response:
        return Response(404, "text/plain", "bare")

    @called.not_found()
    def missing_called(error: NotFoundError) -> Response:
        return Response(404, "text/plain", "called")

    assert bare.resolve(event("GET", "/x"), None)["body"] == "bare"
    assert called.resolve(event("GET", "/x"), None)["body"] == "called"


def test_a_service_error_raised_by_an_exception_handler_answers_with_its_response() -> None:
    app = FakeResolver()

    @app.exception_handler(ValueError)
    def on_value_error(error: ValueError) -> Response:
        raise BadRequestError(f"bad value: {error}")

    @app.get("/a")
    def a() -> dict[str, int]:
        raise ValueError("x")

    result = app.resolve(event("GET", "/a"), None)

    assert result["status"] == 400
    assert _json(result) == {"statusCode": 400, "message": "bad value: x"}


def test_a_not_found_handler_that_raises_a_service_error_answers_with_it() -> None:
    app = FakeResolver()

    @app.not_found
    def missing(error: NotFoundError) -> Response:
        raise ServiceError(410, "gone")

    result = app.resolve(event("GET", "/x"), None)

    assert result["status"] == 410
    assert _json(result) == {"statusCode": 410, "message": "gone"}


def test_an_error_raised_by_a_handler_goes_to_the_handler_of_its_own_type_once() -> None:
    app = FakeResolver()
    calls: list[str] = []

    @app.exception_handler(KeyError)
    def on_key_error(error: KeyError) -> Response:
        calls.append("key")
        raise LookupError("from the KeyError handler")

    @app.exception_handler(LookupError)
    def on_lookup_error(error: LookupError) -> Response:
        calls.append("lookup")
        return Response(409, "text/plain", str(error))

    @app.get("/a")
    def a() -> dict[str, int]:
        raise KeyError("k")

    result = app.resolve(event("GET", "/a"), None)

    assert calls == ["key", "lookup"]
    assert (result["status"], result["body"]) == (409, "from the KeyError handler")


def test_a_handler_that_raises_its_own_type_again_propagates() -> None:
    app = FakeResolver()

    @app.exception_handler(ValueError)
    def again(error: ValueError) -> Response:
        raise ValueError("again")

    @app.get("/a")
    def a() -> dict[str, int]:
        raise ValueError("first")

    with pytest.raises(ValueError, match="again"):
        app.resolve(event("GET", "/a"), None)


def test_an_exception_handler_returning_none_is_reported_clearly() -> None:
    app = FakeResolver()

    @app.exception_handler(ValueError)
    def forgets(error: ValueError) -> None:
        return None

    @app.get("/a")
    def a() -> dict[str, int]:
        raise ValueError("x")

    with pytest.raises(TypeError, match="exception handler forgets returned None"):
        app.resolve(event("GET", "/a"), None)


def test_unhandled_exceptions_propagate_and_debug_answers_a_traceback() -> None:
    quiet, debug = FakeResolver(debug=False), FakeResolver(debug=True)
    for app in (quiet, debug):

        @app.get("/a")
        def a() -> dict[str, int]:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        quiet.resolve(event("GET", "/a"), None)
    result = debug.resolve(event("GET", "/a"), None)
    assert result["status"] == 500 and "RuntimeError: boom" in result["body"]


def test_a_router_rule_without_a_leading_slash_joins_its_prefix() -> None:
    router = Router()

    @router.get("<user_id>")
    def get_user(user_id: str) -> dict[str, str]:
        return {"user": user_id}

    app = FakeResolver()
    app.include_router(router, prefix="/users/")

    assert _json(app.resolve(event("GET", "/users/u1"), None)) == {"user": "u1"}
    with pytest.raises(ValueError, match="must start with '/'"):
        app.get("relative")


def test_routes_added_after_the_first_resolve_are_served() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})
    assert app.resolve(event("GET", "/b"), None)["status"] == 404

    app.get("/b")(lambda: {"b": 1})

    assert app.resolve(event("GET", "/b"), None)["status"] == 200


def test_strip_prefixes_and_trailing_slash() -> None:
    app = FakeResolver(strip_prefixes=["/pay"])
    app.get("/orders")(lambda: {"orders": []})

    assert app.resolve(event("GET", "/pay/orders/"), None)["status"] == 200
    assert app.resolve(event("GET", "/payment/orders"), None)["status"] == 404


def test_an_event_of_no_known_shape_is_a_clear_value_error() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})

    with pytest.raises(ValueError, match="FakeResolver expects"):
        app.resolve({"path": 3}, None)


def test_resolvers_are_callable_as_the_lambda_handler() -> None:
    app = FakeResolver()
    app.get("/a")(lambda: {"a": 1})
    lambda_handler = app

    assert lambda_handler(event("GET", "/a"), None)["status"] == 200


def test_the_test_client_speaks_the_source() -> None:
    app = FakeResolver()

    @app.post("/echo")
    def echo() -> dict[str, Any]:
        return {"body": app.current_event.json_body, "q": app.current_event.query_string_parameters}

    response = app.test_client().post("/echo?x=1", json={"a": 1})

    assert response.status_code == 200
    assert response.json() == {"body": {"a": 1}, "q": {"x": "1"}}


class UnprocessableError(Exception):
    """An exception that knows its own answer, as router-validation's errors do."""

    def default_response(self) -> Response:
        return Response(422, "application/json", {"detail": str(self)})


def test_an_exception_with_a_default_response_answers_with_it_unless_handled() -> None:
    app = FakeResolver()

    @app.get("/a")
    def a() -> dict[str, int]:
        raise UnprocessableError("bad limit")

    assert _json(app.resolve(event("GET", "/a"), None)) == {"detail": "bad limit"}

    @app.exception_handler(Exception)
    def catch_all(error: Exception) -> Response:
        return Response(500, "text/plain", "caught first")

    assert app.resolve(event("GET", "/a"), None)["body"] == "caught first"


@pytest.mark.parametrize("path", ["/dict", "/list"])
def test_json_that_escaping_doubles_past_the_limit_is_the_clear_500(path: str) -> None:
    app = FakeResolver()
    quotes = '"' * 1_600_000  # 3.2 MB of JSON text, 6.4 MB once the runtime escapes it
    app.get("/dict")(lambda: {"x": quotes})
    app.get("/list")(lambda: [quotes])
    app.get("/fits")(lambda: {"x": "a" * 3_000_000})  # 3 MB, nothing to escape: fits

    assert app.resolve(event("GET", path), None)["status"] == 500
    assert app.resolve(event("GET", "/fits"), None)["status"] == 200
