"""Rule parsing: segment kinds, converters, and the errors a malformed rule raises."""

from __future__ import annotations

import uuid

import pytest

from router_core.routing import parse_rule
from router_core.routing.rules import (
    GREEDY,
    LITERAL,
    MIXED,
    PARAM,
    PATTERN,
    SPAN,
    TYPED,
    normalize_path,
)


@pytest.mark.parametrize(
    ("rule", "kinds"),
    [
        ("/", []),
        ("/todos", [LITERAL]),
        ("/todos/", [LITERAL]),
        ("/openapi.json", [LITERAL]),
        ("/todos/<todo_id>", [LITERAL, PARAM]),
        ("/todos/<todo_id:int>", [LITERAL, TYPED]),
        ("/todos/<todo_id:uuid>", [LITERAL, TYPED]),
        ("/prices/<amount:float>", [LITERAL, TYPED]),
        ("/files/<name:path>", [LITERAL, GREEDY]),
        ("/.+", [GREEDY]),
        ("/proxy/.+/items", [LITERAL, GREEDY, LITERAL]),
        ("/v[0-9]+/users", [PATTERN, LITERAL]),
        ("/file-<name>.txt", [MIXED]),
        ("/<id>.json", [MIXED]),
        ("/<a>-<b:int>", [MIXED]),
        ("/x/[^/]+", [LITERAL, PATTERN]),
        ("/x/\\d+", [LITERAL, PATTERN]),
        ("/x/(a|b)", [LITERAL, PATTERN]),
        ("/x/v(?P<n>[0-9]+)", [LITERAL, PATTERN]),
        ("/x/a.*b", [LITERAL, SPAN]),
        ("/x/\\D+", [LITERAL, SPAN]),
        ("/x/[^a]", [LITERAL, SPAN]),
        ("/x/[!-~]+", [LITERAL, SPAN]),
        ("/x/(a/b|c)/d", [LITERAL, SPAN, LITERAL]),
        ("/x/f-<rest:path>", [LITERAL, SPAN]),
        ("/x/.*", [LITERAL, GREEDY]),
        ("/x/(?P<rest>.+)", [LITERAL, GREEDY]),
        ("/a<b", [LITERAL]),
    ],
)
def test_segment_kinds(rule: str, kinds: list[str]) -> None:
    assert [segment.kind for segment in parse_rule(rule).segments] == kinds


def test_ranks_follow_the_explicitness_order() -> None:
    rule = parse_rule("/a/<b>.json/<c:int>/<d:float>/[a-z]+/<e>/a.*b/.+")
    assert rule.ranks == (0, 1, 2, 3, 3, 4, 5, 6)


def test_a_slash_inside_a_character_class_or_group_does_not_split_the_rule() -> None:
    assert [s.text for s in parse_rule("/x/[^/]+/y").segments] == ["x", "[^/]+", "y"]
    assert [s.text for s in parse_rule("/x/[]/]+/y").segments] == ["x", "[]/]+", "y"]
    assert [s.text for s in parse_rule("/x/(a/b|c)/y").segments] == ["x", "(a/b|c)", "y"]


def test_mixed_segment_text_is_literal() -> None:
    (segment,) = parse_rule("/<id>.json").segments
    assert segment.regex == r"(?P<id>[^/]+)\.json"


@pytest.mark.parametrize(
    ("rule", "prefix"),
    [
        ("/item-[0-9]+", "item-"),
        ("/ab*c", "a"),
        ("/ab?", "a"),
        ("/ab{2}", "a"),
        ("/a|b", ""),
        ("/(?i)ab", ""),
        ("/v<n:int>.txt", "v"),
        ("/v.+x", "v"),
        ("/literal", "literal"),
    ],
)
def test_literal_prefix_is_text_every_match_starts_with(rule: str, prefix: str) -> None:
    (segment,) = parse_rule(rule).segments
    assert segment.literal_prefix() == prefix


def test_powertools_catch_all_may_omit_the_leading_slash() -> None:
    # Powertools matches ".+" against the whole path, "/" included.
    assert parse_rule(".+").text == "/.*"
    assert [segment.kind for segment in parse_rule(".+").segments] == [GREEDY]
    assert parse_rule("v[0-9]+/users").text == "/v[0-9]+/users"


def test_trailing_slash_is_dropped_from_the_rule() -> None:
    assert parse_rule("/todos/").text == "/todos"
    assert parse_rule("/").text == "/"


def test_static_rules_have_a_static_path_and_dynamic_ones_do_not() -> None:
    assert parse_rule("/a/b.json").static_path == "/a/b.json"
    assert parse_rule("/a/<b>").static_path is None


def test_names_and_converters_are_collected_in_order() -> None:
    rule = parse_rule("/users/<user_id:int>/files/<name:path>")
    assert rule.names == ("user_id", "name")
    assert rule.converters["user_id"].convert("42") == 42
    value = "12345678-1234-5678-1234-567812345678"
    assert parse_rule("/x/<u:uuid>").converters["u"].convert(value) == uuid.UUID(value)


def test_shape_ignores_parameter_names() -> None:
    assert parse_rule("/a/<x>").shape == parse_rule("/a/<y>").shape
    assert parse_rule("/a/<x:int>").shape != parse_rule("/a/<x>").shape


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("todos", "must start with '/'"),
        ("/a//b", "empty segment"),
        ("/a/<x>/<x>", "parameter name 'x' twice"),
        ("/a/<x:bogus>", "unknown converter 'bogus'"),
        ("/a/(unclosed", "not a valid regex"),
    ],
)
def test_malformed_rules_are_refused_with_the_rule_named(rule: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as raised:
        parse_rule(rule)
    assert repr(rule) in str(raised.value)


def test_a_rule_must_be_a_string() -> None:
    with pytest.raises(TypeError):
        parse_rule(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "normalized"), [("/", "/"), ("/a/", "/a"), ("/a//", "/a"), ("", "/"), ("a", "/a")]
)
def test_normalize_path(path: str, normalized: str) -> None:
    assert normalize_path(path) == normalized
