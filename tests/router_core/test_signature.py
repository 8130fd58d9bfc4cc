"""`analyse`: what each parameter is and where its value comes from.

This module uses `from __future__ import annotations`, so every annotation below is a string
that `analyse` must resolve.
"""

from __future__ import annotations

import functools
import sys
from typing import Annotated, Any, Optional

import pytest

from router_core.dependencies import Depends
from router_core.request import Request
from router_core.signature import (
    DEPENDS,
    EMPTY,
    OTHER,
    PATH,
    REQUEST,
    Parameter,
    UnresolvedAnnotationError,
    analyse,
    call_flags,
    split_annotated,
)


def get_tenant(request: Request) -> str:
    return request.headers.get("x-tenant-id", "default")


def kinds(func: Any, path_names: tuple[str, ...] = ()) -> dict[str, str]:
    return {p.name: p.kind for p in analyse(func, path_names).parameters}


# -- kinds -------------------------------------------------------------------------------------
def test_each_parameter_gets_its_kind() -> None:
    def handler(
        todo_id: int,
        tenant: Annotated[str, Depends(get_tenant)],
        request: Request,
        limit: int = 10,
    ) -> dict[str, Any]:
        return {}

    signature = analyse(handler, ["todo_id"])

    assert [(p.name, p.kind) for p in signature.parameters] == [
        ("todo_id", PATH),
        ("tenant", DEPENDS),
        ("request", REQUEST),
        ("limit", OTHER),
    ]
    assert signature.needs_request is True
    assert [p.name for p in signature.dependencies] == ["tenant"]
    assert signature.func is handler


UNCACHED_TENANT = Depends(get_tenant, use_cache=False)


def test_annotations_are_resolved_and_annotated_extras_kept_in_order() -> None:
    def handler(tenant: Annotated[str, "doc", UNCACHED_TENANT], limit: int = 10) -> None: ...

    tenant, limit = analyse(handler).parameters

    assert tenant.annotation is str
    assert tenant.metadata == ("doc", UNCACHED_TENANT)
    assert tenant.depends is UNCACHED_TENANT
    assert tenant.required is True and tenant.default is EMPTY
    assert limit.annotation is int and limit.metadata == ()
    assert limit.default == 10 and limit.required is False
    assert limit.depends is None


def test_a_parameter_without_annotation() -> None:
    def handler(todo_id, anything=None):  # type: ignore[no-untyped-def]
        return todo_id

    todo_id, anything = analyse(handler, {"todo_id"}).parameters

    assert (todo_id.kind, todo_id.annotation) == (PATH, EMPTY)
    assert (anything.kind, anything.default) == (OTHER, None)


def test_optional_request_is_still_the_request() -> None:
    def first(request: Optional[Request] = None) -> None: ...

    assert kinds(first) == {"request": REQUEST}


@pytest.mark.skipif(sys.version_info < (3, 10), reason="`X | None` evaluates from 3.10")
def test_request_or_none_is_still_the_request() -> None:
    def second(request: Request | None = None) -> None: ...

    assert kinds(second) == {"request": REQUEST}


def test_annotated_request_is_the_request() -> None:
    def handler(request: Annotated[Request, "the call"]) -> None: ...

    assert kinds(handler) == {"request": REQUEST}


def test_depends_wins_over_a_path_parameter_of_the_same_name() -> None:
    def handler(tenant: Annotated[str, Depends(get_tenant)]) -> None: ...

    assert kinds(handler, ("tenant",)) == {"tenant": DEPENDS}


def test_optional_annotated_depends_keeps_its_metadata() -> None:
    # Python 3.10's get_type_hints wraps a `= None` parameter in Optional[...].
    base, metadata = split_annotated(Optional[Annotated[str, Depends(get_tenant)]])

    assert base == Optional[str]
    assert len(metadata) == 1 and isinstance(metadata[0], Depends)


def test_variadic_parameters_are_left_out_and_kwargs_noted() -> None:
    def handler(todo_id: str, *args: Any, **kwargs: Any) -> None: ...

    signature = analyse(handler, ("todo_id",))

    assert [p.name for p in signature.parameters] == ["todo_id"]
    assert signature.accepts_kwargs is True
    assert analyse(get_tenant).accepts_kwargs is False


# -- what can be analysed ----------------------------------------------------------------------
class TenantSettings:
    def __init__(self, request: Request, region: str = "eu-west-1") -> None:
        self.tenant = request.headers.get("x-tenant-id")
        self.region = region


class RateLimiter:
    def __call__(self, tenant: Annotated[str, Depends(get_tenant)]) -> int:
        return 100


class Repository:
    def find(self, request: Request, limit: int) -> list[str]:
        return []


def lookup(table: str, request: Request) -> str:
    return table


def test_a_class_is_read_through_its_init() -> None:
    assert kinds(TenantSettings) == {"request": REQUEST, "region": OTHER}
    assert call_flags(TenantSettings) == (False, False)


def test_a_callable_instance_is_read_through_its_call() -> None:
    assert kinds(RateLimiter()) == {"tenant": DEPENDS}


def test_a_bound_method_leaves_self_out() -> None:
    assert kinds(Repository().find) == {"request": REQUEST, "limit": OTHER}


def test_a_partial_leaves_its_bound_arguments_out() -> None:
    assert kinds(functools.partial(lookup, "todos")) == {"request": REQUEST}
    keyword = analyse(functools.partial(lookup, table="todos")).parameters
    assert [(p.name, p.kind, p.default) for p in keyword] == [
        ("table", OTHER, "todos"),
        ("request", REQUEST, EMPTY),
    ]


def test_a_builtin_takes_nothing_injected() -> None:
    assert analyse(dict).parameters == ()


def test_coroutine_and_generator_flags() -> None:
    async def fetch() -> str:
        return "x"

    def stream() -> Any:
        yield "x"

    async def astream() -> Any:
        yield "x"

    class AsyncCallable:
        async def __call__(self) -> str:
            return "x"

    assert call_flags(fetch) == (True, False)
    assert call_flags(stream) == (False, True)
    assert call_flags(astream) == (False, True)
    assert call_flags(AsyncCallable()) == (True, False)
    assert call_flags(functools.partial(fetch)) == (True, False)
    assert analyse(stream).is_generator is True
    assert analyse(fetch).is_coroutine is True


# -- forward references ------------------------------------------------------------------------
def uses_a_later_class(settings: Annotated[Settings, Depends(get_tenant)]) -> None: ...


class Settings:
    """Defined after the function that names it: resolved when analysed, not when defined."""


def test_a_forward_reference_resolves_at_analysis() -> None:
    (settings,) = analyse(uses_a_later_class).parameters

    assert settings.annotation is Settings
    assert settings.kind == DEPENDS


def names_something_missing(thing: NotDefinedAnywhere) -> None: ...  # type: ignore[name-defined]  # noqa: F821


def test_an_unresolvable_name_is_a_clear_type_error() -> None:
    with pytest.raises(UnresolvedAnnotationError) as caught:
        analyse(names_something_missing)

    assert isinstance(caught.value, TypeError)
    message = str(caught.value)
    assert "names_something_missing" in message
    assert "'NotDefinedAnywhere' is not defined" in message


def test_a_name_local_to_a_function_is_unresolvable() -> None:
    local_depends = Depends(get_tenant)

    def handler(tenant: Annotated[str, local_depends]) -> None: ...

    with pytest.raises(UnresolvedAnnotationError, match="'local_depends' is not defined"):
        analyse(handler)


def test_eager_annotations_work_too() -> None:
    # What a module without `from __future__ import annotations` produces: real objects.
    def handler(tenant, request):  # type: ignore[no-untyped-def]
        return tenant

    handler.__annotations__ = {"tenant": Annotated[str, Depends(get_tenant)], "request": Request}

    assert kinds(handler) == {"tenant": DEPENDS, "request": REQUEST}


# -- refused -----------------------------------------------------------------------------------
def test_depends_as_a_default_is_refused_with_the_annotated_form() -> None:
    def handler(tenant: str = Depends(get_tenant)) -> None: ...  # type: ignore[assignment]

    with pytest.raises(TypeError, match=r"tenant: Annotated\[T, Depends\(...\)\]"):
        analyse(handler)


def test_a_positional_only_injected_parameter_is_refused() -> None:
    def handler(request: Request, /) -> None: ...

    with pytest.raises(TypeError, match="'request' is positional-only"):
        analyse(handler)


def test_a_non_callable_is_refused() -> None:
    with pytest.raises(TypeError, match="expected a callable"):
        analyse("not a function")  # type: ignore[arg-type]


def test_parameter_repr_names_kind() -> None:
    assert repr(Parameter("todo_id", PATH, str)) == "Parameter('todo_id', 'path')"
