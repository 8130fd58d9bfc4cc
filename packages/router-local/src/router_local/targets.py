"""What `router serve` and `router invoke` run: a handler loaded from `MODULE:ATTR`, and the
source whose events it takes.

The handler is either a resolver (its class tells the source) or a plain
`lambda_handler(event, context)` function (the source then comes from `--source`, or from the
one resolver the module defines at top level).
"""

from __future__ import annotations

import importlib
import sys

from router_core.resolver import BaseResolver
from router_core.sources import ALB, PAYLOAD_V1, PAYLOAD_V2

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any, Callable

    from router_core.codec import Codec

    Handler = Callable[[dict[str, Any], Any], Any]


class Source:
    """One of the four sources: where its resolver lives and what its events are."""

    __slots__ = ("distribution", "family", "module", "resolver", "service")

    def __init__(self, module: str, resolver: str, family: str, service: str) -> None:
        self.module = module
        self.resolver = resolver
        self.distribution = module.replace("_", "-")
        self.family = family
        self.service = service


#: The sources by the name `--source` takes.
SOURCES: dict[str, Source] = {
    "rest": Source("router_rest", "APIGatewayRestResolver", PAYLOAD_V1, "API Gateway REST"),
    "http": Source("router_http", "APIGatewayHttpResolver", PAYLOAD_V2, "API Gateway HTTP"),
    "alb": Source("router_alb", "ALBResolver", ALB, "Application Load Balancer"),
    "function-url": Source(
        "router_function_url", "LambdaFunctionUrlResolver", PAYLOAD_V2, "Lambda Function URL"
    ),
}
SOURCE_NAMES = "|".join(SOURCES)


class TargetError(Exception):
    """The target cannot be loaded or served; the message says why and what to do."""


class Target:
    """A loaded handler and the codec of the source it is served as."""

    __slots__ = ("codec", "handler", "name", "source")

    def __init__(self, name: str, handler: Handler, source: str, codec: Codec) -> None:
        #: `MODULE:ATTR` as given on the command line.
        self.name = name
        self.handler = handler
        self.source = source
        self.codec = codec

    @property
    def service(self) -> str:
        """The service's name, for messages: `API Gateway REST`."""
        return SOURCES[self.source].service


def resolver_class(source: str) -> type[BaseResolver[Any]]:
    """The resolver class of `source`; TargetError naming the package when it is missing."""
    known = SOURCES.get(source)
    if known is None:
        raise TargetError(f"unknown source {source!r}: use one of {SOURCE_NAMES}")
    try:
        module = importlib.import_module(known.module)
    except ModuleNotFoundError as error:
        if error.name != known.module:
            raise
        install = known.distribution
        raise TargetError(f"--source {source} needs {install}: pip install {install}") from None
    cls: type[BaseResolver[Any]] = getattr(module, known.resolver)
    return cls


def codec_for(source: str, multi_value: bool = False) -> Codec:
    """The codec that builds and decodes events of `source`.

    `multi_value` picks an ALB target group with `lambda.multi_value_headers.enabled`.
    """
    codec = resolver_class(source).codec
    if multi_value:
        if source != "alb":
            raise TargetError("--multi-value is a setting of ALB target groups: use --source alb")
        # The ALB codec takes the target group's mode as its one argument.
        codec = type(codec)(multi_value=True)  # type: ignore[call-arg]
    return codec


def source_of(resolver: BaseResolver[Any]) -> str | None:
    """The source a resolver takes, from its class (or a base class), or None when unknown."""
    by_class = {(s.module, s.resolver): name for name, s in SOURCES.items()}
    for cls in type(resolver).__mro__:
        source = by_class.get((cls.__module__.split(".")[0], cls.__name__))
        if source is not None:
            return source
    return None


def import_attribute(spec: str, app_dir: str | None = None) -> tuple[ModuleType, Any]:
    """Import `MODULE:ATTR` (ATTR may be dotted), with `app_dir` first on `sys.path`."""
    module_name, sep, attribute = spec.partition(":")
    if not sep or not module_name or not attribute:
        example = "for example app:app or app:lambda_handler"
        raise TargetError(f"{spec!r} is not MODULE:ATTR ({example})")
    if app_dir is not None and app_dir not in sys.path:
        sys.path.insert(0, app_dir)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if missing == module_name or module_name.startswith(missing + "."):
            where = f" in {app_dir!r}" if app_dir else ""
            hint = "; pass --app-dir with the folder that holds it"
            raise TargetError(f"cannot import module {module_name!r}{where}{hint}") from None
        raise
    value: Any = module
    for part in attribute.split("."):
        try:
            value = getattr(value, part)
        except AttributeError:
            raise TargetError(f"module {module_name!r} has no attribute {attribute!r}") from None
    return module, value


def load_target(
    spec: str, source: str | None = None, app_dir: str | None = None, multi_value: bool = False
) -> Target:
    """Load `MODULE:ATTR` and decide the source it is served as.

    A resolver's class tells its source; `source` may only name a source of the same event
    family (an HTTP API app may be served as a Function URL, not as an ALB). A plain function
    needs `source`, unless its module defines resolvers of one source at top level.
    `multi_value` emulates an ALB target group with multi-value headers.
    """
    module, value = import_attribute(spec, app_dir)
    if source is not None and source not in SOURCES:
        raise TargetError(f"unknown source {source!r}: use one of {SOURCE_NAMES}")
    if isinstance(value, BaseResolver):
        inferred = source_of(value)
        if source is None:
            if inferred is None:
                raise TargetError(
                    f"{spec} is a {type(value).__name__}, which is none of the four resolvers: "
                    f"pass --source {SOURCE_NAMES}"
                )
            codec = codec_for(inferred, True) if multi_value else type(value).codec
            return Target(spec, value.resolve, inferred, codec)
        if inferred is not None and SOURCES[inferred].family != SOURCES[source].family:
            takes, given = SOURCES[inferred], SOURCES[source]
            raise TargetError(
                f"--source {source} does not fit {spec} ({type(value).__name__}): it takes "
                f"{takes.service} events ({takes.family}), not {given.service} ones; "
                f"drop --source or pass --source {inferred}"
            )
        return Target(spec, value.resolve, source, codec_for(source, multi_value))
    if not callable(value):
        raise TargetError(
            f"{spec} is a {type(value).__name__}: point at a resolver or a "
            "lambda_handler(event, context) function"
        )
    if source is None:
        resolvers = [v for v in vars(module).values() if isinstance(v, BaseResolver)]
        sources = {s for s in map(source_of, resolvers) if s is not None}
        if len(sources) != 1:
            found = (
                f"its module defines resolvers of {len(sources)} sources"
                if sources
                else "its module defines no resolver at top level"
            )
            raise TargetError(
                f"cannot tell which source's events {spec} takes ({found}): "
                f"pass --source {SOURCE_NAMES}"
            )
        source = sources.pop()
    return Target(spec, value, source, codec_for(source, multi_value))
