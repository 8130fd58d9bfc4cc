"""The SAM templates point at handlers that exist, in the zip README's `router package` command
builds for their runtime. (`nox -s examples` also runs cfn-lint.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HERE = Path(__file__).parent
TEMPLATES = ["template-rest.yaml", "template-function-url.yaml"]


def _property(template: str, name: str) -> str:
    # The templates hold one function each; CloudFormation's YAML tags keep yaml.safe_load out.
    found = re.findall(rf"^\s+{name}:\s*(\S+)\s*$", template, flags=re.MULTILINE)
    if len(found) != 1:
        raise AssertionError(f"expected one {name} in the template, found {found}")
    return found[0]


@pytest.mark.parametrize("template", TEMPLATES)
def test_handler_resolves_to_a_callable(template, load):
    text = (HERE / template).read_text(encoding="utf-8")

    module_name, _, function_name = _property(text, "Handler").rpartition(".")
    module = load(module_name)

    assert callable(getattr(module, function_name))


def test_rest_api_decodes_binary_bodies_of_every_content_type():
    text = (HERE / "template-rest.yaml").read_text(encoding="utf-8")

    assert re.search(r'BinaryMediaTypes:\s*\n\s*- "\*/\*"', text)


def test_function_url_template_declares_the_url():
    text = (HERE / "template-function-url.yaml").read_text(encoding="utf-8")

    assert "FunctionUrlConfig:" in text
    assert "AuthType: NONE" in text


def _package_command() -> str:
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^router package .*$", readme, flags=re.MULTILINE)
    if len(commands) != 1:
        raise AssertionError(f"expected one `router package` command in README.md: {commands}")
    return commands[0]


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_template_deploys_the_zip_built_for_its_runtime(template):
    text = (HERE / template).read_text(encoding="utf-8")
    command = _package_command().split()
    architecture = re.search(r"Architectures:\s*\n\s*- (\S+)", text)
    assert architecture is not None

    assert command[command.index("--output") + 1] == _property(text, "CodeUri")
    assert command[command.index("--platform") + 1] == architecture.group(1)
    assert f"python{command[command.index('--python') + 1]}" == _property(text, "Runtime")
    assert command[2] == "."  # this folder


def test_the_packaged_zip_holds_the_handlers_and_not_the_tests(tmp_path):
    from router_local.package import EXCLUDED_APP_FILES, _copy_app

    _copy_app(HERE, tmp_path, EXCLUDED_APP_FILES, tmp_path / "function.zip")
    copied = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.py"))

    assert copied == [
        "app.py",
        "function_url.py",
        "routers/__init__.py",
        "routers/health.py",
        "routers/todos.py",
        "store.py",
    ]
    assert not list(tmp_path.glob("*.yaml")) and not list(tmp_path.glob("*.json"))
