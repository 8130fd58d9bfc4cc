"""`Headers`: the request's headers, looked up without regard to case."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Headers(Mapping[str, str]):
    """Read-only, case-insensitive view of request headers.

    `headers["content-type"]` and `headers["Content-Type"]` are the same lookup. Where the
    source sent several values for a name, `[]` gives the last one (what API Gateway puts in
    its single-value `headers`) and `get_all()` gives every one.
    """

    __slots__ = ("_multi", "_pending", "_single")

    def __init__(
        self,
        single: dict[str, str],
        multi: dict[str, list[str]] | None = None,
        pending: dict[Any, Any] | None = None,
    ) -> None:
        # Keys are lower-cased; values that are not strings were dropped by the event.
        self._single = single
        self._multi = multi
        # The event's raw `multiValueHeaders`, merged in on first need: most lookups are
        # answered by the single-value headers, which every source sends.
        self._pending = pending

    @classmethod
    def from_event(cls, single: object, multi: object = None) -> Headers:
        """Build from an event's `headers` and `multiValueHeaders`, ignoring malformed entries."""
        lowered: dict[str, str] = (
            {k.lower(): v for k, v in single.items() if type(k) is str and type(v) is str}
            if type(single) is dict
            else {}
        )
        pending = multi if type(multi) is dict and multi else None
        return cls(lowered, None, pending)

    def _merge(self) -> None:
        """Lower-case the multi-value headers, and give `[]` the names only they carry."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        multi: dict[str, list[str]] = {}
        single = self._single
        for key, values in pending.items():
            if type(key) is not str or type(values) is not list:
                continue
            strings = [v for v in values if type(v) is str]
            if strings:
                name = key.lower()
                multi.setdefault(name, []).extend(strings)
                single.setdefault(name, strings[-1])
        self._multi = multi or None

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        name = key.lower()
        value = self._single.get(name)
        if value is None and self._pending is not None:
            value = self._pending_value(name)
        return default if value is None else value

    def _pending_value(self, name: str) -> str | None:
        """The last value of `name` among the unmerged multi-value headers: a lookup that
        misses (a header the request does not have) scans names, without merging them all."""
        size = len(name)
        found = None
        for key, values in self._pending.items():  # type: ignore[union-attr]
            if (
                found is None
                and type(key) is str
                and len(key) == size
                and key.lower() == name
                and type(values) is list
            ):
                strings = [v for v in values if type(v) is str]
                if strings:
                    found = strings[-1]
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        self._merge()
        return iter(self._single)

    def __len__(self) -> int:
        self._merge()
        return len(self._single)

    def get_all(self, key: str) -> list[str]:
        """Every value sent for `key`, in order; `[]` when absent."""
        self._merge()
        name = key.lower()
        if self._multi is not None and name in self._multi:
            return list(self._multi[name])
        value = self._single.get(name)
        return [] if value is None else [value]

    def multi_value(self) -> MultiValueHeaders:
        """Every value of every name the source sent in `multiValueHeaders` (payload 1.0, ALB
        in multi-value mode); empty when the event has none, as in Powertools."""
        self._merge()
        return MultiValueHeaders(self._multi or {})

    def __repr__(self) -> str:
        self._merge()
        return f"Headers({self._single!r})"


class MultiValueHeaders(Mapping[str, list[str]]):
    """Read-only, case-insensitive view of a request's `multiValueHeaders`."""

    __slots__ = ("_multi",)

    def __init__(self, multi: dict[str, list[str]]) -> None:
        self._multi = multi  # keys already lower-cased by `Headers.from_event`

    def __getitem__(self, key: str) -> list[str]:
        return self._multi[key.lower()]

    def get(self, key: str, default: list[str] | None = None) -> list[str] | None:  # type: ignore[override]
        return self._multi.get(key.lower(), default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._multi

    def __iter__(self) -> Iterator[str]:
        return iter(self._multi)

    def __len__(self) -> int:
        return len(self._multi)

    def __repr__(self) -> str:
        return f"MultiValueHeaders({self._multi!r})"
