from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from router_local.cli import main


def write_app(folder: Path) -> None:
    (folder / "shop.py").write_text(
        textwrap.dedent("""
            from router_rest import APIGatewayRestResolver
            app = APIGatewayRestResolver()
            app.get("/orders/<order_id:int>", tags=["orders"])(lambda order_id: {})
        """)
    )


def test_prints_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("router_openapi")
    write_app(tmp_path)

    status = main(["openapi", "shop:app", "--app-dir", str(tmp_path), "--title", "Shop"])

    assert status == 0
    document = json.loads(capsys.readouterr().out)
    assert document["info"]["title"] == "Shop"
    parameter = document["paths"]["/orders/{order_id}"]["get"]["parameters"][0]
    assert parameter["schema"]["type"] == "integer"


def test_a_target_that_is_not_a_resolver_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plain.py").write_text("def handler(event, context):\n    return {}\n")

    status = main(["openapi", "plain:handler", "--app-dir", str(tmp_path)])

    assert status == 2
    assert "not a resolver" in capsys.readouterr().err
