"""Port a Powertools app as docs/migration.md tells a user to: change its imports, nothing
else. The import table is read from migration.md itself, so the apps here move by the rows a
reader sees, and an import the table lacks fails the port."""

from __future__ import annotations

import ast
import re
from pathlib import Path

MIGRATION = Path(__file__).resolve().parents[2] / "docs" / "migration.md"
_ROW = re.compile(r"^\|\s*`(?P<before>[^`]+)`\s*\|\s*`(?P<after>[^`]+)`\s*\|\s*$", re.MULTILINE)
_IMPORT = re.compile(r"^(?:from (?P<module>\S+)|\.\.\.) import (?P<names>.+)$")
WILDCARD = "..."

# (Powertools module, name) -> router module; (module, "...") for "NotFoundError, ..." rows
Table = dict[tuple[str, str], str]


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def import_table(text: str | None = None) -> Table:
    """The rows of migration.md's import tables, as (Powertools module, name) -> module."""
    table: Table = {}
    module = ""
    for row in _ROW.finditer(text if text is not None else MIGRATION.read_text("utf-8")):
        before = _IMPORT.match(row["before"].strip())
        after = _IMPORT.match(row["after"].strip())
        if before is None or after is None or after["module"] is None:
            continue
        module = before["module"] or module  # "... import X" continues the row above
        names = _names(before["names"])
        if names != _names(after["names"]):
            raise ValueError(f"migration.md row imports other names: {row[0]}")
        for name in names:
            table[(module, name)] = after["module"]
    return table


def target(table: Table, module: str, name: str) -> str:
    """Where `from module import name` moves; a name Powertools offers from several modules
    (`event_handler` and `event_handler.api_gateway`) moves to one place."""
    found = table.get((module, name)) or table.get((module, WILDCARD))
    if found is None:
        places = {moved for (_, known), moved in table.items() if known == name}
        if len(places) == 1:
            found = places.pop()
    if found is None:
        raise LookupError(f"migration.md has no row for `from {module} import {name}`")
    return found


def port(source: str, table: Table | None = None) -> str:
    """`source` with each Powertools import replaced by the imports the table names."""
    table = table if table is not None else import_table()
    lines = source.splitlines(keepends=True)
    for node in reversed(ast.parse(source).body):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("aws_")):
            continue
        moved: dict[str, list[str]] = {}
        for alias in node.names:
            spelled = alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"
            moved.setdefault(target(table, node.module or "", alias.name), []).append(spelled)
        text = "".join(f"from {m} import {', '.join(names)}\n" for m, names in moved.items())
        lines[node.lineno - 1 : node.end_lineno] = [text]
    return "".join(lines)
