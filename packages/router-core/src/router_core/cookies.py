"""`Cookie` for responses, and parsing of the request's `Cookie` header."""

from __future__ import annotations

from enum import Enum

from router_core.codec import control_character, control_description

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Union

    SameSiteValue = Union["SameSite", Enum, str]


class SameSite(Enum):
    """Values of a cookie's `SameSite` attribute (the names of Powertools' `SameSite`).

    `DEFAULT_MODE` writes an empty `SameSite=`, which browsers ignore, as Powertools does.
    """

    DEFAULT_MODE = ""
    LAX_MODE = "Lax"
    STRICT_MODE = "Strict"
    NONE_MODE = "None"


_SAME_SITE = {"lax": "Lax", "strict": "Strict", "none": "None"}
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# RFC 6265 token characters allowed in a cookie name.
_NAME_FORBIDDEN = frozenset('()<>@,;:\\"/[]?={} \t\r\n')


class Cookie:
    """A `Set-Cookie` value. Defaults to `Secure`, as a cookie sent over HTTPS should be.

    Attributes are written in the order Powertools writes them: `Path`, `Domain`, `Expires`,
    `Max-Age`, `HttpOnly`, `Secure`, `SameSite`, then `custom_attributes`. `same_site` takes
    a `SameSite` member, another Enum of the same values, or a plain string (`"lax"`).

    >>> str(Cookie("session", "abc", http_only=True, same_site=SameSite.LAX_MODE))
    'session=abc; HttpOnly; Secure; SameSite=Lax'
    """

    __slots__ = (
        "custom_attributes",
        "domain",
        "expires",
        "http_only",
        "max_age",
        "name",
        "path",
        "same_site",
        "secure",
        "value",
    )

    def __init__(
        self,
        name: str,
        value: str,
        path: str = "",
        domain: str = "",
        secure: bool = True,
        http_only: bool = False,
        max_age: int | None = None,
        expires: datetime | None = None,
        same_site: SameSiteValue | None = None,
        custom_attributes: list[str] | None = None,
    ) -> None:
        if not name or any(ch in _NAME_FORBIDDEN for ch in name):
            raise ValueError(f"invalid cookie name {name!r}")
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.secure = secure
        self.http_only = http_only
        self.max_age = max_age
        self.expires = expires
        # Accepts a plain string or an Enum such as Powertools' SameSite.
        self.same_site = same_site
        self.custom_attributes = custom_attributes

    def __str__(self) -> str:
        parts = [f"{self.name}={self.value}"]
        if self.path:
            parts.append(f"Path={self.path}")
        if self.domain:
            parts.append(f"Domain={self.domain}")
        if self.expires is not None:
            parts.append(f"Expires={_http_date(self.expires)}")
        if self.max_age is not None:
            # A negative Max-Age means "expire now"; RFC 6265 spells that 0.
            parts.append(f"Max-Age={max(int(self.max_age), 0)}")
        if self.http_only:
            parts.append("HttpOnly")
        if self.secure:
            parts.append("Secure")
        if self.same_site is not None and self.same_site != "":
            raw = getattr(self.same_site, "value", self.same_site)
            parts.append(f"SameSite={_SAME_SITE.get(str(raw).lower(), str(raw))}")
        if self.custom_attributes:
            parts.extend(self.custom_attributes)
        text = "; ".join(parts)
        if control_character(text) is not None:
            raise ValueError(f"cookie {self.name!r} contains {control_description(text)}")
        return text

    def __repr__(self) -> str:
        return f"Cookie({str(self)!r})"


def _http_date(moment: datetime) -> str:
    from datetime import timezone

    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return (
        f"{_WEEKDAYS[moment.weekday()]}, {moment.day:02d} {_MONTHS[moment.month - 1]} "
        f"{moment.year:04d} {moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} GMT"
    )


def parse_cookie_header(header: str) -> dict[str, str]:
    """Parse a request `Cookie` header (`a=1; b=2`) into a dict; junk pairs are skipped.

    Values in double quotes lose the quotes; the first of several same-named cookies wins,
    as browsers send the most specific one first.
    """
    cookies: dict[str, str] = {}
    for pair in header.split(";"):
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        cookies.setdefault(name, value)
    return cookies
