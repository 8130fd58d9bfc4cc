"""`Headers`: case-insensitive request headers, single and multi-value."""

from __future__ import annotations

from router_core.headers import Headers


def test_lookup_ignores_case() -> None:
    headers = Headers.from_event({"Content-Type": "application/json"})
    assert headers["content-type"] == "application/json"
    assert headers.get("CONTENT-TYPE") == "application/json"
    assert "Content-type" in headers
    assert headers.get("missing", "x") == "x"


def test_multi_value_headers_keep_every_value_and_fill_single_lookups() -> None:
    headers = Headers.from_event(None, {"Accept": ["a", "b"], "X-Id": ["1"]})
    assert headers.get_all("accept") == ["a", "b"]
    assert headers["accept"] == "b"
    assert headers.get_all("x-missing") == []


def test_malformed_entries_are_ignored() -> None:
    headers = Headers.from_event({"a": 1, 2: "b", "ok": "yes"}, {"m": "not-a-list", "n": [1, "v"]})
    assert dict(headers) == {"ok": "yes", "n": "v"}
    assert Headers.from_event("junk", 42) == {}
