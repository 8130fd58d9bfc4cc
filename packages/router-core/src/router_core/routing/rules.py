"""Rule parsing: `/todos/<todo_id:int>/.+` into typed segments, and the path converters.

A segment is one of (most explicit first, which is also the order in which matching tries
them): literal text, a converted parameter (`<id:int>`, `<id:uuid>`, then `<x:float>`), a
plain parameter (`<id>`), a regular expression, or a greedy segment that may span `/`
(`.+`, `.*`, `<x:path>`). A segment that contains any of `* + ? [ ] ( ) { } | \\ ^ $`, or mixes
text with `<name>`, is a regular expression; every other segment is literal text.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LITERAL, TYPED, PARAM, PATTERN, GREEDY = "literal", "typed", "param", "pattern", "greedy"

_REGEX_CHARS = frozenset("*+?[](){}|\\^$")
# `<name>` or `<name:conv>`, but not the `(?P<name>` of a named group. Compiled on first use
# (only rules with regular-expression segments need it), like every regex here.
_PARAM_TOKEN = r"(?<!\?P)<(\w+)(?::(\w+))?>"
# An unescaped `.` followed by a quantifier can run across `/`: such a segment is greedy.
_SPANS_SLASH = r"(?<!\\)\.[*+{]"


class Converter:
    """Turns a matched segment into a Python value, as Starlette's convertors do."""

    __slots__ = ("name", "rank", "regex")

    def __init__(self, name: str, regex: str, rank: int) -> None:
        self.name = name
        self.regex = regex
        # Position in the explicitness order: 1 and 2 are converted parameters, 3 is plain.
        self.rank = rank

    def matches(self, segment: str) -> bool:
        return _compiled(self.regex).fullmatch(segment) is not None

    def convert(self, value: str) -> Any:
        return value

    def to_string(self, value: Any) -> str:
        return str(value)


class _IntConverter(Converter):
    def matches(self, segment: str) -> bool:
        return segment.isdigit() and segment.isascii()

    def convert(self, value: str) -> int:
        return int(value)


class _FloatConverter(Converter):
    def convert(self, value: str) -> float:
        return float(value)


class _UUIDConverter(Converter):
    def convert(self, value: str) -> Any:
        import uuid

        return uuid.UUID(value)


class _StrConverter(Converter):
    def matches(self, segment: str) -> bool:
        return segment != ""


_UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

# int and uuid never match the same text, so they share a rank; float admits every int.
CONVERTERS: dict[str, Converter] = {
    "int": _IntConverter("int", "[0-9]+", 1),
    "uuid": _UUIDConverter("uuid", _UUID_REGEX, 1),
    "float": _FloatConverter("float", r"[0-9]+(?:\.[0-9]+)?", 2),
    "str": _StrConverter("str", "[^/]+", 3),
    "path": Converter("path", ".+", 5),
}

RANKS = {LITERAL: 0, PARAM: 3, PATTERN: 4, GREEDY: 5}

_cache: dict[str, re.Pattern[str]] = {}


def _compiled(regex: str) -> re.Pattern[str]:
    pattern = _cache.get(regex)
    if pattern is None:
        pattern = _cache[regex] = re.compile(regex)
    return pattern


class Segment:
    """One `/`-separated piece of a rule."""

    __slots__ = ("converter", "kind", "name", "rank", "text")

    def __init__(
        self, kind: str, text: str, name: str = "", converter: Converter | None = None
    ) -> None:
        self.kind = kind
        self.text = text
        self.name = name
        self.converter = converter
        self.rank = converter.rank if converter is not None else RANKS[kind]

    @property
    def shape(self) -> tuple[str, str]:
        """What the segment matches, whatever its parameter names."""
        if self.converter is not None:
            return ("<>", self.converter.name)
        if self.kind == LITERAL:
            return ("", self.text)
        return ("re", _compiled(_PARAM_TOKEN).sub("<>", self.text))

    def regex(self) -> str:
        """This segment as part of a regular expression over the path."""
        if self.kind == LITERAL:
            return re.escape(self.text)
        if self.converter is not None:
            return f"(?P<{self.name}>{self.converter.regex})"
        return _compiled(_PARAM_TOKEN).sub(_token_group, self.text)


def _token_group(match: re.Match[str]) -> str:
    converter = CONVERTERS.get(match.group(2) or "str")
    regex = converter.regex if converter is not None else "[^/]+"
    return f"(?P<{match.group(1)}>{regex})"


class Rule:
    """A parsed rule: its text, segments, parameter names and shape."""

    __slots__ = ("converters", "names", "segments", "shape", "static_path", "text")

    def __init__(self, text: str, segments: tuple[Segment, ...]) -> None:
        self.text = text
        self.segments = segments
        self.shape = tuple(segment.shape for segment in segments)
        names: list[str] = []
        converters: dict[str, Converter] = {}
        for segment in segments:
            if segment.converter is not None:
                names.append(segment.name)
                converters[segment.name] = segment.converter
            elif segment.kind != LITERAL:
                tokens = {
                    m.group(1): m.group(2) for m in _compiled(_PARAM_TOKEN).finditer(segment.text)
                }
                for name in _segment_names(segment):
                    names.append(name)
                    converters[name] = CONVERTERS[tokens.get(name) or "str"]
        self.names = tuple(names)
        self.converters = converters
        is_static = all(segment.kind == LITERAL for segment in segments)
        self.static_path = "/" + "/".join(s.text for s in segments) if is_static else None

    @property
    def ranks(self) -> tuple[int, ...]:
        return tuple(segment.rank for segment in self.segments)

    def tail_index(self) -> int:
        """Index of the first segment that is a regular expression (len() if there is none)."""
        for index, segment in enumerate(self.segments):
            if segment.kind in (PATTERN, GREEDY):
                return index
        return len(self.segments)

    def __repr__(self) -> str:
        return f"Rule({self.text!r})"


def normalize_path(path: str) -> str:
    """`/todos/` and `/todos` are the same route; an empty path is `/`."""
    if len(path) > 1 and path[-1] == "/":
        path = path.rstrip("/") or "/"
    return path if path.startswith("/") else "/" + path


def parse_rule(text: str) -> Rule:
    """Parse and validate a rule; raises ValueError naming the rule when it is malformed."""
    if not isinstance(text, str):
        raise TypeError(f"route rule must be a str, got {type(text).__name__}")
    if not text.startswith("/"):
        # Powertools writes its catch-all as ".+", matched against the whole path with its
        # leading '/': a rule may omit the '/' when its first segment is a regex, and the
        # catch-all itself then also matches '/'.
        if not _REGEX_CHARS & set(text.split("/", 1)[0]):
            raise ValueError(f"route rule {text!r} must start with '/'")
        text = "/.*" if text in (".+", ".*") else "/" + text
    normalized = normalize_path(text)
    parts = normalized[1:].split("/") if normalized != "/" else []
    segments: list[Segment] = []
    seen: set[str] = set()
    for part in parts:
        if part == "":
            raise ValueError(f"route rule {text!r} has an empty segment ('//')")
        segment = _parse_segment(text, part)
        segments.append(segment)
        for name in _segment_names(segment):
            if name in seen:
                raise ValueError(f"route rule {text!r} uses the parameter name {name!r} twice")
            seen.add(name)
    return Rule(normalized, tuple(segments))


def _segment_names(segment: Segment) -> list[str]:
    if segment.kind == LITERAL:
        return []
    if segment.converter is not None:
        return [segment.name]
    return list(_compiled(segment.regex()).groupindex)


def _parse_segment(rule: str, part: str) -> Segment:
    if part[:1] == "<" and part[-1:] == ">" and part.count("<") == 1 and part.count(">") == 1:
        name, _, conv_name = part[1:-1].partition(":")
        conv_name = conv_name or "str"
        if not name.isidentifier():
            raise ValueError(f"route rule {rule!r}: parameter name {name!r} is not an identifier")
        converter = CONVERTERS.get(conv_name)
        if converter is None:
            known = ", ".join(sorted(CONVERTERS))
            raise ValueError(f"route rule {rule!r}: unknown converter {conv_name!r} ({known})")
        if conv_name == "path":
            return Segment(GREEDY, part, name, converter)
        if conv_name == "str":
            return Segment(PARAM, part, name, converter)
        return Segment(TYPED, part, name, converter)
    if "<" not in part and not (_REGEX_CHARS & set(part)):
        return Segment(LITERAL, part)
    for match in _compiled(_PARAM_TOKEN).finditer(part):
        conv_name = match.group(2) or "str"
        if conv_name not in CONVERTERS:
            raise ValueError(f"route rule {rule!r}: unknown converter {conv_name!r}")
    greedy = _compiled(_SPANS_SLASH).search(part) is not None
    segment = Segment(GREEDY if greedy else PATTERN, part)
    try:
        _compiled(segment.regex())
    except re.error as error:
        message = f"route rule {rule!r}: segment {part!r} is not a valid regex: {error}"
        raise ValueError(message) from None
    return segment
