"""Greedy gaps: what they match and capture, and that hostile paths stay cheap."""

from __future__ import annotations

import time

import pytest

from router_core.routing import RouteTable, parse_rule
from router_core.routing.gaps import GapTail, RegexTail, make_tail


def tail_of(rule: str) -> GapTail | RegexTail:
    parsed = parse_rule(rule)
    return make_tail(parsed.segments[parsed.tail_index() :])


@pytest.mark.parametrize(
    ("rule", "segments", "values"),
    [
        ("/.+", ["a"], ["a"]),
        ("/.+", ["a", "b"], ["a/b"]),
        ("/.+", [""], None),  # `.+` needs text
        ("/.*", [""], [""]),
        ("/.+/z", ["a", "z", "z"], ["a/z"]),  # the gap takes all it can
        ("/.+/z", ["z"], None),
        ("/.+/.+", ["a", "b", "c"], ["a/b", "c"]),
        ("/.+/.+", ["a", ""], None),
        ("/.+/.+", ["", "", ""], None),  # `///`: the second gap would be empty
        ("/.*/.*", ["a", ""], ["a", ""]),
        ("/<a:path>/<n:int>/.+", ["x", "1", "y", "2", "q"], ["x/1/y", "2", "q"]),
        ("/.+/<n:int>", ["x", "y"], None),
    ],
)
def test_gap_tail_matches_whole_segments_greedily(
    rule: str, segments: list[str], values: list[str] | None
) -> None:
    tail = tail_of(rule)
    assert isinstance(tail, GapTail)
    assert tail.match(segments) == values


def test_runs_of_empty_segments_fill_gaps_as_a_regex_over_the_path_would() -> None:
    import re

    tail = tail_of("/.+/.+")
    for count in range(1, 6):
        segments = [""] * count
        expected = re.fullmatch("/(.+)/(.+)", "/" + "/".join(segments))
        got = tail.match(segments)
        assert (got is None) == (expected is None), count
        if expected is not None:
            assert got == list(expected.groups())


def test_a_regex_spanning_segments_is_matched_by_re() -> None:
    tail = tail_of("/x/a.*z/<n:int>")
    assert isinstance(tail, RegexTail)
    found = tail.match(["ab", "cz", "1"])
    assert found is not None and found[0].group("n") == "1"


@pytest.mark.parametrize("method", ["GET", "POST", "OPTIONS"])
def test_a_hostile_path_on_nested_gaps_is_matched_in_linear_time(method: str) -> None:
    table = RouteTable()
    table.add(parse_rule("/p/.+/.+/.+/z"), ["GET"], "gaps")
    table.add(parse_rule("/p/<a:path>/<b:path>/y/z"), ["PUT"], "paths")
    path = "/p/" + "a/" * 4000 + "y"  # 8,000 characters that end in no `z`
    started = time.perf_counter()
    match = table.match(method, path)
    assert match.route is None
    assert match.methods == ()  # the pre-flight and 405 question, answered just as fast
    for other in ("GET", "PUT", "HEAD"):
        assert match.route_for(other) is None
    # A loose bound, only against blow-ups: the benchmark measures speed.
    assert time.perf_counter() - started < 2.0
    # The same length, matching this time.
    assert table.match("GET", path + "/z").route == "gaps"


def test_a_hostile_single_segment_costs_one_pass() -> None:
    table = RouteTable()
    table.add(parse_rule("/p/.+/.+/.+/z"), ["GET"], "gaps")
    started = time.perf_counter()
    assert table.match("GET", "/p/" + "a" * 16000).route is None
    assert time.perf_counter() - started < 2.0
