"""The signature model: what each parameter of a handler, middleware or dependency is and
where its value comes from.

`analyse(func, path_names)` reads a callable once (at registration or first resolve, never
per request) into a `Signature` of `Parameter`s, each of one kind:

- ``"path"``: named like one of the route's parameters (`<todo_id>`), passed by the router;
- ``"request"``: annotated `Request`, given the call's `Request`;
- ``"depends"``: annotated `Annotated[T, Depends(fn)]`, given `fn`'s result;
- ``"other"``: anything else (what validation reads from the query, headers or body).

Annotations are resolved with `typing.get_type_hints(include_extras=True)`, so
`from __future__ import annotations` and forward references work; an annotation that cannot
be resolved raises `UnresolvedAnnotationError` (a `TypeError`) naming the function and the name.
Functions, classes (their `__init__`), callable instances (their `__call__`), bound methods
and `functools.partial` objects are all read the same way.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable, Collection
from typing import Any

from router_core.request import Request

PATH, REQUEST, DEPENDS, OTHER = "path", "request", "depends", "other"

#: The `default` of a parameter that has none.
EMPTY: Any = inspect.Parameter.empty

_NONE_TYPE = type(None)
_VARIADIC = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)


class UnresolvedAnnotationError(TypeError):
    """A parameter's annotation names something that cannot be found at run time."""


class Parameter:
    """One parameter: its name, kind, resolved annotation and where its value comes from.

    `annotation` is resolved, with `Annotated[...]` taken off (its extras are in `metadata`,
    in order); `default` is `EMPTY` when the parameter has none; `depends` is the `Depends`
    of a ``"depends"`` parameter.
    """

    __slots__ = ("annotation", "default", "depends", "kind", "metadata", "name", "positional_only")

    def __init__(
        self,
        name: str,
        kind: str,
        annotation: Any,
        metadata: tuple[Any, ...] = (),
        default: Any = EMPTY,
        depends: Any = None,
        positional_only: bool = False,
    ) -> None:
        self.name = name
        self.kind = kind
        self.annotation = annotation
        self.metadata = metadata
        self.default = default
        self.depends = depends
        self.positional_only = positional_only

    @property
    def required(self) -> bool:
        """True when the parameter has no default."""
        return self.default is EMPTY

    def __repr__(self) -> str:
        return f"Parameter({self.name!r}, {self.kind!r})"


class Signature:
    """A callable's analysed parameters, in declaration order (`*args`/`**kwargs` left out)."""

    __slots__ = (
        "accepts_kwargs",
        "dependencies",
        "func",
        "is_coroutine",
        "is_generator",
        "needs_request",
        "parameters",
    )

    def __init__(
        self,
        func: Callable[..., Any],
        parameters: tuple[Parameter, ...],
        accepts_kwargs: bool,
        is_coroutine: bool,
        is_generator: bool,
    ) -> None:
        self.func = func
        self.parameters = parameters
        #: The ``"depends"`` parameters, in declaration order.
        self.dependencies = tuple(p for p in parameters if p.kind == DEPENDS)
        #: True when some parameter is annotated `Request`.
        self.needs_request = any(p.kind == REQUEST for p in parameters)
        #: True when the callable takes `**kwargs`.
        self.accepts_kwargs = accepts_kwargs
        #: True for an `async def` callable (or one whose `__call__` is).
        self.is_coroutine = is_coroutine
        #: True for a generator or async generator (`yield`) callable.
        self.is_generator = is_generator

    def __repr__(self) -> str:
        return f"Signature({describe(self.func)}, {list(self.parameters)!r})"


def describe(func: Callable[..., Any]) -> str:
    """A callable's name for messages: `module.qualname` when it has one."""
    target = _unpartial(func)
    name = getattr(target, "__qualname__", None) or getattr(target, "__name__", None)
    if name is None:
        return repr(func)
    module = getattr(target, "__module__", None)
    return f"{module}.{name}" if module else str(name)


def call_flags(func: Callable[..., Any]) -> tuple[bool, bool]:
    """`(is_coroutine, is_generator)` for what calling `func` runs."""
    target = _code_target(func)
    if target is None:
        return False, False
    is_generator = inspect.isgeneratorfunction(target) or inspect.isasyncgenfunction(target)
    return inspect.iscoroutinefunction(target), is_generator


def analyse(func: Callable[..., Any], path_names: Collection[str] = ()) -> Signature:
    """Read `func`'s parameters into a `Signature`; `path_names` are the route's parameters."""
    if not callable(func):
        raise TypeError(f"expected a callable, got {type(func).__name__}: {func!r}")
    hints = _hints(func)
    parameters: Collection[inspect.Parameter]
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        parameters = ()  # a builtin without a readable signature takes nothing we inject
    analysed: list[Parameter] = []
    accepts_kwargs = False
    for param in parameters:
        if param.kind in _VARIADIC:
            accepts_kwargs = accepts_kwargs or param.kind == inspect.Parameter.VAR_KEYWORD
            continue
        analysed.append(_parameter(func, param, hints, path_names))
    is_coroutine, is_generator = call_flags(func)
    return Signature(func, tuple(analysed), accepts_kwargs, is_coroutine, is_generator)


def _parameter(
    func: Callable[..., Any],
    param: inspect.Parameter,
    hints: dict[str, Any],
    path_names: Collection[str],
) -> Parameter:
    from router_core.dependencies import Depends

    annotation = hints.get(param.name, EMPTY)
    if (
        annotation is EMPTY
        and param.annotation is not EMPTY
        and not isinstance(param.annotation, str)
    ):
        annotation = param.annotation
    base, metadata = split_annotated(annotation)
    if isinstance(param.default, Depends):
        raise TypeError(
            f"{describe(func)}: parameter {param.name!r} has Depends(...) as its default; "
            f"declare it as {param.name}: Annotated[T, Depends(...)]"
        )
    depends = next((m for m in metadata if isinstance(m, Depends)), None)
    if depends is not None:
        kind = DEPENDS
    elif _optional_inner(base) is Request:
        kind = REQUEST
    elif param.name in path_names:
        kind = PATH
    else:
        kind = OTHER
    positional_only = param.kind == inspect.Parameter.POSITIONAL_ONLY
    if positional_only and kind in (DEPENDS, REQUEST):
        raise TypeError(
            f"{describe(func)}: parameter {param.name!r} is positional-only; "
            f"a {kind} parameter is passed by keyword"
        )
    return Parameter(param.name, kind, base, metadata, param.default, depends, positional_only)


def split_annotated(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """`Annotated[T, x, y]` -> `(T, (x, y))`; `Optional[Annotated[T, x]]` -> `(Optional[T],
    (x,))` (Python 3.10 wraps `= None` parameters so); anything else -> `(annotation, ())`."""
    metadata = getattr(annotation, "__metadata__", None)
    if metadata is not None:
        return annotation.__origin__, tuple(metadata)
    inner = _optional_inner(annotation)
    if inner is not annotation:
        metadata = getattr(inner, "__metadata__", None)
        if metadata is not None:
            return typing.Optional[inner.__origin__], tuple(metadata)
    return annotation, ()


def _optional_inner(annotation: Any) -> Any:
    """`X` for `Optional[X]` / `X | None`; the annotation itself otherwise."""
    args = getattr(annotation, "__args__", None)
    if not args or len(args) != 2 or _NONE_TYPE not in args:
        return annotation
    origin = getattr(annotation, "__origin__", None)
    if origin is not typing.Union and type(annotation).__name__ != "UnionType":
        return annotation
    return args[0] if args[1] is _NONE_TYPE else args[1]


def _unpartial(func: Any) -> Any:
    while isinstance(func, functools.partial):
        func = func.func
    return func


def _code_target(func: Any) -> Any:
    """The function whose code runs when `func` is called (None for a class)."""
    target = _unpartial(func)
    if isinstance(target, type):
        return None
    if inspect.isfunction(target) or inspect.ismethod(target) or inspect.isbuiltin(target):
        return target
    call = getattr(type(target), "__call__", None)  # noqa: B004  (a callable instance)
    return call if call is not None else target


def _hints_target(func: Any) -> Any:
    """The object whose annotations describe `func`'s parameters."""
    target = _unpartial(func)
    if isinstance(target, type):
        return getattr(target, "__init__", None)
    return _code_target(target)


def _hints(func: Callable[..., Any]) -> dict[str, Any]:
    target = _hints_target(func)
    if not hasattr(target, "__annotations__"):
        return {}
    try:
        return typing.get_type_hints(target, include_extras=True)
    except NameError as error:
        name = getattr(error, "name", None) or str(error)
        raise UnresolvedAnnotationError(
            f"cannot resolve the annotations of {describe(func)}: {name!r} is not defined in "
            "its module (string annotations resolve there: import or define it at module "
            "level, not under TYPE_CHECKING nor inside a function)"
        ) from None
    except Exception as error:  # e.g. `X | None` in a string annotation on Python 3.9
        raise UnresolvedAnnotationError(
            f"cannot resolve the annotations of {describe(func)}: {error}"
        ) from None
