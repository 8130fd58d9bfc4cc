"""`router package`: a real deployment zip built from a local wheelhouse, offline.

The router wheels are built here with hatchling. Lambda-platform wheels of router-core's
third-party dependencies (orjson) come from the folder in ROUTER_LAMBDA_WHEELHOUSE, which the
nox sessions fill from the registry; without it the tests that need them skip.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from router_local.cli import main
from router_local.package import PackageError, build_package, platform_tags

ROOT = Path(__file__).resolve().parents[2]
LAMBDA_WHEELS = os.environ.get("ROUTER_LAMBDA_WHEELHOUSE")
needs_lambda_wheels = pytest.mark.skipif(
    not LAMBDA_WHEELS, reason="ROUTER_LAMBDA_WHEELHOUSE (filled by nox) is not set"
)


@pytest.fixture(autouse=True)
def _only_given_wheels(monkeypatch: pytest.MonkeyPatch) -> None:
    # pip's configuration of this machine (indexes, find-links) stays out of these builds.
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.delenv("PIP_FIND_LINKS", raising=False)
    monkeypatch.delenv("PIP_INDEX_URL", raising=False)
    monkeypatch.delenv("PIP_EXTRA_INDEX_URL", raising=False)


def _build_wheel(project: Path, wheelhouse: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", str(wheelhouse)],
        cwd=project,
        check=True,
        capture_output=True,
    )


def _tiny_project(folder: Path, name: str, requires: list[str]) -> Path:
    """A pure-Python distribution with one module, to package without any registry."""
    module = name.replace("-", "_")
    (folder / module).mkdir(parents=True)
    (folder / module / "__init__.py").write_text(f"NAME = {name!r}\n")
    dependencies = ", ".join(f'"{r}"' for r in requires)
    (folder / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
        f'[project]\nname = "{name}"\nversion = "1.0"\ndependencies = [{dependencies}]\n'
        f'[tool.hatch.build.targets.wheel]\npackages = ["{module}"]\n'
    )
    return folder


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """router-core's and router-rest's wheels, a small library and a stand-in developer tool."""
    pytest.importorskip("build")
    pytest.importorskip("hatchling")
    folder = tmp_path_factory.mktemp("wheelhouse")
    for package in ("router-core", "router-rest"):
        _build_wheel(ROOT / "packages" / package, folder)
    projects = tmp_path_factory.mktemp("projects")
    _build_wheel(_tiny_project(projects / "tinylib", "tinylib", []), folder)
    # Named as pip's bookkeeping names what it never deploys: with a dependency of its own.
    _build_wheel(_tiny_project(projects / "helper", "tinyhelper", []), folder)
    _build_wheel(_tiny_project(projects / "wheel", "wheel", ["tinyhelper"]), folder)
    return folder


def _app(folder: Path, requirements: str) -> Path:
    folder.mkdir()
    (folder / "app.py").write_text(
        "import tinylib\n\ndef lambda_handler(event, context):\n    pass\n"
    )
    (folder / "lib").mkdir()
    (folder / "lib" / "helpers.py").write_text("X = 1\n")
    (folder / "lib" / "__pycache__").mkdir()
    (folder / "lib" / "__pycache__" / "helpers.cpython-312.pyc").write_bytes(b"\0")
    (folder / "test_app.py").write_text("def test(): pass\n")
    (folder / "template.yaml").write_text("Resources: {}\n")
    (folder / ".env").write_text("SECRET=1\n")
    (folder / "requirements.txt").write_text(requirements)
    return folder


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def test_the_zip_holds_the_requirements_and_the_app_and_nothing_else(wheelhouse, tmp_path):
    app = _app(tmp_path / "app", "tinylib\nwheel\n")
    summary = build_package(app, tmp_path / "function.zip", find_links=[wheelhouse], no_index=True)

    names = _names(summary.path)
    assert "app.py" in names
    assert "lib/helpers.py" in names
    assert "tinylib/__init__.py" in names
    assert "tinylib-1.0.dist-info/METADATA" in names
    # Tests, templates, hidden files, caches, the requirements and pip's tools are not deployed:
    # `wheel` goes, and `tinyhelper` with it, since only `wheel` needed it.
    assert not [n for n in names if n.startswith(("wheel", "tinyhelper", "test_", "template"))]
    assert not [n for n in names if "__pycache__" in n or n.startswith(".") or "RECORD" in n]
    assert "requirements.txt" not in names
    assert summary.size == summary.path.stat().st_size
    assert set(summary.entries) == {"app.py", "lib", "tinylib", "(metadata)"}


def test_metadata_keeps_its_headers_only(wheelhouse, tmp_path):
    app = _app(tmp_path / "app", "tinylib\n")
    summary = build_package(app, tmp_path / "function.zip", find_links=[wheelhouse], no_index=True)

    with zipfile.ZipFile(summary.path) as archive:
        metadata = archive.read("tinylib-1.0.dist-info/METADATA").decode()
        assert "Name: tinylib" in metadata
        assert "\n\n" not in metadata
        assert not [n for n in archive.namelist() if n.endswith(("INSTALLER", "WHEEL"))]


def test_the_same_inputs_give_the_same_bytes(wheelhouse, tmp_path):
    app = _app(tmp_path / "app", "tinylib\n")
    first = build_package(app, tmp_path / "one.zip", find_links=[wheelhouse], no_index=True)
    os.utime(app / "app.py", (1_000_000_000, 1_000_000_000))  # a touched file changes nothing
    second = build_package(app, tmp_path / "two.zip", find_links=[wheelhouse], no_index=True)

    digest = [hashlib.sha256(s.path.read_bytes()).hexdigest() for s in (first, second)]
    assert digest[0] == digest[1]
    with zipfile.ZipFile(first.path) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_an_app_file_named_like_a_package_is_refused(wheelhouse, tmp_path):
    app = _app(tmp_path / "app", "tinylib\n")
    (app / "tinylib").mkdir()

    with pytest.raises(PackageError, match="has the name of an installed package's tinylib"):
        build_package(app, tmp_path / "function.zip", find_links=[wheelhouse], no_index=True)


def test_the_command_prints_the_size_and_the_contents(wheelhouse, tmp_path, capsys):
    app = _app(tmp_path / "app", "tinylib\n")
    output = tmp_path / "out" / "function.zip"

    status = main(
        [
            *("package", str(app), "--find-links", str(wheelhouse), "--no-index"),
            *("--platform", "arm64", "--python", "3.11", "--output", str(output)),
        ]
    )

    printed = capsys.readouterr().out.splitlines()
    assert status == 0
    assert printed[0].startswith(f"{output}: ")
    assert f"({output.stat().st_size:,} bytes)" in printed[0]
    assert printed[0].endswith("python3.11 arm64")
    assert sorted(line.split()[0] for line in printed[1:]) == [
        "(metadata)",
        "app.py",
        "lib",
        "tinylib",
    ]


def test_a_missing_requirements_file_fails_in_one_line(tmp_path, capsys):
    (tmp_path / "app").mkdir()

    status = main(["package", str(tmp_path / "app"), "--output", str(tmp_path / "f.zip")])

    error = capsys.readouterr().err
    assert status == 2
    requirements = tmp_path / "app" / "requirements.txt"
    assert (
        error == f"router: error: {requirements} is missing: it lists what the function installs\n"
    )
    assert not (tmp_path / "f.zip").exists()


def test_a_missing_app_folder_fails_in_one_line(tmp_path, capsys):
    status = main(["package", str(tmp_path / "nope"), "--output", str(tmp_path / "f.zip")])

    assert status == 2
    assert capsys.readouterr().err == f"router: error: {tmp_path / 'nope'} is not a folder\n"


def test_an_unresolvable_requirement_fails_in_one_line(tmp_path, capsys):
    app = tmp_path / "app"
    app.mkdir()
    (app / "requirements.txt").write_text("no-such-distribution-here\n")

    status = main(
        ["package", str(app), "--no-index", "--find-links", str(tmp_path), "--output", "f.zip"]
    )

    error = capsys.readouterr().err
    assert status == 2
    assert error.count("\n") == 1
    assert error.startswith("router: error: pip could not install")
    assert "no-such-distribution-here" in error


@pytest.mark.parametrize(
    ("platform", "python", "tags"),
    [
        ("x86_64", "3.12", ["manylinux2014_x86_64", "manylinux_2_28_x86_64"]),
        ("arm64", "3.13", ["manylinux2014_aarch64", "manylinux_2_28_aarch64"]),
        # Amazon Linux 2 runtimes: glibc 2.26, so no manylinux_2_28 wheel loads there.
        ("x86_64", "3.11", ["manylinux2014_x86_64"]),
        ("arm64", "3.9", ["manylinux2014_aarch64"]),
    ],
)
def test_platform_tags_are_those_the_runtime_accepts(platform, python, tags):
    assert platform_tags(platform, python) == tags


@pytest.mark.parametrize(("platform", "python"), [("sparc", "3.12"), ("arm64", "3.8")])
def test_an_unknown_platform_or_runtime_is_refused(platform, python):
    with pytest.raises(PackageError, match=r"--(platform|python) must be"):
        platform_tags(platform, python)


@needs_lambda_wheels
@pytest.mark.parametrize(("platform", "machine"), [("x86_64", "x86_64"), ("arm64", "aarch64")])
def test_a_lean_rest_function_is_small_and_built_for_lambda(
    wheelhouse, tmp_path, platform, machine
):
    app = tmp_path / "app"
    app.mkdir()
    (app / "app.py").write_text(
        "from router_rest import APIGatewayRestResolver\n\napp = APIGatewayRestResolver()\n"
    )
    (app / "requirements.txt").write_text("router-rest\n")

    summary = build_package(
        app,
        tmp_path / "function.zip",
        platform=platform,
        python="3.12",
        find_links=[wheelhouse, str(LAMBDA_WHEELS)],
        no_index=True,
    )

    names = _names(summary.path)
    assert summary.size < 1_500_000
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {
        "app.py",
        "orjson",
        "router_core",
        "router_rest",
    }
    native = [n for n in names if n.startswith("orjson/") and n.endswith(".so")]
    assert len(native) == 1
    assert "cpython-312" in native[0] and machine in native[0]
