"""Rule parsing: `/todos/<todo_id:int>/.+` into typed segments, and the path converters.

Each `/`-separated piece of a rule is one of these kinds, most explicit first:

- literal text (`todos`, `openapi.json`): matches only itself;
- a mixed segment, literal text around parameters (`<id>.json`, `report-<year:int>.csv`);
- a converted parameter (`<id:int>`, `<id:uuid>`, then `<x:float>`) or a regular expression
  that cannot match `/` (`[^/]+`, `\\d+`, `v(?P<n>[0-9]+)`): both match exactly one segment;
- a plain parameter (`<id>`);
- a regular expression that may span segments (`a.*b`, `\\D+`): matched by `re`;
- a greedy gap (`.+`, `.*`, `<x:path>`, `(?P<x>.+)`): one or more whole segments.

A segment containing any of `* + ? [ ] ( ) { } | \\ ^ $` is a regular expression; a segment
that mixes text with `<name>` is mixed; every other segment is literal text.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    #: A function of one path segment: its captured value, or None when it does not match.
    Test = Callable[[str], Any]

LITERAL, MIXED, TYPED, PATTERN, PARAM = "literal", "mixed", "typed", "pattern", "param"
SPAN, GREEDY = "span", "greedy"

_REGEX_CHARS = frozenset("*+?[](){}|\\^$")
_PREFIX_STOP = _REGEX_CHARS | {".", "<", ">"}
# `<name>` or `<name:conv>`, but not the `(?P<name>` of a named group. Compiled on first use
# (only rules with regular-expression or mixed segments need it), like every regex here.
_PARAM_TOKEN = r"(?<!\?P)<(\w+)(?::(\w+))?>"
# A named group around a greedy gap captures the segments it spans, like `<x:path>`.
_NAMED_GAP = r"\(\?P<(\w+)>\.([+*])\)"


class Converter:
    """Turns a matched segment into a Python value, as Starlette's convertors do."""

    __slots__ = ("name", "rank", "regex")

    def __init__(self, name: str, regex: str, rank: int) -> None:
        self.name = name
        self.regex = regex
        # Position in the explicitness order of the segment kinds (see RANKS).
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

# Lower is more explicit. int and uuid never match the same text, so they share a rank; float
# admits every int, so it ranks below them, level with one-segment regular expressions.
RANKS = {LITERAL: 0, MIXED: 1, PATTERN: 3, PARAM: 4, SPAN: 5, GREEDY: 6}

CONVERTERS: dict[str, Converter] = {
    "int": _IntConverter("int", "[0-9]+", 2),
    "uuid": _UUIDConverter("uuid", _UUID_REGEX, 2),
    "float": _FloatConverter("float", r"[0-9]+(?:\.[0-9]+)?", 3),
    "str": _StrConverter("str", "[^/]+", RANKS[PARAM]),
    "path": Converter("path", ".+", RANKS[GREEDY]),
}

_cache: dict[str, re.Pattern[str]] = {}


def _compiled(regex: str) -> re.Pattern[str]:
    pattern = _cache.get(regex)
    if pattern is None:
        pattern = _cache[regex] = re.compile(regex)
    return pattern


class Segment:
    """One `/`-separated piece of a rule."""

    __slots__ = ("converter", "kind", "name", "rank", "regex", "text")

    def __init__(
        self,
        kind: str,
        text: str,
        regex: str,
        name: str = "",
        converter: Converter | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        # This segment as part of a regular expression over the path.
        self.regex = regex
        # The parameter of a whole-segment `<name>`, `<name:conv>` or named gap.
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
        if self.kind == GREEDY and self.name:
            # `<x:path>` and `(?P<x>.+)` match the same paths; `(?P<x>.*)` matches more.
            return ("<>", "path*" if self.allows_empty else "path")
        return ("re", _compiled(_PARAM_TOKEN).sub("<>", self.text))

    @property
    def allows_empty(self) -> bool:
        """Whether the segment matches the empty string (`.*`, `[a-z]*`)."""
        return _compiled(self.regex).fullmatch("") is not None

    def group_names(self) -> list[str]:
        """The parameters this segment passes, in order."""
        if self.kind == LITERAL:
            return []
        if self.name:
            return [self.name]
        return list(_compiled(self.regex).groupindex)

    def literal_prefix(self) -> str:
        """Text every match of this segment starts with (used to index many patterns)."""
        if self.kind == LITERAL:
            return self.text
        if self.kind == MIXED:
            return self.text.split("<", 1)[0]
        if self.kind not in (PATTERN, SPAN) or "|" in self.text:
            return ""
        end = 0
        while end < len(self.text) and self.text[end] not in _PREFIX_STOP:
            end += 1
        if end < len(self.text) and self.text[end] in "*?{":
            end -= 1  # the last character is optional or repeated
        return self.text[: max(end, 0)]

    def literal_suffix(self) -> str:
        """Text every match of this one-segment matcher ends with ("" when unsure)."""
        if self.kind == MIXED:
            return self.text.rsplit(">", 1)[1]
        if self.kind != PATTERN or any(c in self.text for c in ("|", "\\", "(?")):
            return ""
        start = len(self.text)
        while start > 0 and self.text[start - 1] not in _PREFIX_STOP:
            start -= 1
        return self.text[start:]


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
                for name in segment.group_names():
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
        """Index of the first segment that may span `/` (len() if there is none)."""
        for index, segment in enumerate(self.segments):
            if segment.kind in (SPAN, GREEDY):
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
    parts = _split(normalized[1:]) if normalized != "/" else []
    segments: list[Segment] = []
    seen: set[str] = set()
    for part in parts:
        if part == "":
            raise ValueError(f"route rule {text!r} has an empty segment ('//')")
        segment = _parse_segment(text, part)
        segments.append(segment)
        for name in segment.group_names():
            if name in seen:
                raise ValueError(f"route rule {text!r} uses the parameter name {name!r} twice")
            seen.add(name)
    return Rule(normalized, tuple(segments))


def _split(text: str) -> list[str]:
    """Split a rule at each `/` outside a regex's `[...]` and `(...)`, so that `[^/]+` and
    `(a/b|c)` stay whole segments."""
    if "[" not in text and "(" not in text:
        return text.split("/")
    parts: list[str] = []
    start = depth = opened = 0
    in_class = escaped = False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            # `]` first in a class (`[]a]`, `[^]a]`) is a member, not the end.
            in_class = char != "]" or text[opened:index] in ("", "^")
        elif char == "[":
            in_class, opened = True, index + 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "/" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


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
        regex = f"(?P<{name}>{converter.regex})"
        kind = {"path": GREEDY, "str": PARAM}.get(conv_name, TYPED)
        return Segment(kind, part, regex, name, converter)
    is_regex = bool(_REGEX_CHARS & set(part))
    tokens = list(_compiled(_PARAM_TOKEN).finditer(part)) if "<" in part else []
    if not is_regex and not tokens:
        return Segment(LITERAL, part, re.escape(part))
    if part in (".+", ".*"):
        return Segment(GREEDY, part, part)
    named_gap = _compiled(_NAMED_GAP).fullmatch(part)
    if named_gap is not None:
        return Segment(GREEDY, part, part, named_gap.group(1))
    pieces: list[str] = []
    end = 0
    for token in tokens:
        converter = CONVERTERS.get(token.group(2) or "str")
        if converter is None:
            raise ValueError(f"route rule {rule!r}: unknown converter {token.group(2)!r}")
        text = part[end : token.start()]
        # Around parameters, a mixed segment's text is literal; a regex segment's is regex.
        pieces.append(text if is_regex else re.escape(text))
        pieces.append(f"(?P<{token.group(1)}>{converter.regex})")
        end = token.end()
    tail = part[end:]
    pieces.append(tail if is_regex else re.escape(tail))
    regex = "".join(pieces)
    try:
        compiled = _compiled(regex)
    except re.error as error:
        message = f"route rule {rule!r}: segment {part!r} is not a valid regex: {error}"
        raise ValueError(message) from None
    if _may_match_slash(compiled.pattern):
        return Segment(SPAN, part, regex)
    return Segment(PATTERN if is_regex else MIXED, part, regex)


def _may_match_slash(regex: str) -> bool:
    """Whether some match of `regex` can contain `/` (then it may span segments).

    Reads the parse tree that `re` itself builds; anything not understood counts as spanning.
    """
    import importlib

    try:
        parser = getattr(re, "_parser", None) or importlib.import_module("sre_parse")
        tree = parser.parse(regex)
    except Exception:
        return True
    return _consumes(tree, ord("/"))


def _consumes(items: Any, code: int) -> bool:
    for op, arg in items:
        name = getattr(op, "name", str(op))
        if name == "LITERAL":
            found = arg == code
        elif name == "NOT_LITERAL":
            found = arg != code
        elif name == "IN":
            found = _set_contains(arg, code)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            found = _consumes(arg[2], code)
        elif name == "SUBPATTERN":
            found = _consumes(arg[-1], code)
        elif name == "ATOMIC_GROUP":
            found = _consumes(arg, code)
        elif name == "BRANCH":
            found = any(_consumes(branch, code) for branch in arg[1])
        elif name == "GROUPREF_EXISTS":
            found = _consumes(arg[1], code) or (arg[2] is not None and _consumes(arg[2], code))
        elif name in ("AT", "GROUPREF", "ASSERT", "ASSERT_NOT"):
            # Anchors and lookarounds consume nothing; a back-reference repeats a group
            # that is checked where it is defined.
            found = False
        else:
            found = True  # ANY, and whatever a future `re` adds
        if found:
            return True
    return False


_SLASH_CATEGORIES = ("CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_NOT_SPACE")


def _set_contains(items: Any, code: int) -> bool:
    negate = False
    found = False
    for op, arg in items:
        name = getattr(op, "name", str(op))
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            found = found or arg == code
        elif name == "RANGE":
            found = found or arg[0] <= code <= arg[1]
        elif name == "CATEGORY":
            found = found or getattr(arg, "name", str(arg)) in _SLASH_CATEGORIES
        else:
            found = True
    return found != negate


def segment_test(segment: Segment) -> Test:
    """A function of one path segment: its captured value, or None when it does not match.

    The value is the segment itself for parameters and converters, the `re.Match` for mixed
    and pattern segments (their groups are the parameters), True for literal text.
    """
    if segment.kind == LITERAL:
        text = segment.text
        return lambda value: True if value == text else None
    if segment.kind in (MIXED, PATTERN):
        return re.compile(segment.regex).fullmatch
    if segment.kind == PARAM:
        return lambda value: value or None
    converter = segment.converter
    if converter is None:
        raise TypeError(f"segment {segment.text!r} of kind {segment.kind} has no converter")
    matches = converter.matches
    return lambda value: value if matches(value) else None
