"""The route table: most explicit route wins whatever the order, 405 data, conflicts."""

from __future__ import annotations

import itertools

import pytest

from router_core.routing import Match, RouteTable, parse_rule


def table_of(*rules: str | tuple[str, str]) -> RouteTable:
    table = RouteTable()
    for item in rules:
        rule, method = (item, "GET") if isinstance(item, str) else item
        table.add(parse_rule(rule), [method], rule)
    return table


def matched(table: RouteTable, path: str, method: str = "GET") -> object:
    return table.match(method, path).route


def found(table: RouteTable, path: str, method: str = "GET", **kw: bool) -> tuple[object, dict]:
    match = table.match(method, path, **kw)
    return match.route, match.params


EXPLICITNESS = [
    "/items/latest",
    "/items/<item_id:int>",
    "/items/<slug>",
    "/items/[a-z]+-[0-9]+",
    "/items/.+",
]


@pytest.mark.parametrize("order", list(itertools.permutations(EXPLICITNESS)))
def test_most_explicit_route_wins_whatever_the_registration_order(order: tuple[str, ...]) -> None:
    table = table_of(*order)
    assert matched(table, "/items/latest") == "/items/latest"
    assert matched(table, "/items/42") == "/items/<item_id:int>"
    assert matched(table, "/items/widget") == "/items/<slug>"
    assert matched(table, "/items/a/b") == "/items/.+"


def test_regex_segment_beats_greedy_one() -> None:
    table = table_of("/f/.+", "/f/<name:path>", "/f/[a-z]+/x")
    # The regex segment [a-z]+ is more explicit than the greedy ones at the first difference.
    assert matched(table, "/f/abc/x") == "/f/[a-z]+/x"
    # Between two greedy rules of the same rank, the earlier registration wins.
    assert matched(table, "/f/abc/y") == "/f/.+"


def test_int_beats_float_and_float_beats_plain() -> None:
    table = table_of("/p/<v>", "/p/<v:float>", "/p/<v:int>")
    assert found(table, "/p/3", "GET") == ("/p/<v:int>", {"v": 3})
    assert found(table, "/p/3.5", "GET") == ("/p/<v:float>", {"v": 3.5})
    assert found(table, "/p/x", "GET") == ("/p/<v>", {"v": "x"})


def test_a_static_route_does_not_hide_a_dynamic_one_of_another_method() -> None:
    table = table_of(("/users/me", "GET"), ("/users/<user_id>", "DELETE"))
    assert found(table, "/users/me", "DELETE") == ("/users/<user_id>", {"user_id": "me"})
    assert found(table, "/users/me", "GET") == ("/users/me", {})


def test_a_deeper_dead_end_backtracks_to_a_less_explicit_sibling() -> None:
    table = table_of("/a/b/c", "/a/<x>/d")
    assert found(table, "/a/b/d", "GET") == ("/a/<x>/d", {"x": "b"})


def test_literal_segments_are_not_regexes() -> None:
    table = table_of("/openapi.json")
    assert matched(table, "/openapi.json") == "/openapi.json"
    assert matched(table, "/openapiXjson") is None


def test_catch_all_and_nested_greedy_rules() -> None:
    table = table_of("/.+", "/proxy/.+/items")
    assert matched(table, "/anything/at/all") == "/.+"
    assert matched(table, "/proxy/a/b/items") == "/proxy/.+/items"
    assert matched(table, "/") is None


def test_powertools_catch_all_matches_every_path_root_included() -> None:
    table = table_of(".+", "/todos")
    assert matched(table, "/") == ".+"
    assert matched(table, "/a/b") == ".+"
    assert matched(table, "/todos") == "/todos"
    assert table.match("POST", "/").methods == ("GET", "HEAD")


def test_a_tail_that_matches_nothing_matches_the_path_without_its_trailing_slash() -> None:
    # `/files` stands for `/files/` too, which `/files/.*` matches.
    table = table_of("/files/.*", "/x/[a-z]*")
    assert matched(table, "/files") == "/files/.*"
    assert matched(table, "/files/a/b") == "/files/.*"
    assert matched(table, "/x") == "/x/[a-z]*"


def test_two_dot_star_gaps_need_two_segments_or_one_and_the_trailing_slash() -> None:
    # Powertools' `^/a/.*/.*$` matches neither `/a` nor `/a/`; it matches `/a/b/`, which is
    # the same route as `/a/b`.
    table = table_of("/a/.*/.*")
    assert matched(table, "/a") is None
    assert matched(table, "/a/b") == "/a/.*/.*"
    assert matched(table, "/a/b/c/d") == "/a/.*/.*"
    assert table.match("GET", "/a").methods == ()


def test_regex_named_groups_become_parameters() -> None:
    table = table_of("/v(?P<version>[0-9]+)/<rest:path>")
    assert found(table, "/v2/a/b", "GET") == (
        "/v(?P<version>[0-9]+)/<rest:path>",
        {"version": "2", "rest": "a/b"},
    )


def test_mixed_text_and_parameter_segment() -> None:
    table = table_of("/files/report-<year:int>.csv")
    assert found(table, "/files/report-2024.csv", "GET") == (
        "/files/report-<year:int>.csv",
        {"year": 2024},
    )
    assert matched(table, "/files/report-x.csv") is None


def test_encoded_paths_are_decoded_once_per_segment() -> None:
    table = table_of("/files/<name>", "/caf\u00e9")
    assert found(table, "/files/a%2Fb", "GET") == ("/files/<name>", {"name": "a/b"})
    assert found(table, "/files/100%2525", "GET") == ("/files/<name>", {"name": "100%25"})
    assert matched(table, "/caf%C3%A9") == "/caf\u00e9"
    # A path the source delivers decoded is taken as it is.
    assert found(table, "/files/100%25", "GET", encoded=False) == (
        "/files/<name>",
        {"name": "100%25"},
    )


def test_empty_segments_never_match_a_parameter() -> None:
    table = table_of("/a/<x>/b")
    assert matched(table, "/a//b") is None


def test_head_falls_back_to_get_unless_a_head_route_exists() -> None:
    table = table_of(("/a", "GET"))
    assert matched(table, "/a", "HEAD") == "/a"
    table = table_of(("/a", "GET"), ("/a", "HEAD"))
    table.add(parse_rule("/b"), ["HEAD"], "head-b")
    assert matched(table, "/b", "HEAD") == "head-b"


def test_methods_of_a_path_are_the_union_of_matching_rules() -> None:
    table = table_of(("/a/<x>", "GET"), ("/a/b", "POST"), ("/a/.+", "PUT"), ("/c", "GET"))
    assert table.match("DELETE", "/a/b").methods == ("GET", "HEAD", "POST", "PUT")
    assert table.match("GET", "/a/z").methods == ("GET", "HEAD", "PUT")
    assert table.match("GET", "/nothing").methods == ()
    # A static path's shared match knows the dynamic rules that match it too.
    assert table.match("POST", "/a/b").methods == ("GET", "HEAD", "POST", "PUT")


def test_route_for_answers_each_method_of_the_path() -> None:
    table = table_of(("/a/<x>", "GET"), ("/a/b", "POST"), ("/a/.+", "PUT"))
    match = table.match("OPTIONS", "/a/b")
    assert match.route is None
    assert match.route_for("POST") == "/a/b"
    assert match.route_for("GET") == "/a/<x>"
    assert match.route_for("HEAD") == "/a/<x>"
    assert match.route_for("PUT") == "/a/.+"
    assert match.route_for("DELETE") is None


def test_a_static_match_is_shared_and_a_dynamic_one_is_fresh() -> None:
    table = table_of("/a", "/b/<x>")
    first = table.match("GET", "/a")
    assert isinstance(first, Match)
    assert first is table.match("GET", "/a")
    assert first.params == {} and first.path == "/a"
    assert table.match("HEAD", "/a").route == "/a"
    assert table.match("GET", "/b/1") is not table.match("GET", "/b/1")
    assert table.match("GET", "/b/1").params == {"x": "1"}
    assert len(table) == 2


def test_mixed_segment_beats_plain_parameter_and_is_not_a_regex() -> None:
    table = table_of("/items/<item_id>", "/items/<item_id>.json")
    assert found(table, "/items/7.json") == ("/items/<item_id>.json", {"item_id": "7"})
    assert found(table, "/items/7") == ("/items/<item_id>", {"item_id": "7"})
    # The `.` of a mixed segment is literal text.
    assert found(table, "/items/7xjson") == ("/items/<item_id>", {"item_id": "7xjson"})


def test_one_segment_regex_ranks_with_converters_and_above_a_parameter() -> None:
    table = table_of("/u/<name>", "/u/[^/]+/x", "/u/\\d+", "/u/<n:int>")
    assert matched(table, "/u/42") == "/u/<n:int>"  # int before one-segment regexes
    assert matched(table, "/u/abc/x") == "/u/[^/]+/x"
    assert matched(table, "/u/abc") == "/u/<name>"


def test_equal_rank_siblings_compare_their_best_routes() -> None:
    # Both one-segment regexes match `a`: the deeper literal decides, not registration order.
    table = table_of("/x/[a-c]+/<p>", "/x/[ab]+/lit")
    assert matched(table, "/x/a/lit") == "/x/[ab]+/lit"
    assert matched(table, "/x/a/other") == "/x/[a-c]+/<p>"


def test_a_regex_spanning_segments_ranks_above_a_greedy_gap() -> None:
    table = table_of("/s/.+", "/s/a.*z", "/s/<x>")
    assert matched(table, "/s/a/b/z") == "/s/a.*z"
    assert matched(table, "/s/a/b/y") == "/s/.+"
    assert matched(table, "/s/az") == "/s/<x>"


def test_greedy_gaps_capture_what_a_regex_over_the_path_would() -> None:
    table = table_of("/p/<a:path>/m/(?P<b>.+)/<c>")
    assert found(table, "/p/1/m/2/m/3/4") == (
        "/p/<a:path>/m/(?P<b>.+)/<c>",
        {"a": "1/m/2", "b": "3", "c": "4"},
    )
    assert matched(table, "/p/m/3") is None


def test_many_regex_rules_under_one_prefix() -> None:
    rules = [f"/x/item{n}-[0-9]+" for n in range(1000)]
    table = table_of(*rules, "/x/[a-z]+-<n:int>")
    assert matched(table, "/x/item517-42") == "/x/item517-[0-9]+"
    assert found(table, "/x/thing-42") == ("/x/[a-z]+-<n:int>", {"n": 42})
    assert matched(table, "/x/item517-z") is None


def test_same_rule_and_method_twice_is_refused() -> None:
    table = table_of("/a/<x>")
    with pytest.raises(ValueError, match=r"GET '/a/<x>' is already registered"):
        table.add(parse_rule("/a/<x>"), ["GET"], "again")


def test_same_shape_rules_for_one_method_are_refused_naming_both() -> None:
    table = table_of("/a/<x>")
    with pytest.raises(ValueError, match=r"'/a/<y>' conflicts with GET '/a/<x>'"):
        table.add(parse_rule("/a/<y>"), ["GET"], "other")
    # Another method on the same shape is fine.
    table.add(parse_rule("/a/<y>"), ["POST"], "post")
    assert found(table, "/a/1", "POST") == ("post", {"y": "1"})


def test_routes_added_after_a_match_are_found() -> None:
    table = table_of("/a")
    assert matched(table, "/b") is None
    table.add(parse_rule("/b"), ["GET"], "/b")
    assert matched(table, "/b") == "/b"


def test_indexed_siblings_answer_as_siblings_tried_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    from router_core.routing import trie

    rules = [
        *(f"/x/item{n}-[0-9]+" for n in range(12)),
        *(f"/x/<id{n}>.ext{n}" for n in range(12)),
        *(f"/x/[a-z]+{n}" for n in range(12)),
        *(f"/x/.+/end{n}" for n in range(12)),
        *(f"/x/(?P<v{n}>.+)/q{n}/.*" for n in range(12)),
        "/x/item1-<n:int>",
        "/x/.+",
    ]
    paths = [
        "/x/item3-42",
        "/x/item11-7",
        "/x/item1-5",
        "/x/a.ext4",
        "/x/a.ext44",
        "/x/abc7",
        "/x/a/b/end9",
        "/x/a/b/end99",
        "/x/a/q3",
        "/x/a/q3/b",
        "/x/nothing",
    ]
    indexed = table_of(*rules)
    monkeypatch.setattr(trie, "_INDEX_FROM", 10**6)
    in_turn = table_of(*rules)
    for path in paths:
        got, want = indexed.match("GET", path), in_turn.match("GET", path)
        assert (got.route, got.params) == (want.route, want.params), path
        assert got.methods == want.methods, path
    assert matched(indexed, "/x/a/b/end9") == "/x/.+/end9"
    assert matched(indexed, "/x/a.ext4") == "/x/<id4>.ext4"


@pytest.mark.parametrize("order", [1, -1])
def test_a_rule_going_on_with_literal_text_beats_one_that_ends(order: int) -> None:
    table = table_of(*["/proxy/.+", "/proxy/.+/items", "/a", "/a/.*"][::order])
    assert matched(table, "/proxy/x/y/items") == "/proxy/.+/items"
    assert matched(table, "/proxy/x/y") == "/proxy/.+"
    assert matched(table, "/a") == "/a"
    assert matched(table, "/a/b") == "/a/.*"
