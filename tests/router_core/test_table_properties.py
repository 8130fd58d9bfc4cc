"""Property test: the compiled table picks the same route as a plain linear matcher.

The linear matcher is the definition of "most explicit wins": sort the rules by the ranks of
their segments (literal < int/uuid < float < plain < regex < greedy), compared left to right,
ties to the earlier registration, and take the first whose whole-path regex matches and that
has the method. Rules of one shape answer together (they are one route with several
methods): HEAD falls back to GET among them, and a HEAD rule of that shape wins over it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from router_core.routing import RouteTable, parse_rule
from router_core.routing.rules import Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class LinearMatcher:
    def __init__(self) -> None:
        self.entries: list[tuple[tuple[int, ...], int, re.Pattern[str], Rule, set[str], int]] = []

    def add(self, rule: Rule, methods: list[str], route: int) -> None:
        body = "/".join(segment.regex() for segment in rule.segments)
        regex = re.compile("/" + body)
        self.entries.append((rule.ranks, len(self.entries), regex, rule, set(methods), route))
        self.entries.sort(key=lambda entry: (entry[0], entry[1]))

    def match(self, method: str, path: str) -> tuple[int, dict[str, Any]] | None:
        for _ranks, _order, regex, rule, _methods, _route in self.entries:
            found = regex.fullmatch(path)
            if found is None and path != "/":
                # `/a` and `/a/` are the same path: `/a/.*` matches both.
                found = regex.fullmatch(path + "/")
            if found is None:
                continue
            # Rules of one shape answer together: the method's own rule first, then, for
            # HEAD, the GET rule of that shape.
            group = [entry for entry in self.entries if entry[3].shape == rule.shape]
            chosen = next((e for e in group if method in e[4]), None)
            if chosen is None and method == "HEAD":
                chosen = next((e for e in group if "GET" in e[4]), None)
            if chosen is None:
                continue
            own = chosen[2].fullmatch(path) or chosen[2].fullmatch(path + "/")
            params: dict[str, Any] = dict(own.groupdict()) if own else {}
            for name, converter in chosen[3].converters.items():
                if params.get(name) is not None:
                    params[name] = converter.convert(params[name])
            return chosen[5], params
        return None


LITERALS = ["a", "b", "ab", "1"]
PATH_SEGMENTS = [*LITERALS, "c", "12", "1.5", "x-1", "b/a", "a/b/c", ""]


@st.composite
def rule_texts(draw: st.DrawFn) -> str:
    count = draw(st.integers(min_value=0, max_value=4))
    parts = []
    for index in range(count):
        kind = draw(
            st.sampled_from(
                ["lit", "lit", "lit", "param", "int", "float", "regex", "greedy", "path"]
            )
        )
        name = f"p{index}"
        parts.append(
            {
                "lit": draw(st.sampled_from(LITERALS)),
                "param": f"<{name}>",
                "int": f"<{name}:int>",
                "float": f"<{name}:float>",
                "regex": draw(st.sampled_from(["[a-c]+", "x-[0-9]", "[0-9]+"])),
                "greedy": draw(st.sampled_from([".+", ".*"])),
                "path": f"<{name}:path>",
            }[kind]
        )
    return "/" + "/".join(parts)


paths = st.lists(st.sampled_from(PATH_SEGMENTS), min_size=0, max_size=5).map(
    lambda segments: "/" + "/".join(segments)
)


@settings(max_examples=400, deadline=None)
@given(
    rules=st.lists(
        st.tuples(rule_texts(), st.sampled_from(["GET", "POST", "HEAD"])), min_size=1, max_size=12
    ),
    requests=st.lists(st.tuples(st.sampled_from(["GET", "POST", "HEAD"]), paths), max_size=20),
)
def test_compiled_table_agrees_with_linear_matcher(
    rules: list[tuple[str, str]], requests: list[tuple[str, str]]
) -> None:
    table = RouteTable()
    oracle = LinearMatcher()
    for index, (text, method) in enumerate(rules):
        rule = parse_rule(text)
        try:
            table.add(rule, [method], index)
        except ValueError:
            continue  # a same-shape conflict: refused by the table, so never registered
        oracle.add(rule, [method], index)
    for method, raw_path in requests:
        path = raw_path.rstrip("/") or "/"
        if "//" in path:
            continue
        assert table.find(method, path, encoded=False) == oracle.match(method, path), (
            method,
            path,
        )
