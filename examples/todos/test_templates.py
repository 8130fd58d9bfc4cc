"""The SAM templates point at handlers that exist. (`nox -s examples` also runs cfn-lint.)"""

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
    assert _property(text, "CodeUri") == "."  # the code is this folder

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
