"""A rule as an OpenAPI path template, with its path parameters typed by their converters.

    /todos/<todo_id:int>      -> /todos/{todo_id}   todo_id: integer
    /files/<key:uuid>         -> /files/{key}       key: string, format uuid
    /static/<rest:path>       -> /static/{rest}     rest: string (may contain '/')
    /v<major>/items           -> /v{major}/items    (a mixed segment keeps its text)
    /api/v[0-9]+/x            -> /api/{segment1}/x  segment1: string matching ^v[0-9]+$
    .+ (catch-all)            -> /{path}            path: any rest of the path

A regular expression cannot be written as a template, so such a segment becomes a parameter of
its own whose schema carries the regex as `pattern`: the document stays valid and still says
what the route matches.
"""

from __future__ import annotations

import re

from router_core.routing.rules import CONVERTERS, GREEDY, LITERAL, MIXED, PATTERN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.routing import Rule

_TOKEN = re.compile(r"(?<!\?P)<(\w+)(?::(\w+))?>")
_REGEX_CHARS = frozenset("*+?[](){}|\\^$.")

_CONVERTER_SCHEMAS: dict[str, dict[str, Any]] = {
    "int": {"type": "integer", "minimum": 0},
    "float": {"type": "number", "minimum": 0},
    "uuid": {"type": "string", "format": "uuid"},
    "str": {"type": "string"},
    "path": {"type": "string"},
}


def title(name: str) -> str:
    """A parameter's title as Powertools writes it (`todo_id` -> `Todo Id`)."""
    return name.replace("_", " ").title()


class PathTemplate:
    """A rule's template and its path parameters (name -> schema), in order."""

    __slots__ = ("parameters", "template")

    def __init__(self, template: str, parameters: dict[str, dict[str, Any]]) -> None:
        self.template = template
        self.parameters = parameters


def path_template(rule: Rule) -> PathTemplate:
    parts: list[str] = []
    parameters: dict[str, dict[str, Any]] = {}
    for segment in rule.segments:
        if segment.kind == LITERAL:
            parts.append(segment.text)
        elif segment.converter is not None:
            parts.append("{" + segment.name + "}")
            parameters[segment.name] = _converter_schema(segment.converter.name, segment.name)
        else:
            tokens = list(_TOKEN.finditer(segment.text))
            rest = _TOKEN.sub("", segment.text)
            if segment.kind == MIXED or (
                segment.kind == PATTERN and tokens and not (_REGEX_CHARS & set(rest))
            ):
                # `v<major>`: text and parameters only, which a template can say.
                parts.append(_TOKEN.sub(lambda m: "{" + m.group(1) + "}", segment.text))
                for token in tokens:
                    name = token.group(1)
                    parameters[name] = _converter_schema(token.group(2) or "str", name)
            else:
                name = _free_name(segment.kind, rule.names, parameters)
                parts.append("{" + name + "}")
                schema: dict[str, Any] = {"type": "string", "title": title(name)}
                if segment.kind == GREEDY:
                    schema["description"] = "The rest of the path (may contain '/')."
                else:
                    # JSON Schema patterns are ECMA-262: `(?<name>`, not Python's `(?P<name>`.
                    pattern = _TOKEN.sub(_group, segment.text).replace("(?P<", "(?<")
                    schema["pattern"] = f"^{pattern}$"
                parameters[name] = schema
    return PathTemplate("/" + "/".join(parts), parameters)


def _converter_schema(converter: str, name: str) -> dict[str, Any]:
    schema = dict(_CONVERTER_SCHEMAS.get(converter, {"type": "string"}))
    schema["title"] = title(name)
    return schema


def _group(match: re.Match[str]) -> str:
    converter = CONVERTERS.get(match.group(2) or "str")
    return f"(?:{converter.regex if converter is not None else '[^/]+'})"


def _free_name(kind: str, taken: tuple[str, ...], found: dict[str, Any]) -> str:
    base = "path" if kind == GREEDY else "segment"
    for number in range(1, 100):
        name = base if number == 1 and base == "path" else f"{base}{number}"
        if name not in taken and name not in found:
            return name
    raise ValueError(f"cannot name a parameter for a {kind} segment")  # pragma: no cover
