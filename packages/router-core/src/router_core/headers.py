"""`Headers`: the request's headers, looked up without regard to case."""

from __future__ import annotations

from collections.abc import Iterator, Mapping


class Headers(Mapping[str, str]):
    """Read-only, case-insensitive view of request headers.

    `headers["content-type"]` and `headers["Content-Type"]` are the same lookup. Where the
    source sent several values for a name, `[]` gives the last one (what API Gateway puts in
    its single-value `headers`) and `get_all()` gives every one.
    """

    __slots__ = ("_multi", "_single")

    def __init__(self, single: dict[str, str], multi: dict[str, list[str]] | None = None) -> None:
        # Keys are lower-cased once here; values that are not strings were dropped by the event.
        self._single = single
        self._multi = multi

    @classmethod
    def from_event(cls, single: object, multi: object = None) -> Headers:
        """Build from an event's `headers` and `multiValueHeaders`, ignoring malformed entries."""
        lowered: dict[str, str] = {}
        if isinstance(single, dict):
            for key, value in single.items():
                if isinstance(key, str) and isinstance(value, str):
                    lowered[key.lower()] = value
        multi_lowered: dict[str, list[str]] | None = None
        if isinstance(multi, dict) and multi:
            multi_lowered = {}
            for key, values in multi.items():
                if not isinstance(key, str) or not isinstance(values, list):
                    continue
                strings = [v for v in values if isinstance(v, str)]
                if strings:
                    name = key.lower()
                    multi_lowered.setdefault(name, []).extend(strings)
                    lowered.setdefault(name, strings[-1])
        return cls(lowered, multi_lowered)

    def __getitem__(self, key: str) -> str:
        return self._single[key.lower()]

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self._single.get(key.lower(), default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._single

    def __iter__(self) -> Iterator[str]:
        return iter(self._single)

    def __len__(self) -> int:
        return len(self._single)

    def get_all(self, key: str) -> list[str]:
        """Every value sent for `key`, in order; `[]` when absent."""
        name = key.lower()
        if self._multi is not None and name in self._multi:
            return list(self._multi[name])
        value = self._single.get(name)
        return [] if value is None else [value]

    def multi_value(self) -> MultiValueHeaders:
        """Every value of every name the source sent in `multiValueHeaders` (payload 1.0, ALB
        in multi-value mode); empty when the event has none, as in Powertools."""
        return MultiValueHeaders(self._multi or {})

    def __repr__(self) -> str:
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
