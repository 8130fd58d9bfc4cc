"""`router package`: a function's deployment zip, built for Lambda's platform.

    router package examples/todos --platform arm64 --python 3.12 --find-links dist \\
        --output function.zip

pip installs the folder's `requirements.txt` for Lambda's platform (binary wheels only, with
the manylinux tags the chosen runtime accepts), the developer tools and pip's own bookkeeping
are left out, the app's files are added, and the zip is written deterministically (sorted
entries, fixed dates), so the same inputs give the same bytes. It prints the zip's size and
what takes the room.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Sequence

# --platform value -> the machine name in manylinux tags
ARCHITECTURES = {"x86_64": "x86_64", "arm64": "aarch64"}
# Lambda's Python runtimes. 3.12 and later run on Amazon Linux 2023 (glibc 2.34), so wheels for
# manylinux_2_28 fit them; earlier ones on Amazon Linux 2 (glibc 2.26): manylinux2014 at most.
PYTHONS = ("3.9", "3.10", "3.11", "3.12", "3.13")
# Never deployed: the developer tools, what only they need, and the installer's own tools.
EXCLUDED_DISTRIBUTIONS = frozenset({"router-local", "werkzeug", "pip", "setuptools", "wheel"})
# App files that are not the function: tests and their events, templates, docs, build output,
# caches, hidden files.
EXCLUDED_APP_FILES = (
    ".*",
    "__pycache__",
    "*.pyc",
    "test_*.py",
    "*_test.py",
    "conftest.py",
    "tests",
    "events",
    "event.json",
    "expected.json",
    "README*",
    "template*.yaml",
    "template*.yml",
    "samconfig.toml",
    "requirements*.txt",
    "Makefile",
    "*.zip",
    "dist",
    "build",
)
# What a dist-info folder keeps: what importlib.metadata reads, and licenses.
KEPT_METADATA = ("METADATA", "entry_points.txt", "top_level.txt")
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)


class PackageError(Exception):
    """`router package` cannot build the zip; the message says why, in one line."""


@dataclass(frozen=True)
class PackageSummary:
    """What `build_package` wrote: the zip, its size, and the room each top-level entry takes."""

    path: Path
    size: int
    files: int
    platform: str
    python: str
    entries: dict[str, tuple[int, int]]  # top-level name -> (compressed, uncompressed bytes)

    def report(self) -> str:
        lines = [
            f"{self.path}: {_human(self.size)} ({self.size:,} bytes), {self.files} files, "
            f"python{self.python} {self.platform}"
        ]
        by_size = sorted(self.entries.items(), key=lambda item: (-item[1][0], item[0]))
        width = max([len(name) for name in self.entries] + [8])
        for name, (compressed, unzipped) in by_size:
            lines.append(
                f"  {name:<{width}}  {_human(compressed):>9} zipped  {_human(unzipped):>9} unzipped"
            )
        return "\n".join(lines)


def platform_tags(platform: str, python: str) -> list[str]:
    """The pip `--platform` values whose wheels Lambda's `python` runtime on `platform` loads."""
    if platform not in ARCHITECTURES:
        raise PackageError(
            f"--platform must be one of {', '.join(ARCHITECTURES)}, not {platform!r}"
        )
    if python not in PYTHONS:
        raise PackageError(
            f"--python must be a Lambda runtime: {', '.join(PYTHONS)}, not {python!r}"
        )
    machine = ARCHITECTURES[platform]
    tags = [f"manylinux2014_{machine}"]  # = manylinux_2_17; pip adds the older ones
    if tuple(int(part) for part in python.split(".")) >= (3, 12):
        tags.append(f"manylinux_2_28_{machine}")
    return tags


def build_package(
    app_dir: str | Path,
    output: str | Path,
    *,
    platform: str = "x86_64",
    python: str = "3.12",
    find_links: Sequence[str] = (),
    no_index: bool = False,
    exclude: Sequence[str] = (),
) -> PackageSummary:
    """Build `output`, the deployment zip of the function in `app_dir`, and describe it.

    `app_dir/requirements.txt` says what to install; `find_links` are folders of wheels (the
    wheelhouse `nox -s wheels` builds) searched besides the index, or instead of it with
    `no_index`. Raises PackageError when the folder, its requirements or pip fail.
    """
    app = Path(app_dir)
    requirements = app / "requirements.txt"
    if not app.is_dir():
        raise PackageError(f"{app} is not a folder")
    if not requirements.is_file():
        raise PackageError(f"{requirements} is missing: it lists what the function installs")
    tags = platform_tags(platform, python)
    output = Path(output).resolve()
    with tempfile.TemporaryDirectory(prefix="router-package-") as temporary:
        target = Path(temporary) / "function"
        _pip_install(requirements, target, tags, python, find_links, no_index)
        _remove_excluded(target)
        _trim(target)
        _copy_app(app, target, (*EXCLUDED_APP_FILES, *exclude), output)
        return _write_zip(target, output, platform, python)


def _pip_install(
    requirements: Path,
    target: Path,
    tags: list[str],
    python: str,
    find_links: Sequence[str],
    no_index: bool,
) -> None:
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    command += ["--no-compile", "--target", str(target), "-r", str(requirements)]
    command += ["--implementation", "cp", "--python-version", python, "--only-binary=:all:"]
    for tag in tags:
        command += ["--platform", tag]
    for folder in find_links:
        command += ["--find-links", str(Path(folder).resolve())]
    if no_index:
        command.append("--no-index")
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise PackageError(f"cannot run pip: {error}") from None
    if done.returncode != 0:
        raise PackageError(f"pip could not install {requirements}: {_pip_reason(done.stderr)}")


def _pip_reason(stderr: str) -> str:
    """pip's first error line: the requirement it could not satisfy, usually."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    chosen = errors[0] if errors else (lines[-1] if lines else "no message")
    if "No module named pip" in stderr:
        chosen = "pip is not installed in this environment (python -m ensurepip)"
    return chosen.removeprefix("ERROR: ")


def _distributions(target: Path) -> dict[str, Path]:
    """Installed distribution name (normalized) -> its dist-info folder."""
    found = {}
    for info in target.glob("*.dist-info"):
        name = _metadata_field(info, "Name") or info.name.split("-")[0]
        found[_normalize(name)] = info
    return found


def _remove_excluded(target: Path) -> None:
    """Drop the excluded distributions and what only they required."""
    distributions = _distributions(target)
    requires = {name: _requirements(info) for name, info in distributions.items()}
    removed = {name for name in distributions if name in EXCLUDED_DISTRIBUTIONS}
    changed = True
    while changed:  # a dependency goes when every distribution requiring it went
        changed = False
        for name in distributions:
            requirers = [other for other, needs in requires.items() if name in needs]
            if name not in removed and requirers and all(r in removed for r in requirers):
                removed.add(name)
                changed = True
    for name in sorted(removed):
        _uninstall(target, distributions[name])
    shutil.rmtree(target / "bin", ignore_errors=True)  # console scripts: no use on Lambda


def _uninstall(target: Path, info: Path) -> None:
    record = info / "RECORD"
    lines = record.read_text(encoding="utf-8").splitlines() if record.is_file() else []
    tops = set()
    for line in lines:
        relative = line.split(",")[0]
        path = (target / relative).resolve()
        if target.resolve() in path.parents and path.is_file():
            path.unlink()
            tops.add(Path(relative).parts[0])
    for top in tops:  # folders the distribution emptied
        folder = target / top
        if folder.is_dir() and not any(p.is_file() for p in folder.rglob("*")):
            shutil.rmtree(folder)
    shutil.rmtree(info, ignore_errors=True)


def _trim(target: Path) -> None:
    """Caches and pip's bookkeeping go; a dist-info keeps METADATA's headers and licenses."""
    for cache in list(target.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    for info in target.glob("*.dist-info"):
        for item in info.iterdir():
            if item.name == "METADATA":
                headers = item.read_text(encoding="utf-8").split("\n\n", 1)[0]
                item.write_text(headers.rstrip("\n") + "\n", encoding="utf-8")
            elif item.name not in KEPT_METADATA and "licen" not in item.name.lower():
                shutil.rmtree(item) if item.is_dir() else item.unlink()


def _copy_app(app: Path, target: Path, exclude: Sequence[str], output: Path) -> None:
    for source in sorted(app.iterdir()):
        if _excluded(source.name, exclude) or source.resolve() == output:
            continue
        destination = target / source.name
        if destination.exists():
            raise PackageError(
                f"{source} has the name of an installed package's {source.name}: rename it"
            )
        if source.is_dir():
            shutil.copytree(
                source,
                destination,
                ignore=lambda _folder, names: [n for n in names if _excluded(n, exclude)],
            )
        else:
            shutil.copy2(source, destination)


def _excluded(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def _write_zip(target: Path, output: Path, platform: str, python: str) -> PackageSummary:
    files = [p for p in target.rglob("*") if p.is_file()]
    files.sort(key=lambda p: p.relative_to(target).as_posix())
    if not files:
        raise PackageError("nothing to package: the folder and its requirements are empty")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    entries: dict[str, list[int]] = {}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            name = path.relative_to(target).as_posix()
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.external_attr = 0o644 << 16  # readable by Lambda's user, whoever built it
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
            written = archive.getinfo(name)
            sizes = entries.setdefault(_top_level(name), [0, 0])
            sizes[0] += written.compress_size
            sizes[1] += written.file_size
    os.replace(partial, output)
    return PackageSummary(
        path=output,
        size=output.stat().st_size,
        files=len(files),
        platform=platform,
        python=python,
        entries={name: (sizes[0], sizes[1]) for name, sizes in entries.items()},
    )


def _top_level(name: str) -> str:
    """The entry a file belongs to; a dist-info folder counts with its package's metadata."""
    first = name.split("/")[0]
    return "(metadata)" if first.endswith(".dist-info") else first


def _metadata_field(info: Path, field: str) -> str | None:
    metadata = info / "METADATA"
    if not metadata.is_file():
        return None
    for line in metadata.read_text(encoding="utf-8").splitlines():
        if not line:
            break
        key, _, value = line.partition(":")
        if key == field:
            return value.strip()
    return None


def _requirements(info: Path) -> set[str]:
    """The names a distribution requires, markers and extras included (an over-estimate)."""
    metadata = info / "METADATA"
    names = set()
    if metadata.is_file():
        for line in metadata.read_text(encoding="utf-8").splitlines():
            if not line:
                break
            if line.startswith("Requires-Dist:"):
                requirement = line.partition(":")[2].strip()
                name = requirement.replace("(", " ").replace(";", " ").replace("[", " ")
                for stop in "<>=!~ ":
                    name = name.split(stop)[0]
                names.add(_normalize(name))
    return names


def _normalize(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _human(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1000 * 1000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1000 / 1000:.2f} MB"


# --- the `router package` command -------------------------------------------------------------


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `router package` on the `router` command's subparsers."""
    parser = commands.add_parser(
        "package",
        help="build a function's deployment zip for Lambda",
        description="Build the deployment zip of the function in APP_DIR: its "
        "requirements.txt installed for Lambda's platform, and its own files.",
    )
    parser.add_argument("app_dir", metavar="APP_DIR", help="the function's code folder")
    parser.add_argument(
        "--platform",
        default="x86_64",
        choices=list(ARCHITECTURES),
        help="the function's architecture (default %(default)s)",
    )
    parser.add_argument(
        "--python",
        default="3.12",
        choices=list(PYTHONS),
        help="the Lambda runtime's Python version (default %(default)s)",
    )
    parser.add_argument(
        "--find-links",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of wheels, such as dist/ from `nox -s wheels` (repeatable)",
    )
    parser.add_argument(
        "--no-index",
        action="store_true",
        help="install from the --find-links folders only, as when the packages are unpublished "
        "and the folders hold Lambda's wheels of every dependency",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="an app file or folder name to leave out (repeatable), besides tests and templates",
    )
    parser.add_argument("--output", required=True, metavar="ZIP", help="the zip to write")


def run(args: argparse.Namespace) -> int:
    """Run `router package` with parsed arguments; returns the exit status."""
    try:
        summary = build_package(
            args.app_dir,
            args.output,
            platform=args.platform,
            python=args.python,
            find_links=args.find_links,
            no_index=args.no_index,
            exclude=args.exclude,
        )
    except PackageError as error:
        print(f"router: error: {error}", file=sys.stderr)
        return 2
    print(summary.report())
    return 0
