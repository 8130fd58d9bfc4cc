"""`Depends`: FastAPI-style dependency injection, as Powertools' event handler offers it.

    def get_tenant(request: Request) -> str:
        return request.headers.get("x-tenant-id", "default")

    @app.get("/orders")
    def list_orders(tenant: Annotated[str, Depends(get_tenant)]): ...

A handler or a function middleware that declares `Request` or `Depends` parameters is compiled
once (at the app's first resolve) into a `Plan`: a flat list of `Step`s in depth-first order,
plain data that a sync runner (here) or an async one can execute. Per request nothing is
inspected: the runner walks the list, reads `app.dependency_overrides` and the invocation's
cache (kept on the `Request`), and calls. A function that declares neither compiles to None and
its route pays nothing.

This module is imported when routes are registered: it imports nothing heavy at import time
(`inspect` and `typing` come with `router_core.signature`, loaded only for functions that
declare dependencies).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Generator, Mapping
    from typing import Any, Callable

    from router_core.request import Request
    from router_core.signature import Parameter, Signature

    Overrides = Mapping[Callable[..., Any], Callable[..., Any]]

#: The slot that stands for the invocation's `Request` in a step's or plan's arguments.
REQUEST_SLOT = -1


class DependencyResolutionError(Exception):
    """A dependency raised while it was resolved; the original exception is `__cause__`.

    As in Powertools, the resolver answers it as its cause (a `NotFoundError` raised in a
    dependency answers 404, a `ValueError` reaches `exception_handler(ValueError)`) unless an
    exception handler is registered for `DependencyResolutionError` itself.
    """

    def __init__(self, message: str, dependency: Any = None, parameter: str | None = None) -> None:
        super().__init__(message)
        #: The callable that raised (the override, when one replaced the dependency).
        self.dependency = dependency
        #: The parameter whose value it was to give.
        self.parameter = parameter


class _NotCallableError(DependencyResolutionError, TypeError):
    """`Depends(x)` with an `x` that cannot be called: Powertools raises
    DependencyResolutionError, a definition error here is a TypeError; this is both."""


class Depends:
    """Declares a parameter's value as the result of `dependency`.

    Use it in `Annotated[T, Depends(dependency)]`. The dependency may itself declare
    `Depends` and `Request` parameters. With `use_cache=True` (the default) it runs at most
    once per invocation, however many parameters (of the handler, its middlewares and other
    dependencies) ask for it; `use_cache=False` runs it for every one of them.
    """

    __slots__ = ("dependency", "use_cache")

    def __init__(self, dependency: Callable[..., Any], *, use_cache: bool = True) -> None:
        if not callable(dependency):
            raise _NotCallableError(
                f"Depends() requires a callable, got {type(dependency).__name__}: {dependency!r}"
            )
        self.dependency = dependency
        self.use_cache = use_cache

    def __repr__(self) -> str:
        name = getattr(self.dependency, "__name__", None) or repr(self.dependency)
        cache = "" if self.use_cache else ", use_cache=False"
        return f"Depends({name}{cache})"


# -- registration --------------------------------------------------------------------------
def check_registration(func: Callable[..., Any]) -> None:
    """Refuse, when `func` is registered, a dependency tree that holds a generator.

    Costs one look at `func.__annotations__` for a function that declares no `Depends`.
    Names that cannot be resolved yet are left for the first resolve, which checks again.
    """
    if not _declares(func, request=False):
        return
    from router_core.signature import UnresolvedAnnotationError

    try:
        build_plan(func, (), skip=0)
    except UnresolvedAnnotationError:
        return


def _annotation_values(func: Any) -> Any:
    """`func`'s annotation values, read without `inspect` (None when it has none)."""
    target = func
    if not hasattr(target, "__code__"):  # not a plain function: find the one that runs
        while type(target).__name__ == "partial":
            target = getattr(target, "func", None)
        if isinstance(target, type):
            target = target.__dict__.get("__init__") or getattr(target, "__init__", None)
        elif not hasattr(target, "__code__") and not hasattr(target, "__func__"):
            target = getattr(type(target), "__call__", None)  # noqa: B004  (an instance)
    try:
        annotations = getattr(target, "__annotations__", None)
    except Exception:  # deferred annotations that fail to evaluate: decided at compile
        return ("Depends",)
    return annotations.values() if annotations else None


def _declares(func: Any, request: bool) -> bool:
    """Whether `func`'s annotations may declare `Depends` (or, with `request`, `Request`)."""
    values = _annotation_values(func)
    if values is None:
        return False
    for value in values:
        kind = type(value)
        if kind is str:  # `from __future__ import annotations`: the text decides
            if "Depends" in value or (request and "Request" in value and _names_request(value)):
                return True
        elif kind is type:  # a plain class (str, a model): no Depends can hide in it
            if request and _is_request(value):
                return True
        elif _mentions(value, request, 0):
            return True
    return False


def _names_request(text: str) -> bool:
    import re

    return re.search(r"(?<![\w.])(?:\w+\.)*Request\b", text) is not None


def _mentions(value: Any, request: bool, depth: int) -> bool:
    """Whether a (non-string) annotation holds a Depends (or, with `request`, Request)."""
    if isinstance(value, str):
        return "Depends" in value or (request and _names_request(value))
    if isinstance(value, type):
        return request and _is_request(value)
    metadata = getattr(value, "__metadata__", None)
    if metadata is not None:
        if any(isinstance(item, Depends) for item in metadata):
            return True
        value = getattr(value, "__origin__", None)
        if request and _is_request(value):
            return True
    args = getattr(value, "__args__", None)
    if depth < 2 and isinstance(args, tuple):
        return any(_mentions(arg, request, depth + 1) for arg in args)
    return False


def _is_request(value: Any) -> bool:
    if not isinstance(value, type) or value.__name__ != "Request":
        return False
    from router_core.request import Request

    return value is Request


# -- compiling -----------------------------------------------------------------------------
def compile_handler(func: Callable[..., Any], path_names: Collection[str]) -> Invoker | None:
    """The invoker of a route handler that declares `Request` or `Depends`; None otherwise.

    `invoker(params, request, overrides)` resolves the dependencies and returns
    `func(**params, **injected)`. Call it at the app's first resolve, once per route.
    """
    if not _declares(func, request=True):
        return None
    plan = build_plan(func, path_names, skip=0)
    return Invoker(func, plan) if plan.arguments else None


def compile_middleware(middleware: Callable[..., Any]) -> MiddlewareInvoker | None:
    """The invoker of a function middleware that declares `Request` or `Depends` parameters
    after `(app, next_middleware)`; None for a middleware that takes only those two.

    `invoker(app, next_middleware, request, overrides)` returns
    `middleware(app, next_middleware, **injected)`.
    """
    if not _declares(middleware, request=True):
        return None
    plan = build_plan(middleware, (), skip=2)
    return MiddlewareInvoker(middleware, plan) if plan.arguments else None


class Invoker:
    """Calls a route handler with its path parameters plus what its plan injects.

    When the handler or one of its dependencies is `async def`, calling the invoker returns a
    coroutine: the pipeline awaits it (`resolve_async`) or runs it on the thread's event loop.
    """

    __slots__ = ("func", "plan")

    def __init__(self, func: Callable[..., Any], plan: Plan) -> None:
        self.func = func
        self.plan = plan

    def __call__(
        self, params: Mapping[str, Any], request: Request, overrides: Overrides | None
    ) -> Any:
        plan = self.plan
        if plan.is_async or (overrides and _any_async(overrides)):
            return self._call_async(params, request, overrides)
        return self.func(**{**params, **run_sync(plan, request, overrides)})

    async def _call_async(
        self, params: Mapping[str, Any], request: Request, overrides: Overrides | None
    ) -> Any:
        injected = await run_async(self.plan, request, overrides)
        result = self.func(**{**params, **injected})
        return (await result) if self.plan.is_coroutine else result

    def __repr__(self) -> str:
        return f"Invoker({self.plan!r})"


class MiddlewareInvoker:
    """Calls a function middleware with `(app, next_middleware)` plus what its plan injects
    (a coroutine when the middleware or a dependency is `async def`)."""

    __slots__ = ("middleware", "plan")

    def __init__(self, middleware: Callable[..., Any], plan: Plan) -> None:
        self.middleware = middleware
        self.plan = plan

    def __call__(
        self,
        app: Any,
        next_middleware: Callable[..., Any],
        request: Request,
        overrides: Overrides | None,
    ) -> Any:
        plan = self.plan
        if plan.is_async or (overrides and _any_async(overrides)):
            return self._call_async(app, next_middleware, request, overrides)
        return self.middleware(app, next_middleware, **run_sync(plan, request, overrides))

    async def _call_async(
        self,
        app: Any,
        next_middleware: Callable[..., Any],
        request: Request,
        overrides: Overrides | None,
    ) -> Any:
        injected = await run_async(self.plan, request, overrides)
        result = self.middleware(app, next_middleware, **injected)
        return (await result) if self.plan.is_coroutine else result

    def __repr__(self) -> str:
        return f"MiddlewareInvoker({self.plan!r})"


def _any_async(overrides: Overrides) -> bool:
    from router_core.signature import call_flags

    return any(call_flags(override)[0] for override in overrides.values())


# -- the plan ------------------------------------------------------------------------------
class Step:
    """One entry of a plan: resolve one dependency, or decide whether its subtree must run.

    A dependency without sub-dependencies is one entry that both decides (override? cached?)
    and calls. One with sub-dependencies is a guard entry that decides, its subtree's entries,
    then an entry that calls; when the guard finds an override or a cached value, the runner
    jumps to `skip`, past the subtree. The result goes to `values[slot]`.
    """

    __slots__ = (
        "arguments",
        "calls",
        "decides",
        "dependency",
        "is_coroutine",
        "label",
        "skip",
        "slot",
        "use_cache",
    )

    def __init__(
        self,
        dependency: Callable[..., Any],
        use_cache: bool,
        is_coroutine: bool,
        arguments: tuple[tuple[str, int], ...],
        slot: int,
        label: str,
        decides: bool,
        calls: bool,
    ) -> None:
        #: The declared callable: the key of `dependency_overrides`, called unless overridden.
        self.dependency = dependency
        self.use_cache = use_cache
        #: True for an `async def` dependency: only an async runner may call it.
        self.is_coroutine = is_coroutine
        #: `(parameter, slot)` pairs it is called with; `REQUEST_SLOT` means the Request.
        self.arguments = arguments
        self.slot = slot
        #: The parameter its value is for (named in DependencyResolutionError).
        self.label = label
        self.decides = decides
        self.calls = calls
        self.skip = slot + 1

    def __repr__(self) -> str:
        role = "call" if self.decides and self.calls else "guard" if self.decides else "then"
        return f"Step({role} {getattr(self.dependency, '__name__', self.dependency)!r})"


class Plan:
    """A compiled callable: the steps resolving its dependencies, depth-first, then the
    `(parameter, slot)` pairs it is given. Plain data, run by `run_sync` (or an async runner)."""

    __slots__ = ("arguments", "is_async", "is_coroutine", "steps", "target")

    def __init__(
        self,
        target: Callable[..., Any],
        steps: tuple[Step, ...],
        arguments: tuple[tuple[str, int], ...],
        is_coroutine: bool,
    ) -> None:
        self.target = target
        self.steps = steps
        self.arguments = arguments
        #: True when the target itself is `async def`.
        self.is_coroutine = is_coroutine
        #: True when some step needs an async runner.
        self.is_async = any(step.is_coroutine for step in steps)

    def __repr__(self) -> str:
        return f"Plan({list(self.steps)!r} -> {self.arguments!r})"


def build_plan(func: Callable[..., Any], path_names: Collection[str], skip: int) -> Plan:
    """Compile `func`'s dependency tree (its first `skip` parameters left alone).

    Raises TypeError naming the culprit for a generator dependency, a cycle, a dependency
    parameter nothing can fill, or an annotation that cannot be resolved.
    """
    from router_core.signature import analyse

    signature = analyse(func, path_names)
    steps: list[Step] = []
    arguments = _arguments(signature, signature.parameters[skip:], steps, (func,), False)
    return Plan(func, tuple(steps), arguments, signature.is_coroutine)


def _arguments(
    signature: Signature,
    parameters: tuple[Parameter, ...],
    steps: list[Step],
    chain: tuple[Callable[..., Any], ...],
    is_dependency: bool,
) -> tuple[tuple[str, int], ...]:
    from router_core.signature import DEPENDS, REQUEST, describe

    arguments: list[tuple[str, int]] = []
    for parameter in parameters:
        if parameter.kind == DEPENDS:
            arguments.append((parameter.name, _add(parameter, steps, chain)))
        elif parameter.kind == REQUEST:
            arguments.append((parameter.name, REQUEST_SLOT))
        elif is_dependency and parameter.required:
            raise TypeError(
                f"dependency {describe(signature.func)}: nothing gives parameter "
                f"{parameter.name!r} a value; annotate it Request or "
                "Annotated[T, Depends(...)], or give it a default"
            )
    return tuple(arguments)


def _add(parameter: Parameter, steps: list[Step], chain: tuple[Callable[..., Any], ...]) -> int:
    """Append the entries resolving `parameter`'s dependency; return its value's slot."""
    from router_core.signature import analyse, call_flags, describe

    depends: Depends = parameter.depends
    dependency = depends.dependency
    is_coroutine, is_generator = call_flags(dependency)
    if is_generator:
        raise TypeError(
            f"dependency {describe(dependency)} (for parameter {parameter.name!r} of "
            f"{describe(chain[-1])}) is a generator: `yield` dependencies are not supported; "
            "return the value instead, and release resources in a middleware"
        )
    if any(dependency is seen for seen in chain):
        cycle = " -> ".join(describe(f) for f in (*chain, dependency))
        raise TypeError(f"dependency cycle: {cycle}")
    signature = analyse(dependency)
    guard = -1
    if signature.dependencies:
        guard = len(steps)
        steps.append(None)  # type: ignore[arg-type]  # the guard, filled in below
    arguments = _arguments(signature, signature.parameters, steps, (*chain, dependency), True)
    slot = len(steps)
    use_cache = depends.use_cache
    has_guard = guard >= 0
    steps.append(
        Step(dependency, use_cache, is_coroutine, arguments, slot, parameter.name,
             decides=not has_guard, calls=True)
    )  # fmt: skip
    if has_guard:
        steps[guard] = Step(
            dependency, use_cache, is_coroutine, (), slot, parameter.name, decides=True,
            calls=False,
        )  # fmt: skip
    return slot


# -- the sync runner -----------------------------------------------------------------------
def _resolve(
    plan: Plan, request: Request, overrides: Overrides | None
) -> Generator[tuple[Callable[..., Any], dict[str, Any]], Any, dict[str, Any]]:
    """Resolve `plan`'s dependencies for this invocation; return what its target is given.

    A generator shared by both runners: it yields each `(callable, kwargs)` to call and is
    sent the result (an exception is thrown back in), so that the sync runner calls and the
    async one calls and awaits, with one copy of the order, caching and overrides.
    """
    steps = plan.steps
    if not steps:
        return {name: request for name, _ in plan.arguments}
    cache = request._dependency_cache
    if cache is None:
        cache = request._dependency_cache = {}
    count = len(steps)
    # One slot per step, and the Request last: REQUEST_SLOT (-1) reads it.
    values: list[Any] = [None] * count
    values.append(request)
    index = 0
    while index < count:
        step = steps[index]
        dependency = step.dependency
        if step.decides:
            if overrides:
                override = overrides.get(dependency)
                if override is not None:
                    values[step.slot] = yield from _override(
                        override, step, request, overrides, cache
                    )
                    index = step.skip
                    continue
            if step.use_cache and dependency in cache:
                values[step.slot] = cache[dependency]
                index = step.skip
                continue
            if not step.calls:
                index += 1
                continue
        arguments = step.arguments
        try:
            value = yield dependency, {name: values[slot] for name, slot in arguments}
        except DependencyResolutionError:
            raise
        except Exception as error:
            raise _wrap(dependency, step.label, error) from error
        values[step.slot] = value
        if step.use_cache:
            cache[dependency] = value
        index += 1
    return {name: values[slot] for name, slot in plan.arguments}


def _override(
    override: Callable[..., Any],
    step: Step,
    request: Request,
    overrides: Overrides,
    cache: dict[Any, Any],
) -> Generator[tuple[Callable[..., Any], dict[str, Any]], Any, Any]:
    """Run `override` in place of `step`'s dependency, with its own dependencies."""
    if step.use_cache and override in cache:
        return cache[override]
    kwargs = yield from _resolve(_override_plan(override), request, overrides)
    try:
        value = yield override, kwargs
    except DependencyResolutionError:
        raise
    except Exception as error:
        raise _wrap(override, step.label, error) from error
    if step.use_cache:
        cache[override] = value
    return value


def run_sync(plan: Plan, request: Request, overrides: Overrides | None) -> dict[str, Any]:
    """Resolve `plan` calling each dependency; an `async def` one is refused (TypeError
    naming `resolve_async`): plans that hold one are run by `run_async`."""
    if not plan.steps:
        return {name: request for name, _ in plan.arguments}
    resolving = _resolve(plan, request, overrides)
    try:
        dependency, kwargs = next(resolving)
        while True:
            try:
                value = dependency(**kwargs)
            except Exception as error:
                dependency, kwargs = resolving.throw(error)
                continue
            if hasattr(value, "__await__"):
                value.close()
                _refuse_async(dependency)
            dependency, kwargs = resolving.send(value)
    except StopIteration as done:
        result: dict[str, Any] = done.value
        return result


async def run_async(plan: Plan, request: Request, overrides: Overrides | None) -> dict[str, Any]:
    """Resolve `plan`, awaiting the dependencies that are `async def`."""
    resolving = _resolve(plan, request, overrides)
    try:
        dependency, kwargs = next(resolving)
        while True:
            try:
                value = dependency(**kwargs)
                if hasattr(value, "__await__"):
                    value = await value
            except Exception as error:
                dependency, kwargs = resolving.throw(error)
                continue
            dependency, kwargs = resolving.send(value)
    except StopIteration as done:
        result: dict[str, Any] = done.value
        return result


_override_plans: dict[Any, Plan] = {}


def _override_plan(override: Callable[..., Any]) -> Plan:
    """An override's own plan (it declares its own parameters), compiled on first use."""
    try:
        plan = _override_plans.get(override)
    except TypeError:  # an unhashable callable: compiled each time
        return _dependency_plan(override)
    if plan is None:
        plan = _override_plans[override] = _dependency_plan(override)
    return plan


def _dependency_plan(dependency: Callable[..., Any]) -> Plan:
    from router_core.signature import analyse

    signature = analyse(dependency)
    if signature.is_generator:
        from router_core.signature import describe

        raise TypeError(
            f"dependency override {describe(dependency)} is a generator: `yield` dependencies "
            "are not supported; return the value instead"
        )
    steps: list[Step] = []
    arguments = _arguments(signature, signature.parameters, steps, (dependency,), True)
    return Plan(dependency, tuple(steps), arguments, signature.is_coroutine)


def _wrap(dependency: Any, label: str, error: Exception) -> DependencyResolutionError:
    name = getattr(dependency, "__name__", None) or repr(dependency)
    return DependencyResolutionError(
        f"Failed to resolve dependency '{name}' for parameter '{label}': {error}",
        dependency,
        label,
    )


def _refuse_async(dependency: Any) -> None:
    from router_core.signature import describe

    raise TypeError(
        f"dependency {describe(dependency)} is a coroutine function (async def): resolve the "
        "event with `await app.resolve_async(event, context)`"
    )
