"""`BaseEvent`: the members every source's event offers, read by a handler through a fake
source, and what malformed parts of an event (headers, query, body) answer."""

from __future__ import annotations

import base64
import json
from typing import Any

import orjson
import pytest
from fake_source import FakeEvent, FakeResolver, event

from router_core.event import string_dict, string_list_dict
from router_core.exceptions import BadRequestError


def _with(raw: dict[str, Any], **parts: Any) -> dict[str, Any]:
    return {**raw, **parts}


def _json_app(read: Any, **options: Any) -> FakeResolver:
    """An app whose one route answers what `read(current_event)` gives."""
    app = FakeResolver(**options)

    @app.route("/read", method=["GET", "POST"])
    def handler() -> Any:
        return {"value": read(app.current_event)}

    return app


def _answer(app: FakeResolver, raw: dict[str, Any]) -> tuple[int, Any]:
    result = app.resolve(raw, None)
    return result["status"], orjson.loads(result["body"])


# -- headers ------------------------------------------------------------------------------------
def test_headers_are_looked_up_without_regard_to_case() -> None:
    raw = event("GET", "/read", **{"X-Request-Id": "abc", "content-type": "text/plain"})
    app = _json_app(
        lambda e: [
            e.headers["x-request-id"],
            e.get_header_value("CONTENT-TYPE"),
            e.get_header_value("Missing", "fallback"),
            e.get_header_value("x-request-id", case_sensitive=True),
            "X-REQUEST-ID" in e.headers,
            sorted(e.headers),
            len(e.headers),
        ]
    )

    names = ["content-type", "x-request-id"]
    assert _answer(app, raw) == (
        200,
        {"value": ["abc", "text/plain", "fallback", "abc", True, names, 2]},
    )


def test_multi_value_headers_give_every_value_and_the_last_as_the_header() -> None:
    raw = _with(
        event("GET", "/read", Accept="text/html"),
        multiValueHeaders={"X-Forwarded-For": ["1.1.1.1", "2.2.2.2"], "Accept": ["text/html"]},
    )
    app = _json_app(
        lambda e: {
            "last": e.headers["x-forwarded-for"],
            "all": e.headers.get_all("X-Forwarded-For"),
            "one": e.headers.get_all("accept"),
            "none": e.headers.get_all("x-missing"),
            "multi": e.multi_value_headers.get("X-FORWARDED-FOR"),
            "multi_names": sorted(e.multi_value_headers),
            "resolved": dict(e.resolved_headers_field),
        }
    )

    assert _answer(app, raw)[1]["value"] == {
        "last": "2.2.2.2",
        "all": ["1.1.1.1", "2.2.2.2"],
        "one": ["text/html"],
        "none": [],
        "multi": ["1.1.1.1", "2.2.2.2"],
        "multi_names": ["accept", "x-forwarded-for"],
        "resolved": {"accept": "text/html", "x-forwarded-for": "2.2.2.2"},
    }


@pytest.mark.parametrize(
    ("headers", "multi", "names"),
    [
        (None, None, []),
        ("Accept: */*", ["a"], []),
        ({"Ok": "yes", "Number": 5, 7: "seven", "List": ["x"]}, {"Bad": "no", 3: ["x"]}, ["ok"]),
        ({"Ok": "yes"}, {"Empty": [], "Numbers": [1, 2], "Mixed": [None, "kept"]}, ["mixed", "ok"]),
    ],
)
def test_malformed_headers_are_ignored_not_a_crash(
    headers: Any, multi: Any, names: list[str]
) -> None:
    raw = _with(event("GET", "/read"), headers=headers, multiValueHeaders=multi)
    app = _json_app(lambda e: {"names": sorted(e.headers), "mixed": e.headers.get_all("mixed")})

    status, body = _answer(app, raw)

    assert status == 200
    assert body["value"] == {"names": names, "mixed": ["kept"] if "mixed" in names else []}


def test_headers_mapping_reprs_and_missing_keys() -> None:
    from router_core.headers import Headers

    headers = Headers.from_event({"A": "1"}, {"B": ["2", "3"]})

    with pytest.raises(KeyError):
        headers["missing"]
    assert headers.get("b") == "3"
    assert 5 not in headers
    assert repr(headers) == "Headers({'a': '1', 'b': '3'})"
    multi = headers.multi_value()
    assert multi["B"] == ["2", "3"]
    assert "b" in multi and 5 not in multi and len(multi) == 1
    assert repr(multi) == "MultiValueHeaders({'b': ['2', '3']})"
    assert Headers.from_event({"A": "1"}).multi_value() == {}


# -- query string -------------------------------------------------------------------------------
def test_query_string_values_single_and_multi() -> None:
    raw = _with(
        event("GET", "/read"),
        queryStringParameters={"tag": "b", "page": "2", "bad": 3},
        query={"tag": ["a", "b"], "junk": [1]},
    )
    app = _json_app(
        lambda e: [
            e.query_string_parameters,
            e.multi_value_query_string_parameters,
            e.get_query_string_value("page"),
            e.get_query_string_value("missing", "default"),
            e.get_multi_value_query_string_values("tag"),
            e.get_multi_value_query_string_values("page"),
            e.get_multi_value_query_string_values("missing"),
            e.get_multi_value_query_string_values("missing", ["x"]),
        ]
    )

    assert _answer(app, raw)[1]["value"] == [
        {"tag": "b", "page": "2"},
        {"tag": ["a", "b"]},
        "2",
        "default",
        ["a", "b"],
        ["2"],
        [],
        ["x"],
    ]


def test_resolved_query_string_parameters_split_comma_joined_values() -> None:
    raw = _with(event("GET", "/read"), queryStringParameters={"ids": "1,2", "q": "x"})
    app = _json_app(lambda e: e.resolved_query_string_parameters)

    assert _answer(app, raw)[1]["value"] == {"ids": ["1", "2"], "q": ["x"]}


@pytest.mark.parametrize("query", [None, [], "a=1", {"k": None}])
def test_a_malformed_query_is_empty_not_a_crash(query: Any) -> None:
    raw = _with(event("GET", "/read"), queryStringParameters=query, query=query)
    app = _json_app(lambda e: [e.query_string_parameters, e.multi_value_query_string_parameters])

    assert _answer(app, raw) == (200, {"value": [{}, {}]})


def test_string_helpers_keep_only_string_entries() -> None:
    assert string_dict({"a": "1", "b": 2, 3: "c"}) == {"a": "1"}
    assert string_dict(["a"]) == {}
    assert string_list_dict({"a": ["1", 2], "b": [3], "c": "x", 4: ["y"]}) == {"a": ["1"]}
    assert string_list_dict(None) == {}


# -- body -----------------------------------------------------------------------------------------
def test_body_as_sent_bytes_and_text() -> None:
    raw = _with(event("POST", "/read"), body="héllo")
    app = _json_app(lambda e: [e.body, e.body_bytes.hex(), e.decoded_body, e.is_base64_encoded])

    assert _answer(app, raw)[1]["value"] == ["héllo", "68c3a96c6c6f", "héllo", False]


def test_a_base64_body_is_decoded_for_bytes_and_text_but_sent_as_is_in_body() -> None:
    encoded = base64.b64encode("día".encode()).decode()
    raw = _with(event("POST", "/read"), body=encoded, isBase64Encoded=True)
    app = _json_app(lambda e: [e.body, e.body_bytes.decode(), e.decoded_body])

    assert _answer(app, raw)[1]["value"] == [encoded, "día", "día"]


@pytest.mark.parametrize(
    ("body", "is_base64", "member", "message"),
    [
        ("%%%not base64", True, "body_bytes", "Request body is not valid base64"),
        ("YWJj=ZGVm", True, "json_body", "Request body is not valid base64"),
        (base64.b64encode(b"\xff\xfe").decode(), True, "decoded_body", "not valid UTF-8"),
        (base64.b64encode(b"\xff\xfe").decode(), True, "json_body", "not valid JSON"),
        ("lone \ud800 surrogate", False, "body_bytes", "Request body is not valid UTF-8"),
        ("lone \udfff surrogate", False, "json_body", "Request body is not valid UTF-8"),
        ("{not json", False, "json_body", "Request body is not valid JSON"),
        ('{"a": NaN}', False, "json_body", "Request body is not valid JSON"),
        ('"\\ud800"', False, "json_body", "Request body is not valid JSON"),
        ("[" * 600 + "]" * 600, False, "json_body", "nests deeper than 512 levels"),
        ("[" * 2000 + "]" * 2000, False, "json_body", "nests deeper than 512 levels"),
    ],
)
def test_a_malformed_body_answers_400_with_a_clear_message(
    body: str, is_base64: bool, member: str, message: str
) -> None:
    raw = _with(event("POST", "/read"), body=body, isBase64Encoded=is_base64)
    app = _json_app(lambda e: repr(getattr(e, member)))

    status, answer = _answer(app, raw)

    assert status == 400
    assert answer["statusCode"] == 400
    assert message in answer["message"]


def test_a_malformed_body_error_is_also_a_value_error_for_powertools_handlers() -> None:
    app = _json_app(lambda e: e.json_body)
    seen: list[str] = []

    @app.exception_handler(ValueError)
    def invalid(error: ValueError) -> tuple[dict[str, str], int]:
        seen.append(type(error).__name__)
        assert isinstance(error, BadRequestError)
        return {"invalid": str(error)}, 422

    status, answer = _answer(app, _with(event("POST", "/read"), body="{"))

    assert (status, answer) == (422, {"invalid": "Request body is not valid JSON"})
    assert seen == ["BadRequestBodyError"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (None, None),
        ("", None),
        ("[1, 2]", [1, 2]),
        ('{"big": 123456789012345678901234567890}', {"big": 123456789012345678901234567890}),
        ('{"neg": -9223372036854775809}', {"neg": -9223372036854775809}),
        ('"[[[[[[[[[[[[[[[[[[[[[[[[[[["', "[" * 27),
        ('["' + "[" * 1100 + '"]', ["[" * 1100]),
    ],
)
def test_json_body_parses_exactly(body: str | None, expected: Any) -> None:
    app = FakeResolver()

    @app.post("/big")
    def big() -> dict[str, Any]:
        value = app.current_event.json_body
        # The same object on a second read: parsed once.
        assert app.current_event.json_body is value
        return {"repr": repr(value)}

    status, answer = _answer(app, _with(event("POST", "/big"), body=body))

    assert (status, answer) == (200, {"repr": repr(expected)})


def test_json_body_at_the_depth_cap_is_accepted() -> None:
    depth = 512
    app = _json_app(lambda e: len(json.dumps(e.json_body)))

    raw = _with(event("POST", "/read"), body="[" * depth + "]" * depth)

    assert _answer(app, raw) == (200, {"value": 2 * depth})


def test_a_json_body_deserializer_reads_the_decoded_text() -> None:
    calls: list[str] = []

    def deserializer(text: str) -> Any:
        calls.append(text)
        return json.loads(text)

    app = _json_app(lambda e: e.json_body, json_body_deserializer=deserializer)
    encoded = base64.b64encode(b'{"n": 1}').decode()

    plain = _with(event("POST", "/read"), body='{"n": 1}')
    assert _answer(app, plain) == (200, {"value": {"n": 1}})
    raw = _with(event("POST", "/read"), body=encoded, isBase64Encoded=True)
    assert _answer(app, raw) == (200, {"value": {"n": 1}})
    assert calls == ['{"n": 1}', '{"n": 1}']
    status, answer = _answer(app, _with(event("POST", "/read"), body="{"))
    assert (status, answer["message"]) == (400, "Request body is not valid JSON")


def test_a_deserializer_raising_a_service_error_answers_with_it() -> None:
    from router_core.exceptions import BadRequestBodyError

    def strict(text: str) -> Any:
        raise BadRequestBodyError("numbers only")

    app = _json_app(lambda e: e.json_body, json_body_deserializer=strict)

    assert _answer(app, _with(event("POST", "/read"), body="x")) == (
        400,
        {"statusCode": 400, "message": "numbers only"},
    )


# -- cookies, path parameters, stage variables, request context ---------------------------------
def test_cookies_are_a_dict_and_the_first_of_a_repeated_name_wins() -> None:
    raw = _with(
        event("GET", "/read"),
        multiValueHeaders={"Cookie": ["session=abc; theme=dark", "session=zzz; lang=fr"]},
    )
    app = _json_app(lambda e: [e.cookies, e.resolved_cookies_field is e.cookies])

    assert _answer(app, raw)[1]["value"] == [
        {"session": "abc", "theme": "dark", "lang": "fr"},
        True,
    ]


def test_cookies_without_a_cookie_header_are_empty() -> None:
    assert _answer(_json_app(lambda e: e.cookies), event("GET", "/read")) == (200, {"value": {}})


def test_path_parameters_and_stage_variables_keep_string_entries_only() -> None:
    raw = _with(
        event("GET", "/read"),
        pathParameters={"proxy": "a/b", "n": 1},
        stageVariables={"env": "prod", "bad": None},
    )
    app = _json_app(lambda e: [e.path_parameters, e.stage_variables])

    assert _answer(app, raw)[1]["value"] == [{"proxy": "a/b"}, {"env": "prod"}]


def test_request_context_is_a_view_over_the_event_dict() -> None:
    context = {"requestId": "id-1", "stage": "prod"}
    raw = _with(event("GET", "/read"), requestContext=context)
    app = FakeResolver()

    @app.get("/read")
    def read() -> dict[str, Any]:
        view = app.current_event.request_context
        assert view.raw_event is context  # no copy
        assert app.current_event.request_context is view  # made once
        return {
            "id": view["requestId"],
            "stage": view.get("stage"),
            "missing": view.get("missing", "none"),
            "has": "stage" in view,
            "keys": list(view),
            "len": len(view),
            "repr": repr(view),
        }

    assert _answer(app, raw)[1] == {
        "id": "id-1",
        "stage": "prod",
        "missing": "none",
        "has": True,
        "keys": ["requestId", "stage"],
        "len": 2,
        "repr": "DictView({'requestId': 'id-1', 'stage': 'prod'})",
    }


# -- the event as a mapping ---------------------------------------------------------------------
def test_the_event_is_a_read_only_mapping_over_the_raw_dict() -> None:
    raw = event("GET", "/read", Accept="*/*")
    fake = FakeEvent(raw)

    assert fake.raw_event is raw
    assert fake["path"] == "/read"
    assert fake.get("missing", 1) == 1
    assert "method" in fake and "nothing" not in fake
    assert list(fake) == list(raw) and len(fake) == len(raw)
    assert repr(fake) == "FakeEvent(GET /read)"
    # Equal events are still distinct requests.
    assert fake != FakeEvent(dict(raw)) and fake == fake
    assert len({fake, FakeEvent(dict(raw))}) == 2


def test_an_event_can_be_built_without_validation() -> None:
    fake = FakeEvent({"method": 1}, validate=False)

    with pytest.raises(ValueError, match="FakeResolver expects"):
        fake.route_target()
