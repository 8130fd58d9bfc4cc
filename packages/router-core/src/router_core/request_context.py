"""`DictView`: a read-only, attribute-friendly view over one dict of an event.

Each source's request context (`current_event.request_context`) is a `DictView` subclass: it
answers Powertools' attribute names (`request_context.request_id`, `.identity.source_ip`) and
stays indexable like the raw dict (`request_context["requestId"]`, `.get("stage")`, `in`,
iteration). It holds the event's own dict, never a copy, and nested views are created only
when asked for.

A missing, `null` or mistyped field never raises: a text field gives `""` (or None where
Powertools' type is optional), a number `0` (or None), a dict `{}`, a list `[]`.
This module loads on the first access to `request_context`, never at cold start.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    _Base = Mapping[str, Any]
else:
    _Base = Mapping


class DictView(_Base):
    """A read-only mapping over `data` (an empty one when `data` is not a dict)."""

    __slots__ = ("_data",)

    def __init__(self, data: object) -> None:
        self._data: dict[str, Any] = data if isinstance(data, dict) else {}

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    @property
    def raw_event(self) -> dict[str, Any]:
        """The dict this view reads (the event's own, not a copy)."""
        return self._data

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    # -- typed reads: what a missing, null or mistyped field gives ---------------------------
    def _text(self, key: str) -> str:
        value = self._data.get(key)
        return value if isinstance(value, str) else ""

    def _optional_text(self, key: str) -> str | None:
        value = self._data.get(key)
        return value if isinstance(value, str) else None

    def _number(self, key: str) -> int:
        value = self._data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def _optional_number(self, key: str) -> int | None:
        value = self._data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _dict(self, key: str) -> dict[str, Any]:
        value = self._data.get(key)
        return value if isinstance(value, dict) else {}

    def _text_list(self, key: str) -> list[str]:
        value = self._data.get(key)
        if not isinstance(value, list):
            return []
        return value if all(isinstance(v, str) for v in value) else []


class RequestContextClientCert(DictView):
    """The client certificate of a mutual TLS request (REST `identity.client_cert`, payload
    2.0 `authentication`)."""

    __slots__ = ()

    @property
    def client_cert_pem(self) -> str:
        return self._text("clientCertPem")

    @property
    def issuer_dn(self) -> str:
        """The issuer's distinguished name."""
        return self._text("issuerDN")

    @property
    def serial_number(self) -> str:
        return self._text("serialNumber")

    @property
    def subject_dn(self) -> str:
        """The subject's distinguished name."""
        return self._text("subjectDN")

    @property
    def validity_not_after(self) -> str:
        """When the certificate stops being valid (`Aug  5 00:28:21 2120 GMT`)."""
        return DictView(self._data.get("validity"))._text("notAfter")

    @property
    def validity_not_before(self) -> str:
        """When the certificate starts being valid."""
        return DictView(self._data.get("validity"))._text("notBefore")


def client_cert(data: object) -> RequestContextClientCert | None:
    """A client certificate view of `data`, None when there is none (as in Powertools)."""
    return RequestContextClientCert(data) if isinstance(data, dict) else None
