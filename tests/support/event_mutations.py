"""Hypothesis strategies that break a well-formed event in the ways real input breaks.

`mutated(base)` removes keys, replaces values (anywhere in the event) with values of the
wrong type or junk, and breaks the body (invalid JSON, invalid base64, text that is not
UTF-8). The mutation property tests of each source feed these through a resolver.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

from hypothesis import strategies as st

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(
        st.text(max_size=5), st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=3
    ),
)
BODIES = st.one_of(
    st.just("{not json"),
    st.just(""),
    st.just("\ud800"),
    st.just("%%%"),
    st.just("/w=="),  # valid base64 of a byte that is not UTF-8
    st.text(max_size=30),
    st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
)

# An extra mutation: a name and what it does to the event.
Extra = Callable[[st.DrawFn, dict[str, Any]], None]


def key_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path of keys and indexes into `value`."""
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            found.append((*prefix, key))
            found.extend(key_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.append((*prefix, index))
            found.extend(key_paths(child, (*prefix, index)))
    return found


def mutated(
    base: dict[str, Any], extras: dict[str, Extra] | None = None, not_a_dict: bool = False
) -> st.SearchStrategy[Any]:
    """Copies of `base` with one to four mutations; with `not_a_dict`, sometimes junk alone."""
    paths = key_paths(base)
    actions = ["delete", "junk", "body", "base64", *(extras or {})]

    @st.composite
    def events(draw: st.DrawFn) -> Any:
        if not_a_dict and draw(st.integers(min_value=0, max_value=50)) == 0:
            return draw(JUNK)
        event = copy.deepcopy(base)
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            path = draw(st.sampled_from(paths))
            parent: Any = event
            try:
                for key in path[:-1]:
                    parent = parent[key]
            except (KeyError, IndexError, TypeError):
                continue  # an earlier mutation changed the shape under this path
            if not isinstance(parent, (dict, list)):
                continue
            action = draw(st.sampled_from(actions))
            try:
                if action == "delete" and isinstance(parent, dict):
                    parent.pop(path[-1], None)
                elif action == "body":
                    event["body"] = draw(BODIES)
                elif action == "base64":
                    event["body"] = draw(BODIES)
                    event["isBase64Encoded"] = True
                elif extras and action in extras:
                    extras[action](draw, event)
                else:
                    parent[path[-1]] = draw(JUNK)
            except (IndexError, KeyError, TypeError):
                continue
        return event

    return events()
