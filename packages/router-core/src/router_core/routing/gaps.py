"""Matching the part of a rule that may span `/`: its "tail", from its first such segment.

A tail made of greedy gaps (`.+`, `.*`, `<x:path>`) and one-segment matchers (literal text,
parameters, converters, one-segment regexes) is matched over the path's segments by dynamic
programming, in O(segments x tail length) however many gaps it has: no backtracking blow-up
on a hostile path. Gaps capture what a regex over the whole path would: each takes the most
segments it can, leftmost first. A tail holding a regex that may span segments without being
a greedy gap (`a.*b`) is matched by `re` against the rest of the path, at `re`'s cost.
"""

from __future__ import annotations

import re

from router_core.routing.rules import GREEDY, LITERAL, SPAN, Segment, segment_test

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


_LITERAL, _ONE, _GAP = 0, 1, 2


class GapTail:
    """A tail of gaps and one-segment matchers, matched by dynamic programming."""

    __slots__ = ("elements",)

    #: Whether one regex matches the whole tail, its groups being the values.
    is_regex = False

    def __init__(self, segments: Sequence[Segment]) -> None:
        elements: list[tuple[int, Any]] = []
        for segment in segments:
            if segment.kind == GREEDY:
                elements.append((_GAP, segment.allows_empty))
            elif segment.kind == LITERAL:
                elements.append((_LITERAL, segment.text))
            else:
                elements.append((_ONE, segment_test(segment)))
        self.elements = tuple(elements)

    def match(self, segments: list[str]) -> list[Any] | None:
        """One value per non-literal element (a gap's is its segments joined), or None."""
        count = len(segments)
        elements = self.elements
        if len(elements) == 1 and elements[0][0] == _GAP:
            # A lone gap (`/files/<key:path>`, the catch-all): no table needed.
            if count == 0 or (count == 1 and not segments[0] and not elements[0][1]):
                return None
            return ["/".join(segments)]
        # fits[j][p]: elements j.. match segments p.. exactly. Built from the right.
        after = [False] * (count + 1)
        after[count] = True
        fits = [after]
        for kind, arg in reversed(elements):
            here = [False] * (count + 1)
            if kind == _LITERAL:
                for p in range(count):
                    here[p] = after[p + 1] and segments[p] == arg
            elif kind == _ONE:
                for p in range(count):
                    here[p] = after[p + 1] and arg(segments[p]) is not None
            else:
                longer = False  # whether some end at p + 2 or beyond fits (two or more segments)
                for p in range(count - 1, -1, -1):
                    if p + 2 <= count and after[p + 2]:
                        longer = True
                    here[p] = longer or (after[p + 1] and (arg or segments[p] != ""))
            fits.append(here)
            after = here
        fits.reverse()
        if not fits[0][0]:
            return None
        values: list[Any] = []
        p = 0
        for j, (kind, arg) in enumerate(elements):
            if kind == _LITERAL:
                p += 1
            elif kind == _ONE:
                values.append(arg(segments[p]))
                p += 1
            else:
                # The longest run of segments after which the rest still fits, as a greedy
                # regex would take it; one segment only if that one is allowed (`.+` needs text).
                # fits[j][p] holds, so some size of at least one segment is allowed.
                rest = fits[j + 1]
                size = count - p
                while not (rest[p + size] and (size > 1 or arg or segments[p] != "")):
                    size -= 1
                values.append("/".join(segments[p : p + size]))
                p += size
        return values


class RegexTail:
    """A tail holding a regex that may span segments: `re` against the rest of the path."""

    __slots__ = ("regex",)

    is_regex = True

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.regex = re.compile("/".join(segment.regex for segment in segments))

    def match(self, segments: list[str]) -> list[Any] | None:
        found = self.regex.fullmatch("/".join(segments))
        return None if found is None else [found]


def make_tail(segments: Sequence[Segment]) -> GapTail | RegexTail:
    if any(segment.kind == SPAN for segment in segments):
        return RegexTail(segments)
    return GapTail(segments)
