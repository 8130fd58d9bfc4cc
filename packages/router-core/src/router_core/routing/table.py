"""The route table: `add` rules, then `match(method, path)`.

The table compiles itself (see `trie`) on the first match after routes change. A static path
costs one dict lookup whatever the number of routes and returns a precomputed, shared
`Match`; a dynamic path costs a walk down the segment tree, so it grows with the path's
depth, not with the number of routes; a greedy tail costs O(segments x gaps).
"""

from __future__ import annotations

from router_core.routing.trie import Compiled, build

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from router_core.routing.match import Match
    from router_core.routing.rules import Rule


class RouteTable:
    """Rules by method, compiled for matching. Conflicting rules are refused when added.

    >>> table = RouteTable()
    >>> table.add(parse_rule("/todos/<todo_id:int>"), ["GET"], get_todo)
    >>> table.match("GET", "/todos/42").params
    {'todo_id': 42}
    """

    def __init__(self) -> None:
        self._rules: list[tuple[Rule, tuple[str, ...], Any]] = []
        self._shapes: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
        self._compiled: Compiled | None = None

    def add(self, rule: Rule, methods: Iterable[str], route: Any) -> None:
        """Register `route` for `rule` and `methods`; ValueError if a same-shape rule has one."""
        methods = tuple(m.upper() for m in methods)
        owners = self._shapes.setdefault(rule.shape, {})
        for method in methods:
            other = owners.get(method)
            if other is not None:
                if other == rule.text:
                    raise ValueError(f"route {method} {rule.text!r} is already registered")
                raise ValueError(
                    f"route {method} {rule.text!r} conflicts with {method} {other!r}: "
                    "they match the same paths"
                )
        for method in methods:
            owners[method] = rule.text
        self._rules.append((rule, methods, route))
        self._compiled = None

    def __len__(self) -> int:
        return len(self._rules)

    def compiled(self) -> Compiled:
        """The table's current build (made now if routes changed): its `static` dict and
        its `match` for the rest, for a caller that keeps them for many matches."""
        compiled = self._compiled
        return compiled if compiled is not None else self._compile()

    def _compile(self) -> Compiled:
        # Built into a local and published with one assignment: two threads making the first
        # match at once both build, and either build is whole and right.
        compiled = build(list(self._rules))
        self._compiled = compiled
        return compiled

    def match(self, method: str, path: str, *, encoded: bool = True) -> Match:
        """What routing finds for `method` on a normalized `path`; never None.

        `encoded` says that the path is percent-encoded: each segment is then decoded once,
        after splitting, so that `%2F` stays inside its segment. A static path answers with a
        precomputed `Match` shared between requests (its `params` is empty: don't write to it).
        """
        compiled = self._compiled
        if compiled is None:
            compiled = self._compile()
        shared = compiled.static.get(path)
        if shared is not None and not (encoded and "%" in path):
            found = shared.get(method)
            if found is not None:
                return found
            if method == "OPTIONS":
                # A pre-flight on a static path: its answer (usually no OPTIONS route) is the
                # same every time, so it is kept and shared like the path's other matches.
                found = compiled.match(method, path, encoded)
                shared[method] = found
                return found
        return compiled.match(method, path, encoded)
