"""Typed parameters and validation through real-shaped events of every source, with both
engines: the same app written with pydantic models and with msgspec Structs."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Optional

import msgspec
import pytest

from router_core import Response
from router_validation import Body, Cookie, Header, Path, Query, RequestValidationError

pydantic = pytest.importorskip("pydantic")


class PItem(pydantic.BaseModel):
    name: str
    qty: int


class SItem(msgspec.Struct):
    name: str
    qty: int


class PFilter(pydantic.BaseModel):
    color: str
    size: int = 1


class SFilter(msgspec.Struct):
    color: str
    size: int = 1


ENGINES = {"pydantic": (PItem, PFilter), "msgspec": (SItem, SFilter)}


def typed(**annotations: Any) -> Any:
    """Set annotations as objects: the handlers below name an engine's model chosen at run
    time, which a postponed (string) annotation could not find in the module."""

    def apply(func: Any) -> Any:
        func.__annotations__.update(annotations)
        return func

    return apply


def build(source: Any, engine: str, **options: Any) -> Any:
    """One app of typed routes, with the engine's models (chosen by the models' kind)."""
    Item, Filter = ENGINES[engine]
    app = source.app(enable_validation=True, **options)

    @app.get("/todos/<todo_id>")
    def get_todo(
        todo_id: int,
        limit: Annotated[int, Query(gt=0, le=100)] = 10,
        tags: Annotated[list[str], Query()] = [],  # noqa: B006  (Powertools apps write it so)
        x_trace_id: Annotated[Optional[str], Header()] = None,
        session: Annotated[Optional[str], Cookie()] = None,
    ) -> dict[str, Any]:
        return {"id": todo_id, "limit": limit, "tags": tags, "trace": x_trace_id, "s": session}

    @app.post("/items", status_code=201)
    @typed(item=Item, **{"return": Item})
    def create(item: Any) -> Any:
        return item

    @app.post("/many")
    @typed(items=list[Item])
    def many(items: Any) -> int:
        return len(items)

    @app.post("/embedded")
    @typed(item=Annotated[Item, Body(embed=True)])
    def embedded(item: Any, note: Annotated[str, Body()]) -> str:
        return f"{note}:{item.name}"

    @app.get("/search")
    @typed(filters=Annotated[Filter, Query()])
    def search(filters: Any) -> dict[str, Any]:
        return {"color": filters.color, "size": filters.size}

    @app.get("/wrapped")
    @typed(**{"return": Response[Item]})
    def wrapped() -> Any:
        return Response(200, "application/json", {"name": "w", "qty": "7", "extra": 1})

    @app.get("/broken")
    @typed(**{"return": Item})
    def broken() -> Any:
        return {"name": "b"}

    return app


@pytest.fixture(params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_path_query_header_and_cookie_values_are_coerced(source: Any, engine: str) -> None:
    client = source.client(build(source, engine))

    response = client.get(
        "/todos/42?limit=5&tags=a&tags=b",
        headers={"X-Trace-Id": "t-1"},
        cookies={"session": "s-1"},
    )

    # ALB without multi-value headers delivers the last value of a repeated name only.
    tags = ["b"] if source.name == "alb" else ["a", "b"]
    assert response.status_code == 200
    assert response.json() == {"id": 42, "limit": 5, "tags": tags, "trace": "t-1", "s": "s-1"}


def test_defaults_apply_when_the_request_does_not_carry_a_parameter(
    source: Any, engine: str
) -> None:
    response = source.client(build(source, engine)).get("/todos/1")

    assert response.json() == {"id": 1, "limit": 10, "tags": [], "trace": None, "s": None}


def test_invalid_parameters_answer_422_in_powertools_shape(source: Any, engine: str) -> None:
    response = source.client(build(source, engine)).get("/todos/x?limit=0")

    assert response.status_code == 422
    assert response.header("Content-Type") == "application/json"
    assert response.json() == {
        "statusCode": 422,
        "detail": [
            {"loc": ["path", "todo_id"], "type": "int_parsing"},
            {"loc": ["query", "limit"], "type": "greater_than"},
        ],
    }


def test_a_json_body_model_is_validated_and_the_status_code_applies(
    source: Any, engine: str
) -> None:
    client = source.client(build(source, engine))

    created = client.post("/items", json={"name": "pen", "qty": "3"})
    missing = client.post("/items", json={"name": "pen"})
    wrong = client.post("/items", json={"name": "pen", "qty": "many"})

    assert (created.status_code, created.json()) == (201, {"name": "pen", "qty": 3})
    assert missing.status_code == 422
    assert missing.json()["detail"] == [{"loc": ["body", "qty"], "type": "missing"}]
    assert wrong.json()["detail"] == [{"loc": ["body", "qty"], "type": "int_parsing"}]


def test_a_bare_list_parameter_is_the_body(source: Any, engine: str) -> None:
    client = source.client(build(source, engine))

    ok = client.post("/many", json=[{"name": "a", "qty": 1}, {"name": "b", "qty": 2}])
    bad = client.post("/many", json=[{"name": "a", "qty": 1}, {"name": "b"}])

    assert ok.json() == 2
    assert bad.json()["detail"] == [{"loc": ["body", 1, "qty"], "type": "missing"}]


def test_embedded_and_several_body_parameters_are_members_of_the_body(
    source: Any, engine: str
) -> None:
    client = source.client(build(source, engine))

    ok = client.post("/embedded", json={"item": {"name": "a", "qty": 1}, "note": "n"})
    bad = client.post("/embedded", json={"item": {"name": "a", "qty": 1}})

    assert ok.text == "n:a"
    assert bad.json()["detail"] == [{"loc": ["body", "note"], "type": "missing"}]


def test_a_model_annotated_query_reads_its_fields_from_the_query_string(
    source: Any, engine: str
) -> None:
    client = source.client(build(source, engine))

    ok = client.get("/search?color=red&size=3")
    bad = client.get("/search?size=3")

    assert ok.json() == {"color": "red", "size": 3}
    assert bad.status_code == 422
    assert bad.json()["detail"] == [{"loc": ["query", "filters", "color"], "type": "missing"}]


@pytest.mark.parametrize(
    ("body", "loc"),
    [("{bad", ["body", 1]), ('{"name": "a",', ["body", 13]), ("", ["body"])],
)
def test_a_malformed_or_absent_json_body_answers_422_under_body(
    source: Any, engine: str, body: str, loc: list[Any]
) -> None:
    client = source.client(build(source, engine))

    response = client.post("/items", body=body, headers={"Content-Type": "application/json"})

    assert response.status_code == 422
    kind = "missing" if not body else "json_invalid"
    assert response.json() == {"statusCode": 422, "detail": [{"loc": loc, "type": kind}]}


def test_an_unsupported_content_type_for_a_body_answers_415(source: Any, engine: str) -> None:
    client = source.client(build(source, engine))

    response = client.post("/items", body="name=a", headers={"Content-Type": "text/csv"})

    assert response.status_code == 415
    assert response.json() == {
        "statusCode": 415,
        "detail": [{"loc": ["body"], "type": "unsupported_content_type"}],
    }


def test_response_models_validate_and_serialize_the_body(source: Any, engine: str) -> None:
    client = source.client(build(source, engine))

    wrapped = client.get("/wrapped")
    broken = client.get("/broken")

    assert wrapped.json() == {"name": "w", "qty": 7}  # coerced, unknown member dropped
    assert broken.status_code == 422
    assert broken.json()["detail"] == [{"loc": ["response", "qty"], "type": "missing"}]


def test_response_validation_error_http_code_and_the_route_override(
    source: Any, engine: str
) -> None:
    app = build(source, engine, response_validation_error_http_code=500)
    Item = ENGINES[engine][0]

    @app.get("/route-code", custom_response_validation_http_code=418)
    @typed(**{"return": Item})
    def route_code() -> Any:
        return {"qty": 1}

    client = source.client(app)
    app_wide = client.get("/broken")
    per_route = client.get("/route-code")

    assert app_wide.status_code == 500
    assert app_wide.json() == {
        "statusCode": 500,
        "detail": [{"loc": ["response", "qty"], "type": "missing"}],
    }
    assert per_route.status_code == 418
    assert per_route.json()["detail"] == [{"loc": ["response", "name"], "type": "missing"}]


def test_request_validation_error_can_be_handled(source: Any, engine: str) -> None:
    app = build(source, engine)

    @app.exception_handler(RequestValidationError)
    def handle(error: RequestValidationError) -> Response[Any]:
        fields = [".".join(str(p) for p in e["loc"]) for e in error.errors()]
        return Response(400, "application/json", {"invalid": fields})

    response = source.client(app).get("/todos/x")

    assert (response.status_code, response.json()) == (400, {"invalid": ["path.todo_id"]})


def test_a_catch_all_handler_sees_validation_errors_first(source: Any, engine: str) -> None:
    app = build(source, engine)

    @app.exception_handler(Exception)
    def handle(error: Exception) -> Response[Any]:
        return Response(599, "text/plain", type(error).__name__)

    response = source.client(app).get("/todos/x")

    assert (response.status_code, response.text) == (599, "RequestValidationError")


def test_request_validation_runs_before_middlewares_and_response_after(
    source: Any, engine: str
) -> None:
    app = build(source, engine)
    seen: list[Any] = []

    def spy(app: Any, next_middleware: Any) -> Any:
        seen.append(app.context.get("_route_args"))
        response = next_middleware(app)
        seen.append(response.body)
        return response

    app.use([spy])
    client = source.client(app)

    rejected = client.get("/todos/x")
    accepted = client.get("/todos/7?limit=2")

    assert rejected.status_code == 422
    assert accepted.status_code == 200
    # One call only (the valid one), with validated values; the handler's raw value after.
    assert seen[0]["todo_id"] == 7 and seen[0]["limit"] == 2
    assert seen[1] == {"id": 7, "limit": 2, "tags": [], "trace": None, "s": None}
    assert len(seen) == 2


def test_validation_per_route(source: Any) -> None:
    app = source.app()

    @app.get("/checked/<n>", enable_validation=True)
    def checked(n: int) -> dict[str, Any]:
        return {"n": n}

    @app.get("/unchecked/<n>")
    def unchecked(n: str) -> dict[str, Any]:
        return {"n": n}

    client = source.client(app)

    assert [e.name for e in app.extensions] == ["validation"]
    assert client.get("/checked/5").json() == {"n": 5}
    assert client.get("/checked/x").status_code == 422
    assert client.get("/unchecked/x").json() == {"n": "x"}


def test_a_route_can_opt_out_of_the_apps_validation(source: Any) -> None:
    app = source.app(enable_validation=True)

    @app.get("/raw/<n>", enable_validation=False)
    def raw(n: str) -> int:
        return {"n": n}  # type: ignore[return-value]  # not validated

    assert source.client(app).get("/raw/x").json() == {"n": "x"}


def test_path_marker_constraints_apply(source: Any, engine: str) -> None:
    app = source.app(enable_validation=True, validation_engine=engine)

    @app.get("/codes/<code>")
    def code(code: Annotated[str, Path(min_length=3, pattern="^[A-Z]+$")]) -> str:
        return code

    client = source.client(app)

    assert client.get("/codes/ABC").text == "ABC"
    assert client.get("/codes/AB").json()["detail"] == [
        {"loc": ["path", "code"], "type": "string_too_short"}
    ]
    assert client.get("/codes/abc").json()["detail"] == [
        {"loc": ["path", "code"], "type": "string_pattern_mismatch"}
    ]


def test_definition_errors_name_the_rule(source: Any) -> None:
    with pytest.raises(ValueError, match="need enable_validation=True"):
        source.app(response_validation_error_http_code=500)
    with pytest.raises(ValueError, match="validation_engine must be one of"):
        source.app(enable_validation=True, validation_engine="marshmallow")
    with pytest.raises(ValueError, match="must be an HTTP status code"):
        source.app(enable_validation=True, response_validation_error_http_code=1234)
    app = source.app()
    with pytest.raises(ValueError, match="custom_response_validation_http_code needs"):
        app.get("/x", custom_response_validation_http_code=500)(lambda: None)


def test_msgspec_engine_refuses_pydantic_models_clearly(source: Any) -> None:
    app = source.app(enable_validation=True, validation_engine="msgspec")

    @app.post("/items")
    def create(item: PItem) -> None: ...

    with pytest.raises(TypeError, match="cannot validate pydantic models"):
        app.compile()


def test_a_converted_path_parameter_annotated_str_receives_its_text(
    source: Any, engine: str
) -> None:
    app = source.app(enable_validation=True, validation_engine=engine)

    @app.get("/users/<user_id:uuid>/todos/<number:int>")
    def user(user_id: str, number: str) -> dict[str, str]:
        return {"user": user_id, "number": number}

    @app.get("/files/<key:uuid>")
    def file(key: uuid.UUID) -> str:
        return f"{type(key).__name__}:{key}"

    client = source.client(app)
    key = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

    assert client.get(f"/users/{key}/todos/7").json() == {"user": key, "number": "7"}
    assert client.get(f"/files/{key}").text == f"UUID:{key}"
