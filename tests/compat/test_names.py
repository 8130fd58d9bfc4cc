"""Every public name of Powertools' event handler for these four sources has a place here, or a
reason it has none. The names are read from Powertools itself (its `__all__`s and the classes
its public modules define), so a name it adds shows up as undecided."""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType

import pytest
from porting import import_table, port, target

pytest.importorskip("aws_lambda_powertools")

PT = "aws_lambda_powertools"
# Powertools' modules an event-handler app imports from.
MODULES = [
    f"{PT}.event_handler",
    f"{PT}.event_handler.api_gateway",
    f"{PT}.event_handler.router",
    f"{PT}.event_handler.exceptions",
    f"{PT}.event_handler.middlewares",
    f"{PT}.event_handler.content_types",
    f"{PT}.event_handler.depends",
    f"{PT}.shared.cookies",
]

OTHER_SOURCE = "another event source (AppSync, Bedrock Agents, VPC Lattice): not provided"
INTERNAL = "Powertools' internal machinery, not part of what apps write"
# Powertools names offered nowhere here, with the reason (docs/migration.md says the same).
NOT_OFFERED = {
    "AppSyncResolver": OTHER_SOURCE,
    "AppSyncEventsResolver": OTHER_SOURCE,
    "BedrockAgentResolver": OTHER_SOURCE,
    "BedrockAgentFunctionResolver": OTHER_SOURCE,
    "BedrockResponse": OTHER_SOURCE,
    "BedrockFunctionResponse": OTHER_SOURCE,
    "VPCLatticeResolver": OTHER_SOURCE,
    "VPCLatticeV2Resolver": OTHER_SOURCE,
    "HttpResolver": "serving an app over plain HTTP is router-local's job (`router serve`)",
    "HttpResolverLocal": "serving an app over plain HTTP is router-local's job (`router serve`)",
    "ResponseSizeExceededError": (
        "every response's size is checked against its source's limit and an oversized one "
        "answers 500 with a log line (migration.md: response size limits are checked)"
    ),
    "BaseRouter": INTERNAL,
    "Route": INTERNAL,
    "ResponseBuilder": INTERNAL,
    "MiddlewareFrame": INTERNAL,
    "DependencyParam": INTERNAL,
    "DependencyTree": INTERNAL,
}


def _public_names(module: ModuleType) -> set[str]:
    """A module's `__all__`, or else the public classes and constants it defines."""
    declared = getattr(module, "__all__", None)
    if declared is not None:
        return set(declared)
    names = set()
    for name, value in vars(module).items():
        if name.startswith("_"):
            continue
        defined_here = inspect.isclass(value) and value.__module__ == module.__name__
        constant = module.__name__.endswith(".content_types") and name.isupper()
        if defined_here or constant:
            names.add(name)
    return names


def powertools_names() -> list[tuple[str, str]]:
    found = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        found += [(module_name, name) for name in sorted(_public_names(module))]
    return found


@pytest.mark.parametrize("module, name", powertools_names(), ids=lambda v: v.rpartition(".")[2])
def test_each_powertools_name_moves_somewhere_or_is_named_as_not_offered(module, name):
    if name in NOT_OFFERED:
        import router_all

        assert not hasattr(router_all, name)
        return
    if module.endswith(".content_types"):  # constants of a module imported whole
        moved = importlib.import_module(target(import_table(), f"{PT}.event_handler", module[-13:]))
        ours = moved.content_types
        assert getattr(ours, name) == getattr(importlib.import_module(module), name)
        return
    moved = target(import_table(), module, name)
    assert hasattr(importlib.import_module(moved), name), f"{moved} has no {name}"


def test_every_offered_name_is_also_in_router_all():
    import router_all

    table = import_table()
    names = {name for (_module, name) in table if name != "..."}
    exceptions = _public_names(importlib.import_module(f"{PT}.event_handler.exceptions"))
    names |= exceptions - set(NOT_OFFERED)
    missing = sorted(n for n in names if not hasattr(router_all, n))
    assert missing == []


def test_reasons_name_only_powertools_names():
    known = {name for _module, name in powertools_names()}
    assert set(NOT_OFFERED) - known == set(), "a name Powertools no longer has"


def test_a_powertools_import_the_table_lacks_fails_the_port():
    with pytest.raises(LookupError, match=r"no row for .*VPCLatticeResolver"):
        port(f"from {PT}.event_handler import VPCLatticeResolver\n")
