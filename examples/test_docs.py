"""The documentation shows the examples as they are: every block marked
`<!-- file: examples/... -->` in docs/ is that file's current text (run by that example's own
test), every relative link leads somewhere, and every other Python block runs, its `test_*`
functions included.

A block that is a fragment says what it runs after, on the line above its fence:
`<!-- run: prelude=NAME -->` runs PRELUDES[NAME] first (the `app` the text speaks of), and
`<!-- run: in=examples/X -->` runs it in that example's folder, as a test file placed there
would (its modules importable, its files readable).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
MARKED = re.compile(r"<!-- file: (?P<path>\S+) -->\n```\w*\n(?P<text>.*?)\n```", re.DOTALL)
LINK = re.compile(r"\]\((?P<target>[^)#\s]+)(?:#[^)]*)?\)")
PYTHON = re.compile(r"```python\n(?P<code>.*?)\n```", re.DOTALL)
BLOCK = re.compile(
    r"(?:<!-- (?P<marker>file|run): (?P<options>[^>]*?) -->\n)?```python\n(?P<code>.*?)\n```",
    re.DOTALL,
)

# What a fragment runs after: the names its text assumes.
PRELUDES = {
    "app": """
from router_rest import APIGatewayRestResolver
app = APIGatewayRestResolver()
""",
    "variants": """
from router_alb import ALBResolver
from router_http import APIGatewayHttpResolver
http_app = APIGatewayHttpResolver()
alb_app = ALBResolver()
""",
    "binary": """
from router_rest import APIGatewayRestResolver
app = APIGatewayRestResolver()
LOGO_BYTES = bytes.fromhex("89504e470d0a1a0a")
""",
    "store": """
from router_rest import APIGatewayRestResolver
app = APIGatewayRestResolver()
class STORE:
    @staticmethod
    def list():
        return [{"id": 1, "title": "Buy milk"}]
""",
    "event": """
import json
from app import lambda_handler
with open("event.json") as file:
    event = json.load(file)
""",
}


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_marked_blocks_are_the_files_text(page):
    for found in MARKED.finditer(page.read_text(encoding="utf-8")):
        shown = found["text"]
        actual = (ROOT / found["path"]).read_text(encoding="utf-8").rstrip("\n")
        assert shown == actual, f"{_name(page)} shows an outdated {found['path']}"


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_relative_links_lead_somewhere(page):
    for found in LINK.finditer(page.read_text(encoding="utf-8")):
        target = found["target"]
        if "://" in target:
            continue
        assert (page.parent / target).exists(), f"{_name(page)} links to missing {target}"


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_python_blocks_are_valid_python(page):
    for found in PYTHON.finditer(page.read_text(encoding="utf-8")):
        compile(found["code"], _name(page), "exec")


def test_every_feature_example_has_a_page():
    shown = {
        found["path"].split("/")[1]
        for page in PAGES
        for found in MARKED.finditer(page.read_text(encoding="utf-8"))
    }
    folders = {p.parent.name for p in ROOT.glob("examples/*/app.py")}
    assert folders - shown == {"todos"}  # the todos API is documented by its own README


def _runnable() -> list[Any]:
    found = []
    for page in PAGES:
        for number, block in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), 1):
            if block["marker"] == "file":
                continue  # the example's file, run by its own test_app.py
            pairs = (block["options"] or "").split()
            options = dict(pair.split("=", 1) for pair in pairs)
            found.append(pytest.param(block["code"], options, id=f"{_name(page)}#{number}"))
    return found


@pytest.mark.parametrize("code, options", _runnable())
def test_python_blocks_run(code: str, options: dict[str, str], monkeypatch, tmp_path):
    folder = ROOT / options["in"] if "in" in options else tmp_path
    monkeypatch.chdir(folder)
    monkeypatch.syspath_prepend(str(folder))
    before = set(sys.modules)
    namespace: dict[str, Any] = {"__name__": "doc_block"}
    try:
        if "prelude" in options:
            exec(compile(PRELUDES[options["prelude"]], "prelude", "exec"), namespace)
        exec(compile(code, "doc_block", "exec"), namespace)
        for name, value in list(namespace.items()):
            if name.startswith("test_") and callable(value):
                value()
    finally:
        for module in set(sys.modules) - before:  # the folder's modules: never shared
            file = getattr(sys.modules[module], "__file__", None) or ""
            if os.path.abspath(file).startswith(str(folder)):
                del sys.modules[module]
