"""`Cookie` rendering and request cookie parsing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from enum import Enum

import pytest

import router_core
from router_core import Cookie
from router_core.cookies import SameSite, parse_cookie_header


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


def test_http_only_comes_before_secure_as_in_powertools() -> None:
    cookie = Cookie("id", "1", path="/", http_only=True, same_site=SameSite.LAX_MODE)
    assert str(cookie) == "id=1; Path=/; HttpOnly; Secure; SameSite=Lax"


def test_same_site_members_and_values_are_powertools_ones() -> None:
    assert {m.name: m.value for m in SameSite} == {
        "DEFAULT_MODE": "",
        "LAX_MODE": "Lax",
        "STRICT_MODE": "Strict",
        "NONE_MODE": "None",
    }
    assert router_core.SameSite is SameSite
    assert "SameSite" in router_core.__all__
    assert str(Cookie("a", "b", same_site=SameSite.NONE_MODE)) == "a=b; Secure; SameSite=None"
    # Powertools writes an empty attribute for the default mode; browsers ignore it.
    assert str(Cookie("a", "b", same_site=SameSite.DEFAULT_MODE)) == "a=b; Secure; SameSite="


def test_negative_max_age_expires_now() -> None:
    assert "Max-Age=0" in str(Cookie("a", "b", max_age=-5))


def test_same_site_accepts_an_enum() -> None:
    class Site(Enum):
        LAX = "Lax"

    assert str(Cookie("a", "b", same_site=Site.LAX)).endswith("SameSite=Lax")


@pytest.mark.parametrize("name", ["", "a b", "a;b", "a=b", "a\r\nb"])
def test_invalid_cookie_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="invalid cookie name"):
        Cookie(name, "v")


@pytest.mark.parametrize(
    ("value", "attributes", "message"),
    [
        ("x\r\nSet-Cookie: evil=1", None, "CR or LF"),
        ("x\x00y", None, "control character '\\\\x00'"),
        ("x", ["Partitioned\x7f"], "control character '\\\\x7f'"),
    ],
)
def test_control_characters_are_refused_when_rendered(
    value: str, attributes: list[str] | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        str(Cookie("a", value, custom_attributes=attributes))


def test_a_tab_in_a_custom_attribute_is_kept() -> None:
    assert str(Cookie("a", "b", secure=False, custom_attributes=["X=\t1"])) == "a=b; X=\t1"


def test_parse_cookie_header() -> None:
    header = 'theme=dark; session="abc 123"; junk; =novalue; theme=light; empty='
    assert parse_cookie_header(header) == {"theme": "dark", "session": "abc 123", "empty": ""}
