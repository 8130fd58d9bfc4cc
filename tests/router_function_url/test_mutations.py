"""Property test: Function URL events with junk paths, query strings, cookies and bodies.

The path arrives percent-encoded and is decoded by the route table, so broken escapes
(`%`, `%zz`, `%C3` alone) must route or miss like any other text: every event gets a
well-formed payload 2.0 response, never an exception.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from router_function_url import LambdaFunctionUrlResolver

PATH_TEXT = st.text(alphabet="ab/%2FzC3é+ ", max_size=16)


def build_app() -> LambdaFunctionUrlResolver:
    app = LambdaFunctionUrlResolver()

    @app.route("/files/<name>", method=["GET", "POST"])
    def get_file(name: str) -> dict[str, Any]:
        event = app.current_event
        return {
            "name": name,
            "query": event.multi_value_query_string_parameters,
            "cookies": event.cookies,
            "body": event.json_body if event.http_method == "POST" else None,
        }

    @app.get("/docs/<rest:path>")
    def get_doc(rest: str) -> dict[str, Any]:
        return {"rest": rest}

    return app


APP = build_app()


@settings(max_examples=400, deadline=None)
@given(
    method=st.sampled_from(["GET", "POST", "DELETE", "get"]),
    path=st.one_of(
        PATH_TEXT, PATH_TEXT.map(lambda p: "/files/" + p), PATH_TEXT.map(lambda p: "/docs/" + p)
    ),
    query=st.text(alphabet="ab=&,+%2F", max_size=16),
    cookies=st.lists(
        st.one_of(st.text(alphabet="a=; ", max_size=6), st.integers(), st.none()), max_size=3
    ),
    body=st.one_of(st.none(), st.just("{"), st.just('{"a": 1}'), st.text(max_size=8)),
    is_base64=st.booleans(),
)
def test_junk_gets_a_well_formed_answer(
    url_event: Any,
    method: str,
    path: str,
    query: str,
    cookies: list[Any],
    body: str | None,
    is_base64: bool,
) -> None:
    event = url_event(
        method,
        path,
        raw_query_string=query,
        cookies=cookies,
        body=body,
        is_base64_encoded=is_base64,
    )

    result = APP.resolve(event, None)

    assert list(result) == ["statusCode", "headers", "cookies", "body", "isBase64Encoded"]
    assert result["statusCode"] in (200, 400, 404, 405), result
    assert isinstance(result["body"], str)
