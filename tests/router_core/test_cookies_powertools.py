"""`Cookie` output compared with Powertools' `Cookie`, attribute combination by combination."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from router_core.cookies import Cookie, SameSite

cookies = pytest.importorskip("aws_lambda_powertools.shared.cookies")

_SAME_SITE = [None, *SameSite]
_TEXT = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters=";,"))


@settings(max_examples=300, database=None, deadline=None)
@given(
    value=_TEXT,
    path=st.sampled_from(["", "/", "/api"]),
    domain=st.sampled_from(["", "example.com"]),
    secure=st.booleans(),
    http_only=st.booleans(),
    max_age=st.one_of(st.none(), st.integers(-10, 10**6)),
    expires=st.one_of(
        st.none(),
        st.datetimes(datetime(1971, 1, 1), datetime(2100, 1, 1)).map(
            lambda moment: moment.replace(microsecond=0)
        ),
    ),
    same_site=st.sampled_from(range(len(_SAME_SITE))),
    custom=st.one_of(st.none(), st.lists(st.sampled_from(["Partitioned", "Priority=High"]))),
)
def test_every_combination_renders_as_powertools_renders_it(
    value: str,
    path: str,
    domain: str,
    secure: bool,
    http_only: bool,
    max_age: int | None,
    expires: datetime | None,
    same_site: int,
    custom: list[str] | None,
) -> None:
    ours_same_site = _SAME_SITE[same_site]
    theirs_same_site = None if ours_same_site is None else cookies.SameSite(ours_same_site.value)
    arguments: dict[str, Any] = {
        "path": path,
        "domain": domain,
        "secure": secure,
        "http_only": http_only,
        "max_age": max_age,
        "expires": expires,
        "custom_attributes": custom,
    }
    theirs = cookies.Cookie("name", value, same_site=theirs_same_site, **arguments)
    ours = Cookie("name", value, same_site=ours_same_site, **arguments)
    assert str(ours) == str(theirs)
    # Their own SameSite enum works with our Cookie too.
    assert str(Cookie("name", value, same_site=theirs_same_site, **arguments)) == str(theirs)


def test_an_aware_expiry_is_written_in_gmt() -> None:
    # Powertools formats an aware datetime in its own zone but labels it GMT; ours converts.
    moment = datetime(2030, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    theirs = cookies.Cookie("a", "b", expires=moment)
    assert str(Cookie("a", "b", expires=moment)) == str(theirs)
