"""Greedy and regex rules answer as Powertools' event handler does, side by side.

Powertools matches each rule as one regex over the whole path. router treats `/a` and `/a/`
as one route, so a path answers when Powertools answers it with or without its trailing
slash; everything else must agree exactly.
"""

from __future__ import annotations

from typing import Any

import pytest

from router_core.codec import HTTPRequest

pytest.importorskip("aws_lambda_powertools")

RULES = [
    "/a/.*/.*",
    "/a/.*",
    "/a/.+",
    "/a/.+/z",
    "/p/.+/.+/z",
    "/a/<x>/.*",
    ".+",
    "/.+",
    "/a/[^/]+",
    "/a/v[0-9]+",
    "/a/<x>.json",
    "/a/(b|c)/d",
]
PATHS = [
    "/",
    "/a",
    "/a/b",
    "/a/b/c",
    "/a/b/z",
    "/a/z",
    "/p/x/z",
    "/p/x/y/z",
    "/p/x/y/w/z",
    "/a/v12",
    "/a/vx",
    "/a/1.json",
    "/a/b/d",
    "/a/e/d",
]


def _event(path: str) -> dict[str, Any]:
    from router_http import HttpCodec

    return HttpCodec().to_event(HTTPRequest("GET", path))


def _powertools_answers(rule: str, path: str) -> bool:
    from aws_lambda_powertools.event_handler import APIGatewayHttpResolver

    app = APIGatewayHttpResolver()
    app.get(rule)(lambda **kwargs: {"ok": True})
    return bool(app.resolve(_event(path), {})["statusCode"] == 200)


def _router_answers(rule: str, path: str) -> bool:
    from router_http import APIGatewayHttpResolver

    app = APIGatewayHttpResolver()
    app.get(rule)(lambda **kwargs: {"ok": True})
    return bool(app.resolve(_event(path), None)["statusCode"] == 200)


@pytest.mark.parametrize("rule", RULES)
def test_each_path_answers_as_powertools_answers_it_or_its_trailing_slash(rule: str) -> None:
    for path in PATHS:
        expected = _powertools_answers(rule, path)
        if path != "/":
            expected = expected or _powertools_answers(rule, path + "/")
        assert _router_answers(rule, path) == expected, (rule, path)
        if path != "/":
            assert _router_answers(rule, path + "/") == expected, (rule, path + "/")


def test_two_dot_star_gaps_answer_404_on_a_and_a_slash_as_powertools_does() -> None:
    for path in ("/a", "/a/"):
        assert not _powertools_answers("/a/.*/.*", path)
        assert not _router_answers("/a/.*/.*", path)
    # Powertools answers `/a/b/` (`.*` matches the empty text after it), and router answers
    # `/a/b` with it, the same route.
    assert _powertools_answers("/a/.*/.*", "/a/b/")
    assert _router_answers("/a/.*/.*", "/a/b")
