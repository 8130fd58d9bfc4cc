"""The compiled route table: a dict of static paths plus a segment tree for the rest.

Built once from the registered rules (see `RouteTable`). Each tree node has, tried in this
order: literal children (a dict), one-segment matchers (mixed segments, converters and
one-segment regexes, indexed by the literal text they start with), the plain-parameter child,
and "tails": the rest of rules whose next segment may span `/` (see `gaps`). The order is the
explicitness order, so the first route found is the most explicit one; among siblings of one
rank (two one-segment regexes both matching), the best route of each is compared.

A rule also matches a path followed by `/` (`/a/.*` matches `/a`, since `/a/` is the same
route): at the end of the path the walk goes on into matchers that accept an empty segment.
"""

from __future__ import annotations

from router_core.routing.match import Match
from router_core.routing.rules import (
    GREEDY,
    LITERAL,
    PARAM,
    TYPED,
    Converter,
    Rule,
    Segment,
    segment_test,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Sequence
    from typing import Any

    from router_core.routing.gaps import GapTail, RegexTail
    from router_core.routing.rules import Test

    Key = tuple[tuple[float, ...], int]
    Found = tuple[Key, "Entry", list[Any]]

# Where a rule ends, it ranks as if it went on with this: above every segment kind but
# literal text, so `/proxy/.+/items` beats `/proxy/.+` and `/a` beats `/a/.*` and `/a/<x>.*`.
END = 0.5

# Fewer one-segment matchers (or tails) than this at a node are simply tried in order.
_INDEX_FROM = 8


class Entry:
    """A rule registered for some methods: what to call and how to name its values."""

    __slots__ = ("names", "plain", "route", "rule", "specs")

    def __init__(self, rule: Rule, route: Any, split: int, tail: GapTail | RegexTail | None):
        self.rule = rule
        self.route = route
        # One spec per captured value, in path order: (0,) skip it, (1, name, converter) a
        # segment's text, (2, ((name, group, converter), ...)) the groups of an `re.Match`.
        specs: list[tuple[Any, ...]] = []
        regex_tail = tail is not None and tail.is_regex
        walked = rule.segments[:split] if regex_tail else rule.segments
        for segment in walked:
            if segment.kind == LITERAL:
                continue
            if segment.kind in (PARAM, TYPED) or (segment.kind == GREEDY and segment.name):
                specs.append((1, segment.name, _changing(segment.converter)))
            elif segment.kind == GREEDY:
                specs.append((0,))
            else:
                specs.append((2, self._groups(segment.regex)))
        if regex_tail:
            specs.append((2, self._groups("/".join(s.regex for s in rule.segments[split:]))))
        self.specs = tuple(specs)
        self.plain = all(spec[0] == 1 and spec[2] is None for spec in specs)
        self.names = tuple(spec[1] for spec in specs) if self.plain else ()

    def _groups(self, regex: str) -> tuple[tuple[str, int, Converter | None], ...]:
        import re

        converters = self.rule.converters
        pattern = re.compile(regex)
        return tuple(
            (name, index, _changing(converters.get(name)))
            for name, index in pattern.groupindex.items()
        )

    def params(self, values: list[Any]) -> dict[str, Any]:
        if self.plain:
            return dict(zip(self.names, values))
        params: dict[str, Any] = {}
        for spec, value in zip(self.specs, values):
            if spec[0] == 1:
                params[spec[1]] = value if spec[2] is None else spec[2].convert(value)
            elif spec[0] == 2:
                found: re.Match[str] = value
                for name, index, converter in spec[1]:
                    text = found.group(index)
                    if converter is not None and text is not None:
                        text = converter.convert(text)
                    params[name] = text
        return params


def _changing(converter: Converter | None) -> Converter | None:
    """The converter when it changes the value (`int`, `uuid`...), else None."""
    return None if converter is None or converter.name in ("str", "path") else converter


class Group:
    """The rules of one shape at one place in the tree: they answer together, by method."""

    __slots__ = ("key", "routes")

    def __init__(self, key: Key) -> None:
        # (ranks then END, registration order of the first rule): the explicitness order.
        self.key = key
        self.routes: dict[str, Entry] = {}

    def lookup(self, method: str) -> Entry | None:
        entry = self.routes.get(method)
        if entry is None and method == "HEAD":
            entry = self.routes.get("GET")
        return entry


class _One:
    __slots__ = ("node", "prefix", "rank", "sort_key", "suffix", "test")

    def __init__(self, segment: Segment, order: int) -> None:
        self.node = Node()
        self.test: Test = segment_test(segment)
        self.rank = segment.rank
        self.sort_key = (segment.rank, order)
        self.prefix = segment.literal_prefix()
        self.suffix = segment.literal_suffix()


class _Tail:
    __slots__ = ("empty_end", "group", "matcher", "prefix", "sort_key", "suffix")

    def __init__(self, rest: Sequence[Segment], group: Group) -> None:
        # Loaded here: only a rule that may span `/` needs it.
        from router_core.routing.gaps import make_tail

        self.matcher = make_tail(rest)
        self.group = group
        self.sort_key = group.key
        self.prefix = rest[0].literal_prefix()
        # A gap tail ending in literal text (`.+/items`) needs that text as the last segment.
        last = rest[-1]
        gap_tail = not self.matcher.is_regex
        self.suffix = last.text if gap_tail and last.kind == LITERAL else ""
        # Whether the path followed by `/` may match too (its last segment may be empty).
        self.empty_end = last.allows_empty


class _Choices:
    """Sibling matchers in explicitness order. When there are many, they are indexed by the
    literal text they start with (else by the text they end with): a thousand regexes under
    one prefix are not all tried."""

    __slots__ = ("by_prefix", "by_suffix", "items", "lengths", "unindexed")

    def __init__(self, items: list[Any]) -> None:
        items.sort(key=_sort_key)
        self.items = items
        self.by_prefix: dict[str, list[Any]] | None = None
        self.by_suffix: dict[str, list[Any]] = {}
        self.unindexed: list[Any] = []
        self.lengths: tuple[int, ...] = ()
        if len(items) >= _INDEX_FROM:
            by_prefix: dict[str, list[Any]] = {}
            for item in items:
                if item.prefix:
                    by_prefix.setdefault(item.prefix, []).append(item)
                elif item.suffix:
                    self.by_suffix.setdefault(item.suffix, []).append(item)
                else:
                    self.unindexed.append(item)
            self.by_prefix = by_prefix
            self.lengths = tuple(sorted({len(text) for text in (*by_prefix, *self.by_suffix)}))

    def candidates(self, first: str, last: str) -> list[Any]:
        """The items that may match a path whose rest starts with segment `first` and ends
        with segment `last` (the same segment for one-segment matchers)."""
        by_prefix = self.by_prefix
        if by_prefix is None:
            return self.items
        found = list(self.unindexed)
        by_suffix = self.by_suffix
        for length in self.lengths:
            if length > len(first) and length > len(last):
                break
            bucket = by_prefix.get(first[:length])
            if bucket is not None:
                found.extend(bucket)
            if by_suffix and len(last) >= length:
                bucket = by_suffix.get(last[len(last) - length :])
                if bucket is not None:
                    found.extend(bucket)
        if len(found) > 1:
            found.sort(key=_sort_key)
        return found


def _sort_key(item: Any) -> Any:
    return item.sort_key


class Node:
    __slots__ = ("empty_ok", "group", "ones", "param", "simple", "static", "tails")

    def __init__(self) -> None:
        self.static: dict[str, Node] = {}
        self.ones: _Choices | None = None
        self.param: Node | None = None
        self.tails: _Choices | None = None
        self.group: Group | None = None
        # The parameter child when it is the only non-literal choice: the fast descent.
        self.simple: Node | None = None
        # Whether some matcher here accepts an empty segment (for a path followed by `/`).
        self.empty_ok = False


class Compiled:
    """One build of the table: static paths to shared matches, and the tree."""

    __slots__ = ("root", "static")

    def __init__(self, root: Node) -> None:
        self.root = root
        self.static: dict[str, dict[str, Match]] = {}

    def match(self, method: str, path: str, encoded: bool) -> Match:
        """The general match, after the static dict had no answer for `method`."""
        if encoded and "%" in path:
            segments = _decoded_segments(path)
            if not any("/" in segment for segment in segments):
                shared = self.static.get("/" + "/".join(segments))
                static = shared.get(method) if shared is not None else None
                if static is not None:
                    return Match(static.route, {}, path, self, segments)
        else:
            segments = path[1:].split("/") if path != "/" else []
        # The fast descent of `best`, inlined: this is the hot path of a dynamic route.
        node = self.root
        values: list[Any] = []
        for segment in segments:
            child = node.static.get(segment)
            if child is None:
                child = node.simple
                if child is None or not segment:
                    break
                values.append(segment)
            node = child
        else:
            group = node.group
            if group is not None:
                entry = group.routes.get(method)
                if entry is not None:
                    params = dict(zip(entry.names, values)) if entry.plain else None
                    if params is None:
                        params = entry.params(values)
                    return Match(entry.route, params, path, self, segments)
        found = _walk(self.root, segments, 0, method, [], False)
        if found is None:
            return Match(None, {}, path, self, segments)
        return Match(found[1].route, found[1].params(found[2]), path, self, segments)

    def best(self, method: str, segments: list[str]) -> tuple[Entry, list[Any]] | None:
        """The most explicit entry for `method` on `segments`, with its captured values."""
        # Most requests follow the first choice at every node: try that descent alone first.
        node = self.root
        values: list[Any] = []
        for segment in segments:
            child = node.static.get(segment)
            if child is None:
                child = node.simple
                if child is None or not segment:
                    break
                values.append(segment)
            node = child
        else:
            group = node.group
            if group is not None:
                entry = group.lookup(method)
                if entry is not None:
                    return entry, values
        found = _walk(self.root, segments, 0, method, [], False)
        return None if found is None else (found[1], found[2])

    def methods(self, segments: list[str]) -> set[str]:
        """Every method of every rule matching `segments`."""
        found: set[str] = set()
        _collect(self.root, segments, 0, False, found)
        return found


def _decoded_segments(path: str) -> list[str]:
    from urllib.parse import unquote

    if path == "/":
        return []
    return [unquote(segment) if "%" in segment else segment for segment in path[1:].split("/")]


def _walk(
    node: Node, segments: list[str], index: int, method: str, values: list[Any], extended: bool
) -> Found | None:
    if index == len(segments):
        group = node.group
        if group is not None:
            entry = group.lookup(method)
            if entry is not None:
                return group.key, entry, list(values)
        if extended or not node.empty_ok:
            return None
        segments, extended = [*segments, ""], True
    segment = segments[index]
    child = node.static.get(segment)
    if child is not None:
        found = _walk(child, segments, index + 1, method, values, extended)
        if found is not None:
            return found
    if node.ones is not None:
        best: Found | None = None
        rank = -1
        for one in node.ones.candidates(segment, segment):
            if best is not None and one.rank != rank:
                break  # a less explicit rank: the best of the better one stands
            value = one.test(segment)
            if value is None:
                continue
            values.append(value)
            found = _walk(one.node, segments, index + 1, method, values, extended)
            values.pop()
            if found is not None and (best is None or found[0] < best[0]):
                best, rank = found, one.rank
        if best is not None:
            return best
    if node.param is not None and segment:
        values.append(segment)
        found = _walk(node.param, segments, index + 1, method, values, extended)
        values.pop()
        if found is not None:
            return found
    if node.tails is not None:
        rest = segments[index:]
        for tail in node.tails.candidates(segment, segments[-1]):
            entry = tail.group.lookup(method)
            if entry is None:
                continue  # checked before matching: a hostile path costs nothing here
            got = tail.matcher.match(rest)
            if got is None and tail.empty_end and not extended:
                got = tail.matcher.match([*rest, ""])
            if got is not None:
                return tail.group.key, entry, [*values, *got]
    return None


def _collect(node: Node, segments: list[str], index: int, extended: bool, out: set[str]) -> None:
    if index == len(segments):
        if node.group is not None:
            out.update(node.group.routes)
        if extended or not node.empty_ok:
            return
        segments, extended = [*segments, ""], True
    segment = segments[index]
    child = node.static.get(segment)
    if child is not None:
        _collect(child, segments, index + 1, extended, out)
    if node.ones is not None:
        for one in node.ones.candidates(segment, segment):
            if one.test(segment) is not None:
                _collect(one.node, segments, index + 1, extended, out)
    if node.param is not None and segment:
        _collect(node.param, segments, index + 1, extended, out)
    if node.tails is not None:
        rest = segments[index:]
        for tail in node.tails.candidates(segment, segments[-1]):
            if out.issuperset(tail.group.routes):
                continue  # nothing new to learn from matching it
            matcher = tail.matcher
            if matcher.match(rest) is not None or (
                tail.empty_end and not extended and matcher.match([*rest, ""]) is not None
            ):
                out.update(tail.group.routes)


def build(rules: Sequence[tuple[Rule, tuple[str, ...], Any]]) -> Compiled:
    """Compile `(rule, methods, route)` triples, in registration order."""
    root = Node()
    compiled = Compiled(root)
    nodes = [root]
    ones: dict[tuple[int, tuple[str, str]], _One] = {}
    one_lists: dict[int, list[_One]] = {}
    tails: dict[tuple[int, tuple[tuple[str, str], ...]], _Tail] = {}
    tail_lists: dict[int, list[_Tail]] = {}
    static_groups: list[tuple[str, Group]] = []
    for order, (rule, methods, route) in enumerate(rules):
        key: Key = ((*rule.ranks, END), order)
        split = rule.tail_index()
        node = root
        for segment in rule.segments[:split]:
            if segment.kind == LITERAL:
                child = node.static.get(segment.text)
                if child is None:
                    child = node.static[segment.text] = Node()
                    nodes.append(child)
            elif segment.kind == PARAM:
                child = node.param
                if child is None:
                    child = node.param = Node()
                    nodes.append(child)
            else:
                one = ones.get((id(node), segment.shape))
                if one is None:
                    one = ones[(id(node), segment.shape)] = _One(segment, order)
                    one_lists.setdefault(id(node), []).append(one)
                    nodes.append(one.node)
                child = one.node
            node = child
        rest = rule.segments[split:]
        tail_matcher: GapTail | RegexTail | None = None
        if not rest:
            group = node.group
            if group is None:
                group = node.group = Group(key)
                if rule.static_path is not None:
                    static_groups.append((rule.static_path, group))
        else:
            # Rules of one shape share one tail, as they share one node: a HEAD rule then
            # wins over the GET fallback of another rule of that shape.
            tail_key = (id(node), tuple(segment.shape for segment in rest))
            tail = tails.get(tail_key)
            if tail is None:
                tail = tails[tail_key] = _Tail(rest, Group(key))
                tail_lists.setdefault(id(node), []).append(tail)
            group = tail.group
            tail_matcher = tail.matcher
        entry = Entry(rule, route, split, tail_matcher)
        for method in methods:
            group.routes[method] = entry
    for node in nodes:
        found_ones = one_lists.get(id(node))
        found_tails = tail_lists.get(id(node))
        if found_ones:
            node.ones = _Choices(found_ones)
        if found_tails:
            node.tails = _Choices(found_tails)
        node.simple = node.param if not (found_ones or found_tails) else None
        node.empty_ok = any(one.test("") is not None for one in found_ones or ()) or any(
            tail.matcher.match([""]) is not None for tail in found_tails or ()
        )
    shared: dict[str, Any] = {}
    for path, group in static_groups:
        by_method = {m: Match(e.route, shared, path, compiled) for m, e in group.routes.items()}
        if "GET" in by_method and "HEAD" not in by_method:
            by_method["HEAD"] = by_method["GET"]
        compiled.static[path] = by_method
    return compiled
