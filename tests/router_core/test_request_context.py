"""`DictView`: the request context's view over the event's own dict, as a source's class
reads it (typed fields that never raise on a missing, null or mistyped value)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from fake_source import FakeEvent, FakeResolver, event

from router_core.request_context import DictView, RequestContextClientCert, client_cert


class FakeRequestContext(DictView):
    """What a source's request context looks like: Powertools' names over the raw keys."""

    __slots__ = ()

    @property
    def request_id(self) -> str:
        return self._text("requestId")

    @property
    def operation_name(self) -> str | None:
        return self._optional_text("operationName")

    @property
    def request_time_epoch(self) -> int:
        return self._number("requestTimeEpoch")

    @property
    def timeout(self) -> int | None:
        return self._optional_number("timeout")

    @property
    def authorizer(self) -> dict[str, Any]:
        return self._dict("authorizer")

    @property
    def scopes(self) -> list[str]:
        return self._text_list("scopes")

    @property
    def client_cert(self) -> RequestContextClientCert | None:
        return client_cert(self._data.get("clientCert"))


class ContextEvent(FakeEvent):
    __slots__ = ()

    def _make_request_context(self, data: object) -> DictView:
        return FakeRequestContext(data)


class ContextResolver(FakeResolver):
    event_class = ContextEvent


def _read(context: Any) -> dict[str, Any]:
    app = ContextResolver()

    @app.get("/ctx")
    def ctx() -> dict[str, Any]:
        view = app.current_event.request_context
        assert isinstance(view, FakeRequestContext)
        return {
            "request_id": view.request_id,
            "operation_name": view.operation_name,
            "request_time_epoch": view.request_time_epoch,
            "timeout": view.timeout,
            "authorizer": view.authorizer,
            "scopes": view.scopes,
            "has_cert": view.client_cert is not None,
        }

    result = app.resolve({**event("GET", "/ctx"), "requestContext": context}, None)
    assert result["status"] == 200
    data: dict[str, Any] = orjson.loads(result["body"])
    return data


def test_typed_fields_read_the_raw_values() -> None:
    context = {
        "requestId": "c6af9ac6",
        "operationName": "listTodos",
        "requestTimeEpoch": 1583349317135,
        "timeout": 30,
        "authorizer": {"claims": {"sub": "u1"}},
        "scopes": ["read", "write"],
        "clientCert": {"serialNumber": "01"},
    }

    assert _read(context) == {
        "request_id": "c6af9ac6",
        "operation_name": "listTodos",
        "request_time_epoch": 1583349317135,
        "timeout": 30,
        "authorizer": {"claims": {"sub": "u1"}},
        "scopes": ["read", "write"],
        "has_cert": True,
    }


EMPTY = {
    "request_id": "",
    "operation_name": None,
    "request_time_epoch": 0,
    "timeout": None,
    "authorizer": {},
    "scopes": [],
    "has_cert": False,
}


@pytest.mark.parametrize(
    "context",
    [
        None,
        "not a dict",
        [1, 2],
        {},
        {
            "requestId": None,
            "operationName": 5,
            "requestTimeEpoch": "1583349317135",
            "timeout": True,
            "authorizer": ["x"],
            "scopes": ["read", 3],
            "clientCert": "PEM",
        },
        {"requestTimeEpoch": False, "scopes": "read", "authorizer": None},
    ],
)
def test_a_missing_null_or_mistyped_field_never_raises(context: Any) -> None:
    assert _read(context) == EMPTY


def test_a_view_of_something_that_is_not_a_dict_is_empty() -> None:
    view = DictView(["requestId"])

    assert len(view) == 0 and list(view) == [] and "requestId" not in view
    assert view.raw_event == {}
    with pytest.raises(KeyError):
        view["requestId"]


def test_client_certificate_fields() -> None:
    data = {
        "clientCertPem": "-----BEGIN CERTIFICATE-----",
        "issuerDN": "C=US,O=Example,CN=Example CA",
        "serialNumber": "a1:a2",
        "subjectDN": "C=US,O=Example,CN=client",
        "validity": {
            "notAfter": "Aug  5 00:28:21 2120 GMT",
            "notBefore": "Aug 29 00:28:21 2020 GMT",
        },
    }

    cert = client_cert(data)

    assert cert is not None and cert.raw_event is data
    assert cert.client_cert_pem == "-----BEGIN CERTIFICATE-----"
    assert cert.issuer_dn == "C=US,O=Example,CN=Example CA"
    assert cert.serial_number == "a1:a2"
    assert cert.subject_dn == "C=US,O=Example,CN=client"
    assert cert.validity_not_after == "Aug  5 00:28:21 2120 GMT"
    assert cert.validity_not_before == "Aug 29 00:28:21 2020 GMT"


def test_client_certificate_with_missing_fields() -> None:
    cert = client_cert({"validity": None})

    assert cert is not None
    assert (cert.client_cert_pem, cert.issuer_dn, cert.subject_dn) == ("", "", "")
    assert (cert.validity_not_after, cert.validity_not_before) == ("", "")
    assert client_cert(None) is None
