"""The one table of packages (`packages.toml`) and everything derived from it.

    python tools/table.py            # rewrite every derived file from the table
    python tools/table.py --check    # exit 1, naming each derived file that is out of date

Derived files: each `packages/<name>/pyproject.toml`, the `__version__` line of a package that
has one, router-all's re-export map (`router_all/_exports.py`, read from the siblings' `__all__`
without importing them), and the tables between `<!-- table:NAME -->` and `<!-- /table:NAME -->`
in README.md and docs/. noxfile.py reads the table itself. Runs on Python 3.9+ with no
dependency but the standard library (and tomli before 3.11, which nox brings).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - CI runs 3.11+
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("core", "adapter", "extra", "meta", "tool")
CLASSIFIERS = ["Typing :: Typed", "Programming Language :: Python :: 3"]
GENERATED = "Generated from packages.toml by tools/table.py: edit the table, not this file."
DOCS_WITH_TABLES = ["README.md", "docs/index.md", "docs/packages/index.md", "docs/deploying.md"]


@dataclass(frozen=True)
class Package:
    """One row of the table."""

    name: str
    kind: str
    description: str
    holds: str
    requires: list[str]
    tests: list[str]
    extra: str | None = None
    optional: dict[str, list[str]] = field(default_factory=dict)
    exports: list[str] = field(default_factory=list)
    adapters: bool = False
    prefer: dict[str, str] = field(default_factory=dict)
    scripts: dict[str, str] = field(default_factory=dict)
    classifiers: list[str] = field(default_factory=list)
    #: Whether router-all installs and re-exports it; heavy static assets stay out of a
    #: monolithic function unless it asks for them (DESIGN: they never land by default).
    in_all: bool = True

    @property
    def module(self) -> str:
        return self.name.replace("-", "_")


@dataclass(frozen=True)
class Table:
    version: str
    packages: dict[str, Package]
    root: Path = ROOT

    def of_kind(self, kind: str) -> list[str]:
        return [name for name, row in self.packages.items() if row.kind == kind]

    @property
    def adapters(self) -> list[str]:
        return self.of_kind("adapter")

    @property
    def extras(self) -> list[str]:
        return self.of_kind("extra")

    @property
    def bundled_extras(self) -> list[str]:
        """The extras router-all carries (all but heavy assets)."""
        return [name for name in self.extras if self.packages[name].in_all]

    @property
    def pin(self) -> str:
        """The specifier every sibling requirement carries: the same minor release."""
        return f"~={self.version}"

    def siblings_required(self, name: str) -> list[str]:
        """The router-* packages `name` depends on directly, in table order."""
        row = self.packages[name]
        direct = [r for r in row.requires if r in self.packages]
        if row.kind == "meta":
            direct = self.of_kind("core") + self.adapters + self.bundled_extras
        elif row.adapters:
            direct = direct + [a for a in self.adapters if a not in direct]
        return [n for n in self.packages if n in direct]

    def dependencies(self, name: str) -> list[str]:
        """`name`'s pip requirements: siblings pinned to this minor release, then the rest."""
        row = self.packages[name]
        siblings = [f"{n}{self.pin}" for n in self.siblings_required(name)]
        return siblings + [r for r in row.requires if r not in self.packages]

    def optional_dependencies(self, name: str) -> dict[str, list[str]]:
        row = self.packages[name]
        extras: dict[str, list[str]] = {}
        if row.kind == "adapter":
            for extra in self.extras:
                extras[str(self.packages[extra].extra)] = [f"{extra}{self.pin}"]
        extras.update(row.optional)
        return extras

    def closure(self, names: list[str]) -> list[str]:
        """`names` and every sibling they need, transitively, in table order."""
        seen: set[str] = set()
        pending = list(names)
        while pending:
            name = pending.pop()
            if name not in seen:
                seen.add(name)
                pending.extend(self.siblings_required(name))
        return [n for n in self.packages if n in seen]


def load(root: Path = ROOT) -> Table:
    """Read and check `packages.toml`; a bad row raises ValueError naming it."""
    data = tomllib.loads((root / "packages.toml").read_text(encoding="utf-8"))
    version = data.get("version")
    if not isinstance(version, str) or not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise ValueError(f"packages.toml: version must be MAJOR.MINOR.PATCH, got {version!r}")
    packages: dict[str, Package] = {}
    for name, row in data.get("packages", {}).items():
        try:
            package = Package(name=name, **row)
        except TypeError as error:
            raise ValueError(f"packages.toml: row {name}: {error}") from None
        if package.kind not in KINDS:
            raise ValueError(f"packages.toml: row {name}: kind must be one of {KINDS}")
        if (package.kind == "extra") != (package.extra is not None):
            raise ValueError(f"packages.toml: row {name}: `extra` is for kind = extra, and needed")
        packages[name] = package
    for package in packages.values():
        for requirement in package.requires:
            if requirement.startswith("router-") and requirement not in packages:
                raise ValueError(f"packages.toml: {package.name} requires unknown {requirement}")
    return Table(version, packages, root)


# --- pyproject.toml ---------------------------------------------------------------------------


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def _toml_array(key: str, values: list[str]) -> str:
    line = f"{key} = {_toml_list(values)}"
    if len(line) <= 100:
        return line
    return f"{key} = [\n" + "".join(f'    "{v}",\n' for v in values) + "]"


def pyproject(table: Table, name: str) -> str:
    """The text of `packages/<name>/pyproject.toml`."""
    row = table.packages[name]
    lines = [
        f"# {GENERATED}",
        "[build-system]",
        'requires = ["hatchling"]',
        'build-backend = "hatchling.build"',
        "",
        "[project]",
        f'name = "{name}"',
        f'version = "{table.version}"',
        f'description = "{row.description}"',
        'readme = "README.md"',
        'requires-python = ">=3.9"',
        'license = "MIT"',
        _toml_array("dependencies", table.dependencies(name)),
        _toml_array("classifiers", CLASSIFIERS + row.classifiers),
    ]
    optional = table.optional_dependencies(name)
    if optional:
        lines += ["", "[project.optional-dependencies]"]
        lines += [_toml_array(extra, reqs) for extra, reqs in optional.items()]
    if row.scripts:
        lines += ["", "[project.scripts]"]
        lines += [f'{command} = "{target}"' for command, target in row.scripts.items()]
    lines += ["", "[tool.hatch.build.targets.wheel]", f'packages = ["src/{row.module}"]', ""]
    return "\n".join(lines)


# --- router-all's re-exports ------------------------------------------------------------------


def _module_file(table: Table, module: str) -> Path:
    top = module.split(".")[0]
    base = table.root / "packages" / top.replace("_", "-") / "src"
    path = base.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def public_names(path: Path) -> list[str]:
    """A module's `__all__` read from its source, or else the classes and functions it defines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return [str(name) for name in ast.literal_eval(node.value)]  # type: ignore[attr-defined]
    defined = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return [n.name for n in tree.body if isinstance(n, defined) and not n.name.startswith("_")]


def reexports(table: Table) -> tuple[dict[str, str], list[str]]:
    """router-all's map name -> module, and the modules it re-exports from, in table order.

    A name that two packages both export is left out (import it from the package you mean),
    unless router-all's row `prefer`s one of them; within one package the first module wins.
    """
    meta = table.of_kind("meta")
    prefer = table.packages[meta[0]].prefer if meta else {}
    runtime = table.of_kind("core") + table.adapters + table.bundled_extras
    modules: list[str] = []
    owners: dict[str, dict[str, str]] = {}  # name -> {distribution: module}
    for name in runtime:
        row = table.packages[name]
        for module in row.exports or [row.module]:
            modules.append(module)
            for public in public_names(_module_file(table, module)):
                if not public.startswith("__"):
                    owners.setdefault(public, {}).setdefault(name, module)
    sources: dict[str, str] = {}
    for public, by_package in sorted(owners.items()):
        if len(by_package) == 1:
            sources[public] = next(iter(by_package.values()))
        elif prefer.get(public) in by_package:
            sources[public] = by_package[prefer[public]]
    return sources, modules


def _isort(name: str) -> tuple[int, str]:
    """ruff's import order within a module: constants, then classes, then the rest."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def exports_module(table: Table) -> str:
    """The text of `router_all/_exports.py`."""
    sources, modules = reexports(table)
    lines = [f'"""{GENERATED}"""', "", "from __future__ import annotations", ""]
    lines += ["TYPE_CHECKING = False", "if TYPE_CHECKING:"]
    for public, module in sorted(sources.items(), key=lambda item: (item[1], _isort(item[0]))):
        line = f"    from {module} import {public} as {public}"
        if len(line) > 100:  # as ruff format wraps it
            line = f"    from {module} import (\n        {public} as {public},\n    )"
        lines.append(line)
    lines += ["", "# name -> the module that defines it", "SOURCES: dict[str, str] = {"]
    lines += [f'    "{public}": "{module}",' for public, module in sources.items()]
    lines += ["}", "", "# where a name that SOURCES does not know yet is looked for, in order"]
    lines += ["MODULES: tuple[str, ...] = ("]
    lines += [f'    "{module}",' for module in modules]
    lines += [")", ""]
    return "\n".join(lines)


# --- docs tables ------------------------------------------------------------------------------


def _depends_on(table: Table, name: str) -> str:
    row = table.packages[name]
    if row.kind == "meta":
        return "router-core, every adapter and extra"
    siblings = table.siblings_required(name)
    if row.adapters:
        siblings = [s for s in siblings if s not in table.adapters]
    if row.adapters:
        siblings.append("every adapter")
    third_party = [re.split(r"[<>=~!\[; ]", r)[0] for r in row.requires if r not in table.packages]
    return ", ".join(siblings + third_party) or "nothing"


def packages_table(table: Table, link_dir: str | None) -> str:
    lines = ["| distribution | import | holds | depends on |", "|---|---|---|---|"]
    for name, row in table.packages.items():
        label = f"[{name}]({link_dir}{name}.md)" if link_dir is not None else name
        lines.append(f"| {label} | `{row.module}` | {row.holds} | {_depends_on(table, name)} |")
    return "\n".join(lines)


def extras_table(table: Table) -> str:
    lines = ["| pip extra of every adapter | installs | adds |", "|---|---|---|"]
    for name in table.extras:
        row = table.packages[name]
        lines.append(f"| `{row.extra}` | {name} | {row.holds} |")
    return "\n".join(lines)


def doc_tables(table: Table, path: str) -> dict[str, str]:
    """The tables that `path` (relative to the root) may hold, by marker name."""
    depth = path.count("/")
    packages_dir = {0: None, 1: "packages/", 2: ""}.get(depth)
    return {"packages": packages_table(table, packages_dir), "extras": extras_table(table)}


def fill_markers(text: str, tables: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in tables:
            raise ValueError(f"unknown table marker {name!r}; known: {sorted(tables)}")
        return f"<!-- table:{name} -->\n{tables[name]}\n<!-- /table:{name} -->"

    return re.sub(r"<!-- table:(\w+) -->.*?<!-- /table:\1 -->", replace, text, flags=re.DOTALL)


# --- all derived files ------------------------------------------------------------------------


def derived(table: Table) -> dict[Path, str]:
    """Every derived file's path and the text the table gives it."""
    files: dict[Path, str] = {}
    for name, row in table.packages.items():
        folder = table.root / "packages" / name
        files[folder / "pyproject.toml"] = pyproject(table, name)
        init = folder / "src" / row.module / "__init__.py"
        if init.is_file():
            text = init.read_text(encoding="utf-8")
            version_line = f'__version__ = "{table.version}"'
            files[init] = re.sub(r"(?m)^__version__ = .*$", version_line, text)
    for meta in table.of_kind("meta"):
        module = table.packages[meta].module
        files[table.root / "packages" / meta / "src" / module / "_exports.py"] = exports_module(
            table
        )
    for path in DOCS_WITH_TABLES:
        doc = table.root / path
        if doc.is_file():
            files[doc] = fill_markers(doc.read_text(encoding="utf-8"), doc_tables(table, path))
    return files


def stale(table: Table) -> list[Path]:
    """The derived files whose text differs from what the table gives."""
    return [
        path
        for path, text in derived(table).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files")
    args = parser.parse_args(argv)
    table = load()
    out_of_date = stale(table)
    for path in out_of_date:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(table.root)}")
    if args.check:
        if out_of_date:
            print("run `python tools/table.py` to regenerate them from packages.toml")
        return 1 if out_of_date else 0
    for path, text in derived(table).items():
        if path in out_of_date:
            path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
