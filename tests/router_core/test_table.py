"""The route table: most explicit route wins whatever the order, 405 data, conflicts."""

from __future__ import annotations

import itertools

import pytest

from router_core.routing import RouteTable, parse_rule


def table_of(*rules: str | tuple[str, str]) -> RouteTable:
    table = RouteTable()
    for item in rules:
        rule, method = (item, "GET") if isinstance(item, str) else item
        table.add(parse_rule(rule), [method], rule)
    return table


def matched(table: RouteTable, path: str, method: str = "GET") -> object:
    found = table.find(method, path)
    return None if found is None else found[0]


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
    assert table.find("GET", "/p/3") == ("/p/<v:int>", {"v": 3})
    assert table.find("GET", "/p/3.5") == ("/p/<v:float>", {"v": 3.5})
    assert table.find("GET", "/p/x") == ("/p/<v>", {"v": "x"})


def test_a_static_route_does_not_hide_a_dynamic_one_of_another_method() -> None:
    table = table_of(("/users/me", "GET"), ("/users/<user_id>", "DELETE"))
    assert table.find("DELETE", "/users/me") == ("/users/<user_id>", {"user_id": "me"})
    assert table.find("GET", "/users/me") == ("/users/me", {})


def test_a_deeper_dead_end_backtracks_to_a_less_explicit_sibling() -> None:
    table = table_of("/a/b/c", "/a/<x>/d")
    assert table.find("GET", "/a/b/d") == ("/a/<x>/d", {"x": "b"})


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
    assert table.methods_for("/") == {"GET"}


def test_a_tail_that_matches_nothing_matches_the_path_without_its_trailing_slash() -> None:
    table = table_of("/files/.*")
    assert matched(table, "/files") == "/files/.*"
    assert matched(table, "/files/a/b") == "/files/.*"


def test_regex_named_groups_become_parameters() -> None:
    table = table_of("/v(?P<version>[0-9]+)/<rest:path>")
    assert table.find("GET", "/v2/a/b") == (
        "/v(?P<version>[0-9]+)/<rest:path>",
        {"version": "2", "rest": "a/b"},
    )


def test_mixed_text_and_parameter_segment() -> None:
    table = table_of("/files/report-<year:int>.csv")
    assert table.find("GET", "/files/report-2024.csv") == (
        "/files/report-<year:int>.csv",
        {"year": 2024},
    )
    assert matched(table, "/files/report-x.csv") is None


def test_encoded_paths_are_decoded_once_per_segment() -> None:
    table = table_of("/files/<name>", "/caf\u00e9")
    assert table.find("GET", "/files/a%2Fb") == ("/files/<name>", {"name": "a/b"})
    assert table.find("GET", "/files/100%2525") == ("/files/<name>", {"name": "100%25"})
    assert matched(table, "/caf%C3%A9") == "/caf\u00e9"
    # A path the source delivers decoded is taken as it is.
    assert table.find("GET", "/files/100%25", encoded=False) == (
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


def test_methods_for_a_path_are_the_union_of_matching_rules() -> None:
    table = table_of(("/a/<x>", "GET"), ("/a/b", "POST"), ("/a/.+", "PUT"), ("/c", "GET"))
    assert table.methods_for("/a/b") == {"GET", "POST", "PUT"}
    assert table.methods_for("/a/z") == {"GET", "PUT"}
    assert table.methods_for("/nothing") == set()


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
    assert table.find("POST", "/a/1") == ("post", {"y": "1"})


def test_routes_added_after_a_match_are_found() -> None:
    table = table_of("/a")
    assert matched(table, "/b") is None
    table.add(parse_rule("/b"), ["GET"], "/b")
    assert matched(table, "/b") == "/b"


def test_match_dynamic_agrees_with_match_after_a_static_lookup() -> None:
    table = table_of(("/a", "GET"), ("/a/<x>", "GET"), ("/<y>", "POST"), ("/b/%41", "GET"))
    table.static_routes()
    for method, path in [("HEAD", "/a"), ("POST", "/a"), ("GET", "/a/1"), ("GET", "/b/%2541")]:
        assert table.match_dynamic(method, path) == table.find(method, path)
    assert table.match_dynamic("HEAD", "/a") == ("/a", {})
