"""The route table: a dict for static paths plus a segment trie for dynamic ones.

Built once, lazily, on the first match after routes change. A static path costs one dict
lookup whatever the number of routes; a dynamic path costs a walk down the trie, one dict
lookup per segment, so it grows with the path's depth, not with the number of routes.
Regular-expression rules hang off the trie node of their longest static-or-parameter prefix
as compiled "tails" matched against the rest of the path.

At each node, children are tried from the most explicit to the least: literal text, converted
parameters (int/uuid, then float), the plain parameter, then the tails ordered by the ranks
of their segments. A depth-first walk in that order finds the most explicit rule first.
"""

from __future__ import annotations

import re

from router_core.routing.match import Match
from router_core.routing.rules import LITERAL, PARAM, Converter, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    Found = tuple["_Entry", list[str], "re.Match[str] | None"]


class _Entry:
    """A rule registered for one method: what to call and how to name its values."""

    __slots__ = ("converters", "names", "route", "rule", "tail_regex")

    def __init__(self, rule: Rule, route: Any) -> None:
        self.rule = rule
        self.route = route
        self.names = rule.names
        # The rule's own regex for its tail: rules of one shape share a `_Tail`, but each
        # names its groups after its own parameters.
        self.tail_regex: re.Pattern[str] | None = None
        # Only converters that change the value (`int`, `uuid`...); `None` when all are str.
        changing = {k: c for k, c in rule.converters.items() if c.name not in ("str", "path")}
        self.converters: dict[str, Converter] | None = changing or None

    def params(self, values: list[str], tail: re.Match[str] | None) -> dict[str, Any]:
        params: dict[str, Any] = dict(zip(self.names, values))
        if tail is not None:
            params.update(tail.groupdict())
        if self.converters is not None:
            for name, converter in self.converters.items():
                value = params.get(name)
                if value is not None:
                    params[name] = converter.convert(value)
        return params


class _Tail:
    __slots__ = ("empty_end", "order", "ranks", "regex", "routes")

    def __init__(
        self, regex: re.Pattern[str], ranks: tuple[int, ...], order: int, last: str
    ) -> None:
        self.regex = regex
        self.ranks = ranks
        self.order = order
        self.routes: dict[str, _Entry] = {}
        # Whether the last segment's regex matches the empty string (`.*`, `[a-c]*`).
        self.empty_end = re.fullmatch(last, "") is not None


class _Node:
    __slots__ = ("only_param", "param", "routes", "static", "tails", "typed")

    def __init__(self) -> None:
        self.static: dict[str, _Node] = {}
        self.typed: list[tuple[Converter, _Node]] = []
        self.param: _Node | None = None
        self.tails: list[_Tail] = []
        self.routes: dict[str, _Entry] | None = None
        # The plain-parameter child when it is the only non-literal choice (set at compile):
        # then a segment that is no literal child can only go there.
        self.only_param: _Node | None = None

    def finish(self) -> None:
        self.only_param = self.param if not (self.typed or self.tails) else None
        for child in self.static.values():
            child.finish()
        for _converter, child in self.typed:
            child.finish()
        if self.param is not None:
            self.param.finish()

    def child(self, segment_kind: str, text: str, converter: Converter | None) -> _Node:
        if segment_kind == LITERAL:
            node = self.static.get(text)
            if node is None:
                node = self.static[text] = _Node()
            return node
        if segment_kind == PARAM:
            if self.param is None:
                self.param = _Node()
            return self.param
        if converter is None:
            raise TypeError(f"segment {text!r} of kind {segment_kind} has no converter")
        for known, node in self.typed:
            if known.name == converter.name:
                return node
        node = _Node()
        self.typed.append((converter, node))
        self.typed.sort(key=lambda pair: pair[0].rank)
        return node


def _lookup(routes: dict[str, _Entry], method: str) -> _Entry | None:
    entry = routes.get(method)
    if entry is None and method == "HEAD":
        entry = routes.get("GET")
    return entry


class RouteTable:
    """Rules by method, compiled for matching. Conflicting rules are refused when added."""

    def __init__(self) -> None:
        self._rules: list[tuple[Rule, tuple[str, ...], Any]] = []
        self._shapes: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
        self._static: dict[str, dict[str, _Entry]] | None = None
        self._root = _Node()

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
        self._static = None

    def __len__(self) -> int:
        return len(self._rules)

    def _compile(self) -> dict[str, dict[str, _Entry]]:
        static: dict[str, dict[str, _Entry]] = {}
        root = _Node()
        tails: dict[tuple[int, tuple[tuple[str, str], ...]], _Tail] = {}
        for order, (rule, methods, route) in enumerate(self._rules):
            entry = _Entry(rule, route)
            if rule.static_path is not None:
                by_method = static.setdefault(rule.static_path, {})
                for method in methods:
                    by_method[method] = entry
            node = root
            split = rule.tail_index()
            for segment in rule.segments[:split]:
                node = node.child(segment.kind, segment.text, segment.converter)
            if split == len(rule.segments):
                if node.routes is None:
                    node.routes = {}
                for method in methods:
                    node.routes[method] = entry
                continue
            rest = rule.segments[split:]
            entry.tail_regex = re.compile("/".join(segment.regex() for segment in rest))
            # Rules of the same shape share one tail, as they share one node: a HEAD rule
            # then wins over the GET fallback of another rule of that shape.
            key = (id(node), tuple(segment.shape for segment in rest))
            tail = tails.get(key)
            if tail is None:
                ranks = tuple(s.rank for s in rest)
                tail = _Tail(entry.tail_regex, ranks, order, rest[-1].regex())
                tails[key] = tail
                node.tails.append(tail)
                node.tails.sort(key=lambda t: (t.ranks, t.order))
            for method in methods:
                tail.routes[method] = entry
        root.finish()
        self._root = root
        self._static = static
        return static

    def match(self, method: str, path: str, *, encoded: bool = True) -> Match:
        """The routing `Match` for `method` and a normalized `path` (interim adapter)."""
        found = self.find(method, path, encoded)
        if found is None:
            return Match(None, {}, path, self, encoded)
        return Match(found[0], found[1], path, self, encoded)

    def find(
        self, method: str, path: str, encoded: bool = True
    ) -> tuple[Any, dict[str, Any]] | None:
        """The most explicit route for `method` and a normalized `path`, with its parameters.

        `encoded` says that the path is percent-encoded: each segment is then decoded once,
        after splitting, so that `%2F` stays inside its segment.
        """
        static = self._static
        if static is None:
            static = self._compile()
        if encoded and "%" in path:
            segments = _decoded_segments(path)
            if not any("/" in s for s in segments):
                routes = static.get("/" + "/".join(segments))
                if routes is not None:
                    entry = _lookup(routes, method)
                    if entry is not None:
                        return entry.route, {}
        else:
            routes = static.get(path)
            if routes is not None:
                entry = routes.get(method)
                if entry is None and method == "HEAD":
                    entry = routes.get("GET")
                if entry is not None:
                    return entry.route, {}
            segments = path[1:].split("/") if path != "/" else []
        return self._match_segments(method, segments)

    def match_dynamic(
        self, method: str, path: str, encoded: bool = True
    ) -> tuple[Any, dict[str, Any]] | None:
        """`match()` for a caller that has already looked `path` up in `static_routes()`:
        the trie alone (it holds the static rules too, so HEAD still falls back to GET)."""
        if self._static is None or (encoded and "%" in path):
            return self.find(method, path, encoded)
        return self._match_segments(method, path[1:].split("/") if path != "/" else [])

    def _match_segments(
        self, method: str, segments: list[str]
    ) -> tuple[Any, dict[str, Any]] | None:
        # Most requests follow the walk's first choice at every node: try that path alone
        # before the full depth-first walk with backtracking.
        node = self._root
        values: list[str] = []
        for segment in segments:
            child = node.static.get(segment)
            if child is None:
                child = node.only_param
                if child is None or not segment:
                    break
                values.append(segment)
            node = child
        else:
            routes = node.routes
            if routes is not None:
                entry = routes.get(method)
                if entry is None and method == "HEAD":
                    entry = routes.get("GET")
                if entry is not None:
                    if entry.converters is None:
                        return entry.route, dict(zip(entry.names, values))
                    return entry.route, entry.params(values, None)
        found = _walk(self._root, segments, 0, method, [])
        if found is None:
            return None
        entry, values, tail = found
        return entry.route, entry.params(values, tail)

    def static_routes(self) -> dict[str, dict[str, _Entry]]:
        """The compiled static paths: path -> method -> entry (`entry.route` is the route)."""
        static = self._static
        return self._compile() if static is None else static

    def methods_for(self, path: str, encoded: bool = True) -> set[str]:
        """Every method that some rule matching `path` has (for `Allow` and pre-flight)."""
        if self._static is None:
            self._compile()
        if encoded and "%" in path:
            segments = _decoded_segments(path)
        else:
            segments = path[1:].split("/") if path != "/" else []
        methods: set[str] = set()
        for routes in _all_matches(self._root, segments, 0):
            methods.update(routes)
        return methods

    def routes(self) -> Iterator[tuple[Rule, tuple[str, ...], Any]]:
        """The registered (rule, methods, route) triples, in registration order."""
        return iter(self._rules)


def _decoded_segments(path: str) -> list[str]:
    from urllib.parse import unquote

    if path == "/":
        return []
    return [unquote(segment) if "%" in segment else segment for segment in path[1:].split("/")]


def _walk(
    node: _Node, segments: list[str], index: int, method: str, values: list[str]
) -> Found | None:
    if index == len(segments):
        if node.routes is not None:
            entry = _lookup(node.routes, method)
            if entry is not None:
                return entry, values, None
        # A tail that matches the empty rest (`/.*`) matches the path that ends here.
        return _match_tails(node, "", method, values)
    segment = segments[index]
    child = node.static.get(segment)
    if child is not None:
        found = _walk(child, segments, index + 1, method, values)
        if found is not None:
            return found
    for converter, typed_child in node.typed:
        if converter.matches(segment):
            values.append(segment)
            found = _walk(typed_child, segments, index + 1, method, values)
            if found is not None:
                return found
            values.pop()
    if node.param is not None and segment:
        values.append(segment)
        found = _walk(node.param, segments, index + 1, method, values)
        if found is not None:
            return found
        values.pop()
    if node.tails:
        return _match_tails(node, "/".join(segments[index:]), method, values)
    return None


def _tail_text(tail: _Tail, rest: str) -> str | None:
    """The text `tail` matches for `rest`: itself, or with the trailing slash that `/a` and
    `/a/` share, for a tail whose last segment may be empty (`/a/.*` matches `/a`)."""
    if tail.regex.fullmatch(rest) is not None:
        return rest
    # An empty `rest` already stands for one empty segment: only a non-empty one gains it.
    if tail.empty_end and rest and tail.regex.fullmatch(rest + "/") is not None:
        return rest + "/"
    return None


def _match_tails(node: _Node, rest: str, method: str, values: list[str]) -> Found | None:
    for tail in node.tails:
        text = _tail_text(tail, rest)
        if text is not None:
            entry = _lookup(tail.routes, method)
            if entry is not None and entry.tail_regex is not None:
                return entry, values, entry.tail_regex.fullmatch(text)
    return None


def _all_matches(node: _Node, segments: list[str], index: int) -> Iterator[dict[str, _Entry]]:
    if index == len(segments):
        if node.routes:
            yield node.routes
        for tail in node.tails:
            if _tail_text(tail, "") is not None:
                yield tail.routes
        return
    segment = segments[index]
    child = node.static.get(segment)
    if child is not None:
        yield from _all_matches(child, segments, index + 1)
    for converter, typed_child in node.typed:
        if converter.matches(segment):
            yield from _all_matches(typed_child, segments, index + 1)
    if node.param is not None and segment:
        yield from _all_matches(node.param, segments, index + 1)
    if node.tails:
        rest = "/".join(segments[index:])
        for tail in node.tails:
            if _tail_text(tail, rest) is not None:
                yield tail.routes
