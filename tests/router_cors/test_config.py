"""CORSConfig: defaults, which origins it grants, and what it refuses at construction."""

from __future__ import annotations

from typing import Any

import pytest
from cors_support import (
    ALLOW_HEADERS,
    APP,
    EVIL,
    STAGING,
)
from hypothesis import given
from hypothesis import strategies as st

from router_core.extensions import ORDER_COMPRESSION, ORDER_CORS
from router_cors import (
    DEFAULT_ALLOW_HEADERS,
    CORSConfig,
    CORSExtension,
    CORSWarning,
    create_extension,
)

# -- CORSConfig ---------------------------------------------------------------------------------


def test_config_defaults_are_powertools_defaults() -> None:
    config = CORSConfig()

    assert config.allow_origin == "*"
    assert config.extra_origins == []
    assert config.allow_headers == list(DEFAULT_ALLOW_HEADERS)
    assert config.expose_headers == []
    assert config.max_age is None
    assert config.allow_credentials is False


def test_allow_headers_add_to_the_defaults_without_repeats() -> None:
    config = CORSConfig(allow_headers=["X-Request-Id", "content-type", "X-Request-Id"])

    assert config.allow_headers == [*DEFAULT_ALLOW_HEADERS, "X-Request-Id"]


@pytest.mark.parametrize(
    ("options", "origin", "expected"),
    [
        ({}, APP, "*"),
        ({}, None, None),
        ({}, "", None),
        ({"allow_origin": APP}, APP, APP),
        ({"allow_origin": APP}, STAGING, None),
        ({"allow_origin": APP}, APP.upper(), None),
        ({"allow_origin": APP}, APP + "/", None),
        ({"allow_origin": APP, "extra_origins": [STAGING]}, STAGING, STAGING),
        ({"allow_origin": APP, "extra_origins": [STAGING]}, EVIL, None),
        ({"allow_origin": "*", "extra_origins": [STAGING]}, STAGING, STAGING),
        ({"allow_origin": "*", "extra_origins": [STAGING]}, EVIL, "*"),
        ({"allow_origin": APP}, "null", None),
        ({"allow_origin": "null"}, "null", "null"),
    ],
)
def test_allowed_origin(options: dict[str, Any], origin: str | None, expected: str | None) -> None:
    assert CORSConfig(**options).allowed_origin(origin) == expected


@given(st.one_of(st.none(), st.text(max_size=40), st.sampled_from([APP, STAGING, "*", "null"])))
def test_only_listed_origins_are_ever_echoed(origin: str | None) -> None:
    specific = CORSConfig(allow_origin=APP, extra_origins=[STAGING], allow_credentials=True)
    anyone = CORSConfig()

    assert specific.allowed_origin(origin) == (origin if origin in (APP, STAGING) else None)
    assert anyone.allowed_origin(origin) == ("*" if origin else None)


@pytest.mark.parametrize(
    "options",
    [
        {"allow_credentials": True},
        {"allow_origin": "*", "allow_credentials": True},
        {"allow_origin": APP, "extra_origins": ["*"], "allow_credentials": True},
    ],
)
def test_credentials_with_any_origin_are_accepted_with_a_warning(options: dict[str, Any]) -> None:
    with pytest.warns(CORSWarning, match=r"allow_credentials=True with allow_origin='\*'"):
        config = CORSConfig(**options)

    assert config.allow_credentials is True
    # `*` never goes out with credentials; a listed origin still does.
    assert config.to_dict(EVIL) == {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
    }
    if options.get("allow_origin") == APP:
        assert config.to_dict(APP)["Access-Control-Allow-Credentials"] == "true"


def test_an_origin_with_a_trailing_slash_is_read_without_it() -> None:
    with pytest.warns(CORSWarning, match="ends with '/'"):
        config = CORSConfig(allow_origin=APP + "/", extra_origins=[STAGING + "/"])

    assert config.allow_origin == APP
    assert config.extra_origins == [STAGING]
    assert config.allowed_origin(STAGING) == STAGING


@pytest.mark.parametrize(
    ("options", "origin", "expected"),
    [
        ({}, None, {}),
        (
            {},
            EVIL,
            {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": ALLOW_HEADERS},
        ),
        ({"allow_origin": APP}, EVIL, {}),
        (
            {
                "allow_origin": APP,
                "allow_headers": ["x-custom", "X-Trace"],
                "expose_headers": ["X-Id", "X-Total"],
                "max_age": 0,
                "allow_credentials": True,
            },
            APP,
            {
                "Access-Control-Allow-Origin": APP,
                "Access-Control-Allow-Headers": ALLOW_HEADERS + ",X-Trace,x-custom",
                "Access-Control-Expose-Headers": "X-Id,X-Total",
                "Access-Control-Max-Age": "0",
                "Access-Control-Allow-Credentials": "true",
            },
        ),
    ],
)
def test_to_dict_gives_powertools_header_set(
    options: dict[str, Any], origin: str | None, expected: dict[str, str]
) -> None:
    assert CORSConfig(**options).to_dict(origin) == expected


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"allow_origin": "https://app.example.com/x/"}, ValueError, "trailing '/'"),
        ({"allow_origin": "app.example.com"}, ValueError, "not an origin"),
        ({"allow_origin": "https://app.example.com/path"}, ValueError, "not an origin"),
        ({"allow_origin": "https://app.example.com\r\nX: y"}, ValueError, "not an origin"),
        ({"allow_origin": None}, TypeError, "origin strings"),
        ({"extra_origins": [STAGING + "//"]}, ValueError, "extra_origins entry"),
        ({"extra_origins": STAGING}, TypeError, "list of origins"),
        ({"allow_headers": ["X-Ok", "Bad Header"]}, ValueError, "'Bad Header'"),
        ({"allow_headers": ["X-A\nX-B"]}, ValueError, "not a header name"),
        ({"allow_headers": "X-Request-Id"}, TypeError, "list of header names"),
        ({"expose_headers": ["X-A,X-B"]}, ValueError, "expose_headers"),
        ({"max_age": -1}, ValueError, "max_age"),
        ({"max_age": "600"}, ValueError, "max_age"),
        ({"max_age": True}, ValueError, "max_age"),
        ({"allow_origin": APP, "allow_credentials": "yes"}, TypeError, "allow_credentials"),
    ],
)
def test_bad_configuration_fails_at_construction(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        CORSConfig(**options)


def test_create_extension_takes_true_or_a_config() -> None:
    config = CORSConfig(allow_origin=APP)

    assert create_extension(config, True).config is config
    assert create_extension(True, False).config.allow_origin == "*"
    with pytest.raises(TypeError, match="cors= takes True or a CORSConfig, got 'yes'"):
        create_extension("yes", True)


def test_only_app_wide_cors_adds_options_to_every_path() -> None:
    assert create_extension(True, True).adds_methods == frozenset({"OPTIONS"})
    assert create_extension(True, False).adds_methods == frozenset()
    assert CORSExtension.order == ORDER_CORS < ORDER_COMPRESSION
