"""packages.toml is the one table: every pyproject, version and docs table agrees with it, and a
new package is one folder plus one row."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def _load_tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("router_table", ROOT / "tools" / "table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


tools = _load_tools()
TABLE = tools.load(ROOT)


def _pyproject(name: str) -> dict:
    return tomllib.loads((ROOT / "packages" / name / "pyproject.toml").read_text())


def test_every_derived_file_is_up_to_date() -> None:
    out_of_date = [str(p.relative_to(ROOT)) for p in tools.stale(TABLE)]
    assert out_of_date == [], "run `python tools/table.py`"


def test_every_package_folder_has_a_row_and_every_row_a_folder() -> None:
    folders = {p.parent.name for p in (ROOT / "packages").glob("*/pyproject.toml")}
    assert folders == set(TABLE.packages)
    for name, row in TABLE.packages.items():
        assert (ROOT / "packages" / name / "README.md").is_file(), name
        assert (ROOT / "packages" / name / "src" / row.module / "py.typed").is_file(), name


def test_the_version_is_written_once_and_every_package_agrees() -> None:
    versions = {name: _pyproject(name)["project"]["version"] for name in TABLE.packages}
    assert set(versions.values()) == {TABLE.version}
    for name, row in TABLE.packages.items():
        init = (ROOT / "packages" / name / "src" / row.module / "__init__.py").read_text()
        for found in re.findall(r'(?m)^__version__ = "(.*)"$', init):
            assert found == TABLE.version, name


def test_siblings_require_the_same_minor_release() -> None:
    major, minor, _patch = TABLE.version.split(".")
    for name in TABLE.packages:
        project = _pyproject(name)["project"]
        requirements = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            requirements.extend(extra)
        for requirement in requirements:
            if requirement.startswith("router-"):
                sibling, _, specifier = requirement.partition("~=")
                assert sibling in TABLE.packages, requirement
                assert specifier == TABLE.version, f"{name}: {requirement}"
                assert specifier.startswith(f"{major}.{minor}."), requirement


def test_every_adapter_offers_every_extra_as_a_pip_extra() -> None:
    extras = {TABLE.packages[name].extra: [f"{name}~={TABLE.version}"] for name in TABLE.extras}
    assert set(extras) == {"cors", "binary", "compression", "validation", "openapi", "swagger-ui"}
    assert TABLE.adapters == ["router-rest", "router-http", "router-alb", "router-function-url"]
    for adapter in TABLE.adapters:
        assert _pyproject(adapter)["project"]["optional-dependencies"] == extras


def test_router_all_depends_on_every_runtime_package_and_no_tool() -> None:
    dependencies = _pyproject("router-all")["project"]["dependencies"]
    names = [d.partition("~=")[0] for d in dependencies]
    assert names == ["router-core", *TABLE.adapters, *TABLE.bundled_extras]


def test_heavy_assets_stay_out_of_router_all() -> None:
    assert "router-swagger-ui" in TABLE.extras
    assert "router-swagger-ui" not in TABLE.bundled_extras
    assert "router-openapi" in TABLE.bundled_extras


def test_the_lean_adapter_needs_core_and_orjson_only() -> None:
    assert _pyproject("router-rest")["project"]["dependencies"] == [f"router-core~={TABLE.version}"]
    assert _pyproject("router-core")["project"]["dependencies"] == ["orjson>=3.9.15"]


def test_router_local_needs_every_adapter_and_werkzeug() -> None:
    names = [d.partition("~=")[0] for d in _pyproject("router-local")["project"]["dependencies"]]
    assert names == ["router-core", *TABLE.adapters, "werkzeug>=3.0"]
    assert _pyproject("router-local")["project"]["scripts"] == {"router": "router_local.cli:main"}


def test_docs_tables_list_every_package_and_extra() -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- table:packages -->(.*?)<!-- /table:packages -->", readme, re.S)
    assert block is not None
    rows = re.findall(r"(?m)^\| ([\w-]+) \|", block.group(1))
    assert rows == ["distribution", *TABLE.packages]
    deploying = (ROOT / "docs" / "deploying.md").read_text()
    for name in TABLE.extras:
        assert f"| `{TABLE.packages[name].extra}` | {name} |" in deploying


def _table_with(tmp_path: Path, rows: str) -> object:
    text = (ROOT / "packages.toml").read_text() + rows
    (tmp_path / "packages.toml").write_text(text)
    return tools.load(tmp_path)


def test_a_new_extra_is_one_row(tmp_path: Path) -> None:
    table = _table_with(
        tmp_path,
        '\n[packages.router-etag]\nkind = "extra"\nextra = "etag"\n'
        'description = "d"\nholds = "h"\nrequires = ["router-core", "msgspec>=0.18"]\n'
        'tests = ["tests/router_etag"]\noptional = { pydantic = ["pydantic>=2"] }\n',
    )
    pin = f"~={TABLE.version}"
    for adapter in table.adapters:
        assert table.optional_dependencies(adapter)["etag"] == [f"router-etag{pin}"]
    assert f"router-etag{pin}" in table.dependencies("router-all")
    assert table.dependencies("router-etag") == [f"router-core{pin}", "msgspec>=0.18"]
    text = tools.pyproject(table, "router-etag")
    optional = tomllib.loads(text)["project"]["optional-dependencies"]
    assert optional == {"pydantic": ["pydantic>=2"]}
    assert "| `etag` | router-etag | h |" in tools.extras_table(table)


def test_a_new_adapter_is_one_row(tmp_path: Path) -> None:
    table = _table_with(
        tmp_path,
        '\n[packages.router-vpc-lattice]\nkind = "adapter"\ndescription = "d"\nholds = "h"\n'
        'requires = ["router-core"]\ntests = ["tests/router_vpc_lattice"]\n',
    )
    assert "router-vpc-lattice" in table.adapters
    assert f"router-vpc-lattice~={TABLE.version}" in table.dependencies("router-local")
    assert f"router-vpc-lattice~={TABLE.version}" in table.dependencies("router-all")
    assert set(table.optional_dependencies("router-vpc-lattice")) == {
        "cors",
        "binary",
        "compression",
        "validation",
        "openapi",
        "swagger-ui",
    }


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('kind = "plugin"\ndescription = "d"\nholds = "h"\nrequires = []\ntests = []', "kind"),
        ('kind = "extra"\ndescription = "d"\nholds = "h"\nrequires = []\ntests = []', "extra"),
        ('kind = "tool"\ndescription = "d"\nholds = "h"\nrequires = []\ntests = []\nx = 1', "x"),
        (
            'kind = "tool"\ndescription = "d"\nholds = "h"\nrequires = ["router-nope"]\ntests = []',
            "router-nope",
        ),
    ],
)
def test_a_bad_row_is_refused_naming_it(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(ValueError, match=rf"router-bad.*{message}|{message}.*router-bad"):
        _table_with(tmp_path, f"\n[packages.router-bad]\n{row}\n")


def test_a_bad_version_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "packages.toml").read_text().replace('version = "', 'version = "v', 1)
    (tmp_path / "packages.toml").write_text(text)
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        tools.load(tmp_path)


def test_an_unknown_table_marker_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown table marker 'nope'"):
        tools.fill_markers("<!-- table:nope -->\n<!-- /table:nope -->", {"packages": ""})
