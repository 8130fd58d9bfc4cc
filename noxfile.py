"""Test sessions, generated from one table of packages.

Each package is tested alone, installed with only the siblings its pyproject declares (so a
missing dependency fails), then in the combinations users install. `nox` runs every default
session; `nox -s bench` and `nox -s demo` run on demand.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nox

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - nox runs on 3.11+ in CI
    import tomli as tomllib

ROOT = Path(__file__).parent
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False
nox.options.sessions = []  # filled below: every session but bench and demo

TEST_DEPS = ["pytest>=8", "hypothesis>=6.100"]

# distribution -> the test folders that need nothing beyond it and its declared dependencies.
PACKAGES: dict[str, list[str]] = {
    "router-core": ["tests/router_core"],
    "router-rest": ["tests/router_rest", "tests/sources"],
    "router-http": ["tests/router_http", "tests/sources"],
    "router-alb": ["tests/router_alb", "tests/sources"],
    "router-function-url": ["tests/router_function_url", "tests/sources"],
    "router-cors": ["tests/router_cors"],
    "router-binary": ["tests/router_binary"],
    "router-compression": ["tests/router_compression"],
    "router-all": ["tests/router_all"],
    "router-local": ["tests/router_local"],
}

ADAPTERS = ["router-rest", "router-http", "router-alb", "router-function-url"]
EXTRAS = ["router-cors", "router-binary", "router-compression"]

# name -> (distributions installed, test folders run). What users install side by side.
COMBINATIONS: dict[str, tuple[list[str], list[str]]] = {
    "lean": (
        ["router-core", "router-rest"],
        ["tests/router_core", "tests/router_rest", "tests/sources", "tests/lean"],
    ),
    "all-sources": (["router-all"], ["tests/sources"]),
}
for _adapter in ADAPTERS:
    for _extra in EXTRAS:
        _name = f"{_adapter.removeprefix('router-')}+{_extra.removeprefix('router-')}"
        COMBINATIONS[_name] = ([_adapter, _extra], [f"tests/{_extra.replace('-', '_')}"])


def _present(distribution: str) -> bool:
    return (ROOT / "packages" / distribution / "pyproject.toml").is_file()


def _siblings(distribution: str) -> list[str]:
    """`distribution` and every router-* package it depends on, from the pyprojects."""
    seen: list[str] = []
    pending = [distribution]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.append(name)
        data = tomllib.loads((ROOT / "packages" / name / "pyproject.toml").read_text())
        for requirement in data["project"].get("dependencies", []):
            dep = requirement.split("[")[0].split("=")[0].split("<")[0].split(">")[0].strip()
            if dep.startswith("router-"):
                pending.append(dep)
    return seen


def _install(session: nox.Session, distributions: list[str]) -> None:
    closure: list[str] = []
    for distribution in distributions:
        closure.extend(d for d in _siblings(distribution) if d not in closure)
    session.install(*(str(ROOT / "packages" / d) for d in closure))


def _pytest(session: nox.Session, folders: list[str]) -> None:
    existing = [f for f in folders if (ROOT / f).is_dir()]
    if not existing:
        session.error(f"no test folder among {folders}")
    session.run("pytest", *existing, *session.posargs)


def _test_session(name: str, distributions: list[str], folders: list[str]) -> None:
    @nox.session(name=name)
    def run(session: nox.Session) -> None:
        session.install(*TEST_DEPS)
        _install(session, distributions)
        _pytest(session, folders)

    nox.options.sessions.append(name)


for _distribution, _folders in PACKAGES.items():
    if _present(_distribution):
        _test_session(_distribution, [_distribution], _folders)

for _name, (_distributions, _folders) in COMBINATIONS.items():
    if all(_present(d) for d in _distributions):
        _test_session(_name, _distributions, _folders)


def _all_present() -> list[str]:
    return [d for d in PACKAGES if _present(d)]


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("mypy", "orjson", "brotli-stubs", "werkzeug", "pytest", "hypothesis")
    sources = [
        str(path)
        for distribution in _all_present()
        for path in (ROOT / "packages" / distribution / "src").glob("router_*")
    ]
    session.run("mypy", "--strict", *sources)


nox.options.sessions += ["lint", "typecheck"]


@nox.session
def bench(session: nox.Session) -> None:
    """Per-request cost and cold start against a hand-written handler and aws-lambda-powertools."""
    session.install("aws-lambda-powertools")
    _install(session, _all_present())
    session.run("python", "bench/run.py", *session.posargs)


EXAMPLE_TEMPLATES = [
    "examples/todos/template-rest.yaml",
    "examples/todos/template-function-url.yaml",
]


def _everything() -> list[str]:
    """router-all and router-local (their closures), or every package there is so far."""
    wanted = ["router-all", "router-local"]
    return [d for d in wanted if _present(d)] if _present("router-all") else _all_present()


@nox.session
def examples(session: nox.Session) -> None:
    """The documentation's examples as tests, and cfn-lint on the todos example's templates."""
    session.install(*TEST_DEPS, "cfn-lint")
    _install(session, _everything())
    session.run("cfn-lint", *EXAMPLE_TEMPLATES)
    # The todos example is also served through router-local, as `nox -s demo` does, and
    # tests/router_local runs again here with every extra (CORS, binary, compression) present.
    folders = ["examples", "tests/router_local"] if _present("router-local") else ["examples"]
    session.run("pytest", *folders, *session.posargs)


nox.options.sessions.append("examples")


@nox.session
def demo(session: nox.Session) -> None:
    """Serve the todos example on http://127.0.0.1:3000 through the local server (Ctrl+C stops)."""
    _install(session, _everything())
    session.log("Try, in another terminal:")
    for line in [
        "curl http://127.0.0.1:3000/todos",
        "curl http://127.0.0.1:3000/todos/1",
        'curl -i -X POST http://127.0.0.1:3000/todos -d \'{"title": "Water the plants"}\'',
        "curl -i -X PATCH http://127.0.0.1:3000/todos/1 -d '{\"completed\": true}'",
        "curl -i 'http://127.0.0.1:3000/todos?completed=maybe'",
        "curl -i -X DELETE http://127.0.0.1:3000/todos",
    ]:
        session.log(f"  {line}")
    app_dir = str(ROOT / "examples" / "todos")
    session.run("router", "serve", "app:app", "--app-dir", app_dir, *session.posargs)
