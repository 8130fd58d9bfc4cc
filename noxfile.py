"""Test sessions, generated from one table of packages.

Each package is tested alone, installed with only the siblings its pyproject declares (so a
missing dependency fails), then in the combinations users install. `nox` runs every default
session; `nox -s bench` and `nox -s demo` run on demand.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import nox

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).parent
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False
nox.options.sessions = []  # filled below: every session but bench and demo

TEST_DEPS = ["pytest>=8", "hypothesis>=6.100"]
# Test-only needs of some test folders, beyond the packages they test.
FOLDER_TEST_DEPS = {"tests/router_openapi": ["openapi-spec-validator"]}
# Sibling packages a test folder needs besides what its package declares: the OpenAPI tests
# document apps of one source. router-rest brings nothing but router-core, so a dependency
# router-openapi forgot to declare still fails its session.
FOLDER_TEST_PACKAGES = {"tests/router_openapi": ["router-rest"]}
# Sessions whose own tests must cover their package: session -> (import name, least percent).
# router-core's session reaches its resolver through a fake source (tests/support).
COVERAGE = {"router-core": ("router_core", 90)}


def _load_table() -> ModuleType:
    # tools/ is not a package: load the module by path, so that nothing shadows it.
    spec = importlib.util.spec_from_file_location("router_table", ROOT / "tools" / "table.py")
    if spec is None or spec.loader is None:
        raise ImportError("cannot load tools/table.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TABLE = _load_table().load(ROOT)  # packages.toml: what is written once
DIST = ROOT / "dist"
# Lambda's platform, for `router package` tests: (pip platform tags, Python version).
LAMBDA_PLATFORMS = [
    (["manylinux2014_x86_64", "manylinux_2_28_x86_64"], "3.12"),
    (["manylinux2014_aarch64", "manylinux_2_28_aarch64"], "3.12"),
]

# name -> (distributions installed, test folders run). What users install side by side.
COMBINATIONS: dict[str, tuple[list[str], list[str]]] = {
    "lean": (
        ["router-core", "router-rest"],
        ["tests/router_core", "tests/router_rest", "tests/sources", "tests/lean"],
    ),
    "all-sources": (TABLE.of_kind("meta"), ["tests/sources", "tests/router_core"]),
    # router-openapi documents validated routes through router-validation's plan.
    "openapi+validation": (
        ["router-rest", "router-openapi", "router-validation"],
        ["tests/router_openapi"],
    ),
}
for _adapter in TABLE.adapters:
    for _extra in TABLE.extras:
        _name = f"{_adapter.removeprefix('router-')}+{_extra.removeprefix('router-')}"
        COMBINATIONS[_name] = ([_adapter, _extra], [f"tests/{TABLE.packages[_extra].module}"])


def _present(distribution: str) -> bool:
    return (ROOT / "packages" / distribution / "pyproject.toml").is_file()


def _install(session: nox.Session, distributions: list[str]) -> None:
    """`distributions` and the siblings they declare, nothing more: a missing one fails."""
    closure = TABLE.closure(distributions)
    session.install(*(str(ROOT / "packages" / d) for d in closure))


def _pytest(session: nox.Session, folders: list[str], env: dict[str, str] | None = None) -> None:
    existing = [f for f in folders if (ROOT / f).is_dir()]
    if not existing:
        session.error(f"no test folder among {folders}")
    session.run("pytest", *existing, *session.posargs, env=env)


def _covered_pytest(
    session: nox.Session, folders: list[str], env: dict[str, str], module: str, least: int
) -> None:
    """`_pytest` under coverage (a check only: it never ships), failing under `least`%."""
    session.install("coverage")
    # The data file stays in the session's folder, never in the checkout.
    env = {**env, "COVERAGE_FILE": str(Path(session.create_tmp()) / ".coverage")}
    session.run("coverage", "erase", env=env)
    run = ("coverage", "run", f"--source={module}", "-m", "pytest")
    session.run(*run, *folders, *session.posargs, env=env)
    session.run("coverage", "report", f"--fail-under={least}", env=env)


def _lambda_wheels(session: nox.Session) -> dict[str, str]:
    """Lambda-platform wheels of router-core's third-party dependencies, for `router package`
    tests, which otherwise skip what needs them (the registry is only reached here)."""
    folder = Path(session.create_tmp()) / "lambda-wheels"
    core = TABLE.dependencies("router-core")
    for platforms, python in LAMBDA_PLATFORMS:
        tags = [arg for platform in platforms for arg in ("--platform", platform)]
        session.run(
            *("python", "-m", "pip", "download", "--quiet", "--dest", str(folder)),
            *(*tags, "--python-version", python, "--implementation", "cp"),
            *("--only-binary=:all:", *core),
        )
    return {"ROUTER_LAMBDA_WHEELHOUSE": str(folder)}


def _test_session(name: str, distributions: list[str], folders: list[str]) -> None:
    @nox.session(name=name)
    def run(session: nox.Session) -> None:
        session.install(*TEST_DEPS, *(d for f in folders for d in FOLDER_TEST_DEPS.get(f, [])))
        extra = [p for f in folders for p in FOLDER_TEST_PACKAGES.get(f, [])]
        _install(session, [*distributions, *(p for p in extra if p not in distributions)])
        env = {}
        if "tests/router_local" in folders:  # `router package` builds wheels in its tests
            session.install("build", "hatchling")
            env = _lambda_wheels(session)
        if "tests/lean" in folders:  # what is installed is what these tests check
            env["ROUTER_LEAN_SESSION"] = "1"
        if name in COVERAGE:
            _covered_pytest(session, folders, env, *COVERAGE[name])
        else:
            _pytest(session, folders, env)

    nox.options.sessions.append(name)


for _distribution, _row in TABLE.packages.items():
    if _present(_distribution):
        _test_session(_distribution, [_distribution], _row.tests)

for _name, (_distributions, _folders) in COMBINATIONS.items():
    if all(_present(d) for d in _distributions):
        _test_session(_name, _distributions, _folders)


def _all_present() -> list[str]:
    return [d for d in TABLE.packages if _present(d)]


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    # The packages' third-party dependencies, optional ones included, so mypy checks against
    # their real types.
    session.install(
        "mypy", "orjson", "brotli-stubs", "werkzeug", "msgspec", "pydantic", "pytest", "hypothesis"
    )
    sources = [
        str(path)
        for distribution in _all_present()
        for path in (ROOT / "packages" / distribution / "src").glob("router_*")
    ]
    # Every package's src on mypy's path, from the table, so a new row needs nothing more.
    path = ":".join(str(ROOT / "packages" / d / "src") for d in _all_present())
    session.run("mypy", "--strict", *sources, env={"MYPYPATH": path})


@nox.session
def table(session: nox.Session) -> None:
    """The files derived from packages.toml are up to date, and every package agrees on it."""
    session.install(*TEST_DEPS, "tomli; python_version < '3.11'")
    session.run("python", "tools/table.py", "--check")
    _pytest(session, ["tests/repo"])


nox.options.sessions += ["lint", "typecheck", "table"]

POWERTOOLS = "aws-lambda-powertools==3.37.0"  # the reference the compatibility checks run against


@nox.session
def compat(session: nox.Session) -> None:
    """Powertools apps run unchanged: the apps of tests/compat, as written for Powertools and
    ported by their imports, answer the same events alike (the reference installed here only)."""
    session.install(*TEST_DEPS, POWERTOOLS)
    _install(session, TABLE.of_kind("meta"))
    _pytest(session, ["tests/compat"])


nox.options.sessions.append("compat")


def _third_party() -> list[str]:
    """Every third-party requirement of every package, extras included, from the table."""
    found: list[str] = []
    for name in _all_present():
        optional = TABLE.optional_dependencies(name).values()
        for requirement in TABLE.dependencies(name) + [r for rs in optional for r in rs]:
            if requirement.split("~=")[0] not in TABLE.packages and requirement not in found:
                found.append(requirement)
    return found


@nox.session
def wheels(session: nox.Session) -> None:
    """Build the wheelhouse dist/ and install from it offline, as README says.

    Every package's wheel and sdist, built with hatchling, and the wheels of their third-party
    dependencies for this machine; then fresh virtualenvs install `router-rest[cors,compression]`
    and `router-local` from dist/ alone (--no-index).
    """
    session.install("build", "hatchling")
    DIST.mkdir(exist_ok=True)
    for old in DIST.glob("router_*"):  # another version's files would mislead pip
        old.unlink()
    for distribution in _all_present():
        session.run(
            *("python", "-m", "build", "--no-isolation", "--outdir", str(DIST)),
            str(ROOT / "packages" / distribution),
            silent=True,
        )
    session.run(
        "python", "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(DIST), *_third_party()
    )
    session.log(f"wheelhouse: {DIST} ({len(list(DIST.iterdir()))} files)")
    _install_offline(session, ["router-rest[cors,compression]"], _OFFLINE_CHECK)
    _install_offline(session, ["router-local"], None)


nox.options.sessions.append("wheels")

# What the offline install of router-rest[cors,compression] must then do: answer a compressed
# CORS response.
_OFFLINE_CHECK = """
from router_cors import CORSConfig
from router_rest import APIGatewayRestResolver
app = APIGatewayRestResolver(cors=CORSConfig(allow_origin="https://example.com"))
app.get("/report", compress=True)(lambda: {"rows": ["x" * 100] * 100})
headers = {"Origin": "https://example.com", "Accept-Encoding": "br"}
response = app.test_client().get("/report", headers=headers)
assert response.status_code == 200, response
assert response.header("Content-Encoding") == "br", response
assert response.header("Access-Control-Allow-Origin") == "https://example.com", response
"""


def _install_offline(session: nox.Session, requirements: list[str], check: str | None) -> None:
    """pip installs `requirements` into a fresh virtualenv from dist/ alone, then `check` runs."""
    venv = Path(session.create_tmp()) / "offline"
    if venv.exists():
        shutil.rmtree(venv)
    session.run("python", "-m", "venv", str(venv), silent=True)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    # No configuration either: only dist/ is a source of packages.
    env = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": str(DIST), "PIP_NO_INDEX": "1"}
    pip = [str(bin_dir / "python"), "-m", "pip"]
    session.run(
        *pip,
        "install",
        "--quiet",
        "--no-index",
        "--find-links",
        str(DIST),
        *requirements,
        env=env,
        external=True,
    )
    session.run(*pip, "check", env=env, external=True)
    if check is not None:
        session.run(str(bin_dir / "python"), "-c", check, external=True)
    else:
        session.run(str(bin_dir / "router"), "--version", external=True)


@nox.session
def bench(session: nox.Session) -> None:
    """Per-request cost and cold start against a hand-written handler and aws-lambda-powertools."""
    session.install("aws-lambda-powertools==3.37.0")  # the version the targets speak of
    _install(session, _all_present())
    session.run("python", "bench/run.py", *session.posargs)


def _chromium(session: nox.Session) -> str:
    """Debian's chromium: installed with apt-get when it is missing and we are root (as on CI);
    elsewhere the session says what to install."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return _debian_package(session, "chromium", "chromium")


def _debian_package(session: nox.Session, package: str, command: str) -> str:
    """`command`, from Debian's `package` installed with apt-get when we are root (as on CI)."""
    if shutil.which("apt-get") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        _cannot(session, f"needs {command}: run `apt-get install {package}` as root")
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run("apt-get", "update", "-qq", env=env, external=True)
    session.run("apt-get", "install", "-y", "-qq", package, env=env, external=True)
    found = shutil.which(command)
    if found is None:
        session.error(f"apt-get installed {package}, yet no `{command}` is on PATH")
    return found


def _cannot(session: nox.Session, reason: str) -> None:
    # On CI a session that cannot run fails; a developer's machine may just lack the tool.
    if os.environ.get("CI"):
        session.error(reason)
    session.skip(reason)


def _swagger_ui_dist(session: nox.Session) -> Path:
    """swagger-ui-dist of the pinned version, from the npm registry, checked against the
    tarball integrity that router_openapi.assets pins, unpacked; the folder of its files."""
    import base64
    import hashlib
    import tarfile

    if shutil.which("npm") is None:  # the tarball comes from the npm registry
        _debian_package(session, "npm", "npm")
    folder = Path(session.create_tmp()) / "swagger-ui-dist"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    pinned = session.run(
        "python",
        "-c",
        "from router_openapi import assets as a; print(a.SWAGGER_UI_VERSION, a.TARBALL_INTEGRITY)",
        silent=True,
    )
    version, integrity = str(pinned).split()
    session.run(
        *("npm", "pack", f"swagger-ui-dist@{version}", "--silent"),
        *("--pack-destination", str(folder)),
        external=True,
        silent=True,
    )
    tarball = folder / f"swagger-ui-dist-{version}.tgz"
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != integrity:
        session.error(f"{tarball.name} is not the pinned release (integrity sha512-{digest})")
    with tarfile.open(tarball) as archive:
        if hasattr(tarfile, "data_filter"):  # refuses links and paths out of the folder
            archive.extractall(folder, filter="data")
        else:  # pragma: no cover (Pythons before 3.11.4 / 3.9.17; the tarball is checked)
            archive.extractall(folder)
    return folder / "package"


@nox.session(name="swagger-ui")
def swagger_ui(session: nox.Session) -> None:
    """router-openapi's Swagger UI in headless Chromium: every operation renders, the pinned
    integrity hashes hold, the OAuth2 redirect page works. Installs what it needs: Debian's
    chromium (apt-get, as root) and swagger-ui-dist of the pinned version (npm pack)."""
    chromium = _chromium(session)
    session.install(*TEST_DEPS)
    _install(session, ["router-rest", "router-openapi", "router-swagger-ui"])
    env = {"ROUTER_SWAGGER_UI_DIST": str(_swagger_ui_dist(session)), "ROUTER_CHROMIUM": chromium}
    # Every test must run: a skip here would hide a browser that is missing.
    session.run("pytest", "-p", "no:cacheprovider", "-rs", *SWAGGER_UI_TESTS, env=env)


SWAGGER_UI_TESTS = ["tests/router_openapi/test_swagger_browser.py"]
nox.options.sessions.append("swagger-ui")


SCHEMATHESIS = "schemathesis~=4.32"  # the fuzzer's generation moves between releases
FUZZED_APP = "examples/openapi_validated"


@nox.session
def schemathesis(session: nox.Session) -> None:
    """The OpenAPI document against what the app answers: schemathesis fuzzes the validated
    example app served by `router serve`, from the document its Swagger UI serves, with a
    fixed seed and a bounded number of examples (`-- --max-examples 500` for a longer run)."""
    import socket
    import subprocess

    session.install(SCHEMATHESIS, "msgspec", "pydantic", *TEST_DEPS)
    _install(session, ["router-rest", "router-validation", "router-openapi", "router-local"])
    session.run("pytest", FUZZED_APP)  # what it answers is documented, in-process first
    with socket.socket() as probe:  # a free port for the server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    router = str(Path(session.bin) / "router")
    command = [router, "serve", "app:app", "--app-dir", str(ROOT / FUZZED_APP)]
    tmp = session.create_tmp()
    log = open(Path(tmp) / "server.log", "w+b")  # noqa: SIM115 (closed below)
    # One access line per request: kept out of the output unless something fails.
    server = subprocess.Popen([*command, "--port", str(port)], stdout=log, stderr=log)
    ok = False
    try:
        # schemathesis keeps a cache folder where it runs: the session's own, not the checkout.
        with session.chdir(tmp):
            session.run(
                *("schemathesis", "run", f"http://127.0.0.1:{port}/swagger?format=json"),
                *("--wait-for-schema", "30", "--checks", "all"),
                # The engines decode leniently, as Powertools does (0 is a valid bool, "5" an
                # int), so data the schema's letter refuses may be accepted: not a mismatch.
                *("--exclude-checks", "negative_data_rejection"),
                *("--seed", "20260101", "--max-examples", "100", "--workers", "1"),
                *("--generation-database", "none", "--no-color"),
                *session.posargs,
            )
        ok = True
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not ok:
            log.seek(0)
            session.log(
                "router serve's last lines:\n" + log.read()[-4000:].decode(errors="replace")
            )
        log.close()


nox.options.sessions.append("schemathesis")


EXAMPLE_TEMPLATES = [
    "examples/todos/template-rest.yaml",
    "examples/todos/template-function-url.yaml",
]


def _everything() -> list[str]:
    """The meta-package, the tools and the extras router-all leaves out (their closures):
    every package there is."""
    left_out = [e for e in TABLE.extras if e not in TABLE.bundled_extras]
    return [d for d in TABLE.of_kind("meta") + TABLE.of_kind("tool") + left_out if _present(d)]


@nox.session
def examples(session: nox.Session) -> None:
    """The documentation's examples as tests, and cfn-lint on the todos example's templates."""
    session.install(*TEST_DEPS, "cfn-lint", "build", "hatchling")
    _install(session, _everything())
    session.run("cfn-lint", *EXAMPLE_TEMPLATES)
    # The todos example is also served through router-local, as `nox -s demo` does, and
    # tests/router_local runs again here with every extra (CORS, binary, compression) present.
    _pytest(session, ["examples", "tests/router_local"], _lambda_wheels(session))


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
