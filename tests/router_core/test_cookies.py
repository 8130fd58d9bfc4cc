"""`Cookie` rendering and request cookie parsing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from enum import Enum

import pytest

from router_core import Cookie
from router_core.cookies import parse_cookie_header


def test_cookie_defaults_to_secure() -> None:
    assert str(Cookie("session", "abc")) == "session=abc; Secure"


def test_every_attribute_is_rendered_in_order() -> None:
    expires = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    cookie = Cookie(
        "id",
        "42",
        path="/",
        domain="example.com",
        secure=False,
        http_only=True,
        max_age=3600,
        expires=expires,
        same_site="strict",
        custom_attributes=["Partitioned"],
    )
    assert str(cookie) == (
        "id=42; Path=/; Domain=example.com; Expires=Wed, 02 Jan 2030 01:04:05 GMT; "
        "Max-Age=3600; HttpOnly; SameSite=Strict; Partitioned"
    )


def test_negative_max_age_expires_now() -> None:
    assert "Max-Age=0" in str(Cookie("a", "b", max_age=-5))


def test_same_site_accepts_an_enum() -> None:
    class SameSite(Enum):
        LAX = "Lax"

    assert str(Cookie("a", "b", same_site=SameSite.LAX)).endswith("SameSite=Lax")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["", "a b", "a;b", "a=b", "a\r\nb"])
def test_invalid_cookie_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="invalid cookie name"):
        Cookie(name, "v")


def test_cr_lf_in_a_value_is_refused_when_rendered() -> None:
    with pytest.raises(ValueError, match="CR or LF"):
        str(Cookie("a", "x\r\nSet-Cookie: evil=1"))


def test_parse_cookie_header() -> None:
    header = 'theme=dark; session="abc 123"; junk; =novalue; theme=light; empty='
    assert parse_cookie_header(header) == {"theme": "dark", "session": "abc 123", "empty": ""}
