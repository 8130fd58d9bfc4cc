"""Property test: the compiled table answers as a plain linear matcher does.

The linear matcher is the definition of routing. It implements the table's interface (`add`,
`match`) the slow, obvious way: each rule becomes one regex over the whole path; rules are
sorted by the ranks of their segments compared left to right (literal, mixed, int/uuid,
float and one-segment regexes, plain parameter, regex spanning segments, greedy; a rule that
ends ranks between literal and mixed there), ties to the earlier registration; the first
rule that matches the path, or the path followed by `/` (the same route), and whose shape
has the method answers. Rules of one shape answer together: HEAD falls back to GET among
them. `methods` is the union over every matching rule.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from router_core.routing import RouteTable, parse_rule
from router_core.routing.rules import Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any


class LinearMatch:
    __slots__ = ("methods", "params", "path", "route", "routes")

    def __init__(self, route: Any, params: dict[str, Any], path: str, methods: set[str]):
        self.route = route
        self.params = params
        self.path = path
        if "GET" in methods:
            methods.add("HEAD")
        self.methods = tuple(sorted(methods))


class LinearTable:
    def __init__(self) -> None:
        self.entries: list[tuple[tuple[int, ...], int, re.Pattern[str], Rule, set[str], Any]] = []

    def add(self, rule: Rule, methods: Iterable[str], route: Any) -> None:
        regex = re.compile("/" + "/".join(segment.regex for segment in rule.segments))
        order = len(self.entries)
        self.entries.append((rule.ranks, order, regex, rule, set(methods), route))
        # A rule that ends ranks as if it went on with a segment between literal and mixed.
        self.entries.sort(key=lambda entry: ((*entry[0], 0.5), entry[1]))

    @staticmethod
    def _fullmatch(regex: re.Pattern[str], path: str) -> re.Match[str] | None:
        found = regex.fullmatch(path)
        if found is None and path != "/":
            found = regex.fullmatch(path + "/")
        return found

    def match(self, method: str, path: str) -> LinearMatch:
        matching = [e for e in self.entries if self._fullmatch(e[2], path) is not None]
        methods = {m for entry in matching for m in entry[4]}
        for _ranks, _order, _regex, rule, _methods, _route in matching:
            group = [entry for entry in self.entries if entry[3].shape == rule.shape]
            chosen = next((e for e in group if method in e[4]), None)
            if chosen is None and method == "HEAD":
                chosen = next((e for e in group if "GET" in e[4]), None)
            if chosen is None:
                continue
            own = self._fullmatch(chosen[2], path)
            params: dict[str, Any] = dict(own.groupdict()) if own is not None else {}
            for name, converter in chosen[3].converters.items():
                if params.get(name) is not None:
                    params[name] = converter.convert(params[name])
            return LinearMatch(chosen[5], params, path, methods)
        return LinearMatch(None, {}, path, methods)


LITERALS = ["a", "b", "ab", "1"]
PATH_SEGMENTS = [*LITERALS, "c", "12", "1.5", "x-1", "1.json", "b/a", "a/b/c", "", "a/"]
METHODS = ["GET", "POST", "HEAD", "PUT"]
SEGMENT_KINDS = {
    "lit": LITERALS,
    "mixed": ["<{}>.json", "x-<{}:int>"],
    "param": ["<{}>"],
    "int": ["<{}:int>"],
    "float": ["<{}:float>"],
    "regex": ["[a-c]+", "x-[0-9]", "[0-9]+", "[^/]+", "[a-c]*"],
    "span": ["a.*", "(b/a|c)"],
    "greedy": [".+", ".*", "<{}:path>", "(?P<{}>.+)", "(?P<{}>.*)"],
}


@st.composite
def rule_texts(draw: st.DrawFn) -> str:
    count = draw(st.integers(min_value=0, max_value=4))
    parts = []
    for index in range(count):
        kind = draw(st.sampled_from(["lit", "lit", *SEGMENT_KINDS]))
        parts.append(draw(st.sampled_from(SEGMENT_KINDS[kind])).replace("{}", f"p{index}"))
    return "/" + "/".join(parts)


paths = st.lists(st.sampled_from(PATH_SEGMENTS), min_size=0, max_size=6).map(
    lambda segments: "/" + "/".join(segments)
)


# No example database: a failure is reported with its example, never silently replayed.
@settings(max_examples=500, deadline=None, database=None)
@given(
    rules=st.lists(st.tuples(rule_texts(), st.sampled_from(METHODS)), min_size=1, max_size=12),
    requests=st.lists(st.tuples(st.sampled_from(METHODS), paths), max_size=20),
)
def test_compiled_table_agrees_with_linear_matcher(
    rules: list[tuple[str, str]], requests: list[tuple[str, str]]
) -> None:
    table = RouteTable()
    oracle = LinearTable()
    for index, (text, method) in enumerate(rules):
        rule = parse_rule(text)
        try:
            table.add(rule, [method], index)
        except ValueError:
            continue  # a same-shape conflict: refused by the table, so never registered
        oracle.add(rule, [method], index)
    for method, raw_path in requests:
        path = raw_path.rstrip("/") or "/"
        got = table.match(method, path, encoded=False)
        want = oracle.match(method, path)
        assert (got.route, got.params) == (want.route, want.params), (method, path)
        assert got.methods == want.methods, (method, path)
        for other in METHODS:
            assert got.route_for(other) == oracle.match(other, path).route, (other, path)
