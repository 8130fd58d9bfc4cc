"""`configure_openapi_merge`: one document from the resolvers of several functions.

Micro-function layouts give each Lambda function its own resolver (`functions/*/handler.py`,
each with `app = APIGatewayRestResolver()`); the document of the whole API merges theirs. Files
matching `pattern` under `path` are loaded, their `resolver_name` attribute is taken (a resolver
imported from a shared module counts once), and the documents are merged: paths, component
schemas and tags; a path and method defined twice is resolved by `on_conflict`.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import logging
import sys
import warnings
from pathlib import Path

from router_openapi.document import OpenAPIConfig, OpenAPISchema, get_openapi_schema
from router_openapi.models import dump

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_log = logging.getLogger("router_openapi")
CONFLICT_STRATEGIES = ("warn", "error", "first", "last")
DEFAULT_EXCLUDE = ["**/tests/**", "**/__pycache__/**", "**/.venv/**"]


class OpenAPIMergeError(ValueError):
    """A path and method is defined by two functions and `on_conflict="error"`."""


class OpenAPIMerge:
    """Collects the resolvers (or ready documents) to merge, and merges them once."""

    def __init__(self, config: OpenAPIConfig, on_conflict: str = "warn") -> None:
        if on_conflict not in CONFLICT_STRATEGIES:
            raise ValueError(f"on_conflict must be one of {CONFLICT_STRATEGIES}: {on_conflict!r}")
        self.config = config
        self.on_conflict = on_conflict
        self.resolver_name = "app"
        self.root: Path | None = None
        self._files: list[Path] = []
        self._schemas: list[dict[str, Any]] = []
        self._cached: OpenAPISchema | None = None

    def discover(
        self,
        path: str | Path,
        pattern: str | list[str] = "handler.py",
        exclude: list[str] | None = None,
        resolver_name: str = "app",
        recursive: bool = False,
    ) -> list[Path]:
        """Find the files to load: `pattern` (or patterns) under `path`, minus `exclude`."""
        root = Path(path).resolve()
        if not root.is_dir():
            raise FileNotFoundError(f"configure_openapi_merge: no folder {root}")
        self.root = root
        self.resolver_name = resolver_name
        exclude = DEFAULT_EXCLUDE if exclude is None else exclude
        found: set[Path] = set()
        for glob in [pattern] if isinstance(pattern, str) else pattern:
            if recursive and not glob.startswith("**/"):
                glob = "**/" + glob
            for file in root.glob(glob):
                if file.is_file() and not _excluded(file.relative_to(root), exclude):
                    found.add(file)
        self._files = sorted(found)
        return list(self._files)

    @property
    def discovered_files(self) -> list[Path]:
        return list(self._files)

    def add_file(self, file_path: str | Path, resolver_name: str | None = None) -> None:
        """Merge the resolver of one more file (before the first document is made)."""
        file = Path(file_path).resolve()
        if file not in self._files:
            self._files.append(file)
        if resolver_name:
            self.resolver_name = resolver_name

    def add_schema(self, schema: Any) -> None:
        """Merge a ready document (a mapping, or an object with `model_dump`)."""
        self._schemas.append(dump(schema))

    def get_openapi_schema(self) -> OpenAPISchema:
        if self._cached is None:
            self._cached = self._merge()
        return self._cached

    def get_openapi_json_schema(self) -> str:
        return self.get_openapi_schema().model_dump_json(indent=2)

    # -- merging -------------------------------------------------------------------------
    def _resolvers(self) -> list[Any]:
        resolvers: list[Any] = []
        for index, file in enumerate(self._files):
            try:
                module = _load(file, f"_router_openapi_merge_{index}_{file.stem}", self.root)
            except Exception as error:  # an app's import-time failure: say which file
                warnings.warn(f"configure_openapi_merge: cannot load {file}: {error}", stacklevel=3)
                continue
            resolver = getattr(module, self.resolver_name, None)
            if resolver is None or not hasattr(resolver, "routes"):
                continue
            if not any(resolver is seen for seen in resolvers):
                resolvers.append(resolver)
        return resolvers

    def _merge(self) -> OpenAPISchema:
        config = self.config
        documents = [dict(get_openapi_schema(r)) for r in self._resolvers()] + self._schemas
        settings = {
            f: getattr(config, f)
            for f in ("title", "version", "openapi_version", "summary", "description")
        }
        settings.update(
            servers=config.servers,
            terms_of_service=config.terms_of_service,
            contact=config.contact,
            license_info=config.license_info,
            security_schemes=config.security_schemes,
            security=config.security,
            external_documentation=config.external_documentation,
            openapi_extensions=config.openapi_extensions,
        )
        merged = dict(get_openapi_schema(_EmptyApp(), **settings))  # type: ignore[arg-type]
        paths: dict[str, dict[str, Any]] = merged["paths"]
        components: dict[str, dict[str, Any]] = merged.setdefault("components", {})
        tags = {tag["name"]: tag for tag in merged.get("tags", [])}
        for document in documents:
            for path, item in document.get("paths", {}).items():
                target = paths.setdefault(path, {})
                for method, operation in item.items():
                    if method not in target:
                        target[method] = operation
                    else:
                        self._conflict(method, path, target, operation)
            for kind, entries in document.get("components", {}).items():
                components.setdefault(kind, {}).update(entries)
            for tag in document.get("tags", []):
                tags.setdefault(tag["name"], tag)
        if "schemas" in components:
            components["schemas"] = dict(sorted(components["schemas"].items()))
        if not components:
            del merged["components"]
        if tags:
            merged["tags"] = list(tags.values())
        if self._files and not paths:
            warnings.warn(
                f"configure_openapi_merge loaded {len(self._files)} file(s) but found no routes",
                stacklevel=3,
            )
        return OpenAPISchema(merged)

    def _conflict(self, method: str, path: str, target: dict[str, Any], operation: Any) -> None:
        message = f"{method.upper()} {path} is defined by more than one function"
        if self.on_conflict == "error":
            raise OpenAPIMergeError(message)
        if self.on_conflict == "warn":
            _log.warning("%s: the first definition is kept", message)
        elif self.on_conflict == "last":
            target[method] = operation


class _EmptyApp:
    """A route table without routes: the merged document's frame from the settings."""

    routes: tuple[Any, ...] = ()
    extensions: tuple[Any, ...] = ()
    openapi_config = None


def _excluded(relative: Path, patterns: list[str]) -> bool:
    text = relative.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(relative.name, pattern):
            return True
        if pattern.startswith("**/"):
            # `**/tests/**` excludes a file under any folder named tests.
            folder = pattern[3:].split("/", 1)[0]
            if any(fnmatch.fnmatch(part, folder) for part in relative.parts[:-1]):
                return True
    return False


def _load(file: Path, module_name: str, root: Path | None) -> Any:
    spec = importlib.util.spec_from_file_location(module_name, file)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {file}")
    module = importlib.util.module_from_spec(spec)
    saved = list(sys.path)
    # The function's own folder and the search root, so its imports resolve as on Lambda.
    sys.path[:0] = [str(file.parent)] + ([str(root)] if root is not None else [])
    try:
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module
