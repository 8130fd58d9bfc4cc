"""Loading `MODULE:ATTR` and deciding which source it is served as."""

from __future__ import annotations

import re

import pytest

from router_local.targets import SOURCES, TargetError, codec_for, load_target

REST_APP = "from router_rest import APIGatewayRestResolver\napp = APIGatewayRestResolver()\n"
HANDLER = "def lambda_handler(event, context):\n    return app.resolve(event, context)\n"


@pytest.mark.parametrize("source", list(SOURCES))
def test_a_resolver_tells_its_source(modules, source):
    spec = SOURCES[source]
    pytest.importorskip(spec.module)
    name = modules.write(f"from {spec.module} import {spec.resolver}\napp = {spec.resolver}()\n")

    target = load_target(f"{name}:app", app_dir=str(modules.folder))

    assert target.source == source
    assert target.service == spec.service
    assert target.codec is codec_for(source)


def test_a_function_takes_the_source_of_its_modules_resolver(modules):
    name = modules.write(REST_APP + HANDLER)

    target = load_target(f"{name}:lambda_handler", app_dir=str(modules.folder))

    assert target.source == "rest"
    assert target.handler.__name__ == "lambda_handler"


def test_a_function_without_a_resolver_in_its_module_needs_source(modules):
    name = modules.write("def lambda_handler(event, context):\n    return {}\n")

    with pytest.raises(TargetError) as raised:
        load_target(f"{name}:lambda_handler", app_dir=str(modules.folder))

    message = str(raised.value)
    assert "defines no resolver at top level" in message
    assert "pass --source rest|http|alb|function-url" in message


def test_a_function_beside_resolvers_of_two_sources_needs_source(modules):
    pytest.importorskip("router_alb")
    name = modules.write(
        REST_APP + "from router_alb import ALBResolver\nother = ALBResolver()\n" + HANDLER
    )

    with pytest.raises(TargetError, match="resolvers of 2 sources"):
        load_target(f"{name}:lambda_handler", app_dir=str(modules.folder))

    target = load_target(f"{name}:lambda_handler", "alb", str(modules.folder))
    assert target.source == "alb"


def test_source_of_another_family_is_refused_for_a_resolver(modules):
    pytest.importorskip("router_alb")
    name = modules.write(REST_APP)

    with pytest.raises(TargetError) as raised:
        load_target(f"{name}:app", "alb", str(modules.folder))

    assert str(raised.value) == (
        f"--source alb does not fit {name}:app (APIGatewayRestResolver): it takes "
        "API Gateway REST events (payload 1.0), not Application Load Balancer ones; "
        "drop --source or pass --source rest"
    )


def test_an_http_api_app_may_be_served_as_a_function_url(modules):
    pytest.importorskip("router_http")
    pytest.importorskip("router_function_url")
    name = modules.write(
        "from router_http import APIGatewayHttpResolver\napp = APIGatewayHttpResolver()\n"
    )

    target = load_target(f"{name}:app", "function-url", str(modules.folder))

    assert target.source == "function-url"
    assert target.codec is codec_for("function-url")


def test_multi_value_selects_the_alb_target_group_mode(modules):
    pytest.importorskip("router_alb")
    name = modules.write("from router_alb import ALBResolver\napp = ALBResolver()\n")

    target = load_target(f"{name}:app", app_dir=str(modules.folder), multi_value=True)

    assert target.codec.multi_value is True  # type: ignore[attr-defined]
    with pytest.raises(TargetError, match="--multi-value is a setting of ALB target groups"):
        codec_for("rest", multi_value=True)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("app", "'app' is not MODULE:ATTR (for example app:app or app:lambda_handler)"),
        (":app", "':app' is not MODULE:ATTR"),
        ("app:", "'app:' is not MODULE:ATTR"),
        ("no_such_module_here:app", "cannot import module 'no_such_module_here'"),
    ],
)
def test_malformed_or_missing_targets_are_explained(spec, message):
    with pytest.raises(TargetError, match=re.escape(message)):
        load_target(spec)


def test_missing_attribute_and_non_callables_are_explained(modules):
    name = modules.write("settings = {'debug': True}\n")

    with pytest.raises(TargetError, match=f"module '{name}' has no attribute 'app'"):
        load_target(f"{name}:app", app_dir=str(modules.folder))
    with pytest.raises(TargetError, match=f"{name}:settings is a dict: point at a resolver"):
        load_target(f"{name}:settings", app_dir=str(modules.folder))


def test_an_import_error_inside_the_app_is_not_hidden(modules):
    name = modules.write("import a_module_the_app_needs_but_lacks\n")

    with pytest.raises(ModuleNotFoundError, match="a_module_the_app_needs_but_lacks"):
        load_target(f"{name}:app", "rest", str(modules.folder))


def test_unknown_source_is_refused(modules):
    name = modules.write(REST_APP)

    with pytest.raises(TargetError, match=re.escape("unknown source 'sqs': use one of rest|http|")):
        load_target(f"{name}:app", "sqs", str(modules.folder))
