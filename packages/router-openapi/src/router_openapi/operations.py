"""One OpenAPI operation per declared method of a route: its metadata from the route keywords,
its parameters from the rule (and, on a validated route, from router-validation's plan), its
request body and its responses, with every status a validated route answers by itself."""

from __future__ import annotations

import re
import warnings

from router_openapi import schemas
from router_openapi.models import dump
from router_openapi.paths import PathTemplate, title
from router_openapi.validation import model_engine, response_error_code, route_plan, validates

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.resolver import BaseResolver
    from router_core.router import Route

JSON = "application/json"
DEFAULT_DESCRIPTION = "Successful Response"
VALIDATION_ERROR = "#/components/schemas/HTTPValidationError"
RESPONSE_VALIDATION_ERROR = "#/components/schemas/ResponseValidationError"
METHODS_WITH_BODY = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"})
_MARKER_KEYWORDS = {
    "gt": "exclusiveMinimum",
    "ge": "minimum",
    "lt": "exclusiveMaximum",
    "le": "maximum",
    "min_length": "minLength",
    "max_length": "maxLength",
    "pattern": "pattern",
    "title": "title",
}


class OperationBuilder:
    """Builds the operations of one document; collects component schemas and operation ids."""

    def __init__(self, app: BaseResolver[Any]) -> None:
        self.app = app
        self.components: dict[str, dict[str, Any]] = {}
        self.operation_ids: set[str] = set()
        self.validated = False  # some route validates: the error schemas are referenced
        self.response_errors = False  # some route documents ResponseValidationError
        self._engine: Any = None  # the engine of the route being built

    def build(self, route: Route, method: str, path: PathTemplate) -> dict[str, Any]:
        options = route.options
        operation: dict[str, Any] = {}
        if options.get("tags"):
            operation["tags"] = list(options["tags"])
        operation["summary"] = options.get("summary") or f"{method} {path.template}"
        if options.get("description"):
            operation["description"] = options["description"]
        operation["operationId"] = self._operation_id(route, method, path.template)
        if options.get("deprecated"):
            operation["deprecated"] = True

        validated = validates(self.app, route)
        plan = route_plan(route) if validated else None
        self._engine = getattr(plan, "engine", None)
        parameters = self._parameters(path, plan)
        if parameters:
            operation["parameters"] = parameters
        body = None
        if method in METHODS_WITH_BODY:
            body = self._request_body(plan, _default_operation_id(route, method, path.template))
        if body is not None:
            operation["requestBody"] = body
        responses = self._responses(route, plan, validated, body is not None)
        if "404" not in responses and _constrained(path):
            # A value its converter or pattern refuses matches no route: the app answers 404.
            responses["404"] = _not_found()
        operation["responses"] = responses
        if options.get("security"):
            operation["security"] = dump(options["security"])
        if options.get("openapi_extensions"):
            operation.update(dump(options["openapi_extensions"]))
        return operation

    # -- metadata ------------------------------------------------------------------------
    def _operation_id(self, route: Route, method: str, template: str) -> str:
        explicit = route.options.get("operation_id")
        if explicit:
            operation_id = str(explicit)
        else:
            operation_id = _default_operation_id(route, method, template)
        if operation_id in self.operation_ids:
            # Operation ids must be unique for the document to be valid: the second one gets
            # its method, then a number, and a warning says so (Powertools only warns).
            unique = f"{operation_id}_{method.lower()}"
            number = 2
            while unique in self.operation_ids:
                unique = f"{operation_id}_{number}"
                number += 1
            warnings.warn(
                f"duplicate operation id {operation_id!r} for {route!r}: documented as {unique!r}",
                stacklevel=4,
            )
            operation_id = unique
        self.operation_ids.add(operation_id)
        return operation_id

    # -- parameters ----------------------------------------------------------------------
    def _parameters(self, path: PathTemplate, plan: Any) -> list[dict[str, Any]]:
        parameters: dict[tuple[str, str], dict[str, Any]] = {}
        for name, schema in path.parameters.items():
            parameters[("path", name)] = {
                "name": name,
                "in": "path",
                "required": True,
                "schema": schema,
            }
        for spec in getattr(plan, "parameters", ()):
            entry = self._parameter(spec)
            if entry is None:
                continue
            key = (entry["in"], entry["name"])
            if key[0] == "path" and key in parameters:
                # The rule's converter already says what matches; the signature's schema
                # adds constraints and titles.
                merged = {**parameters[key]["schema"], **entry["schema"]}
                entry["schema"] = merged
            parameters[key] = entry
        return list(parameters.values())

    def _parameter(self, spec: Any) -> dict[str, Any] | None:
        marker = getattr(spec, "marker", None)
        if marker is not None and getattr(marker, "include_in_schema", True) is False:
            return None
        location = spec.location
        name = spec.alias or spec.name
        if location == "header" and name.lower() == "content-type":
            return None
        schema = self._schema(spec.annotation, self._engine)
        schema.setdefault("title", title(name))
        _apply_marker(schema, marker)
        entry: dict[str, Any] = {
            "name": name,
            "in": location,
            "required": True if location == "path" else bool(spec.required),
            "schema": schema,
        }
        if not spec.required and spec.default is not None and _is_json(spec.default):
            schema.setdefault("default", dump(spec.default))
        if marker is not None:
            if getattr(marker, "description", None):
                entry["description"] = marker.description
                schema.setdefault("description", marker.description)
            if getattr(marker, "deprecated", None):
                entry["deprecated"] = True
            examples = getattr(marker, "examples", None)
            if examples:
                schema.setdefault("examples", dump(list(examples)))
        return entry

    # -- bodies --------------------------------------------------------------------------
    def _request_body(self, plan: Any, operation_id: str) -> dict[str, Any] | None:
        spec = getattr(plan, "body", None)
        if spec is None:
            return None
        fields = getattr(spec, "fields", None)
        if fields and (spec.media_type != JSON or spec.annotation is None):
            # Several body parameters (or an embedded one, or a form) are members of one
            # object: a component named as Powertools names it.
            name = f"Body_{operation_id}"
            self.components.setdefault(name, {"title": name, **self._form_schema(fields)})
            schema = {"$ref": f"#/components/schemas/{name}"}
        else:
            schema = self._schema(spec.annotation, self._engine)
        body: dict[str, Any] = {"content": {spec.media_type: {"schema": schema}}}
        if spec.required:
            body["required"] = True
        marker = getattr(spec, "marker", None)
        if marker is not None and getattr(marker, "description", None):
            body["description"] = marker.description
        return body

    def _form_schema(self, fields: Any) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in fields:
            name = getattr(field, "alias", None) or field.name
            schema = self._schema(field.annotation, self._engine)
            _apply_marker(schema, getattr(field, "marker", None))
            if type(getattr(field, "marker", None)).__name__ == "File":
                schema = {"type": "string", "format": "binary"}
            if "$ref" not in schema:
                schema.setdefault("title", title(name))
            properties[name] = schema
            if getattr(field, "required", False):
                required.append(name)
        schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        return schema

    # -- responses -----------------------------------------------------------------------
    def _responses(
        self, route: Route, plan: Any, validated: bool, has_body: bool
    ) -> dict[str, Any]:
        responses: dict[str, Any] = {}
        if validated:
            self.validated = True
            responses["422"] = _error_response("Validation Error", VALIDATION_ERROR)
            if has_body:
                responses["415"] = _error_response("Unsupported Media Type", VALIDATION_ERROR)
            code = response_error_code(self.app, route)
            if code is not None:
                self.response_errors = True
                error = _error_response("Response Validation Error", RESPONSE_VALIDATION_ERROR)
                responses[str(code)] = error
        response_spec = getattr(plan, "response", None)
        engine = getattr(plan, "engine", None)
        returned: dict[str, Any] = {}
        if response_spec is not None:
            schema = self._schema(response_spec.annotation, engine)
            if schema and "$ref" not in schema:
                schema.setdefault("title", "Return")  # as Powertools titles it
            returned = {"schema": schema}
        declared = route.options.get("responses") or {}
        for status, response in declared.items():
            code = int(status)
            responses[str(code)] = self._declared(code, response, returned, engine)
        if not any(200 <= int(status) < 300 for status in declared):
            # `responses={404: ...}` alone still leaves the route answering its success
            # status (Powertools then documents no success at all).
            status = getattr(response_spec, "status_code", None) or route.status_code
            responses[str(status)] = {
                "description": route.options.get("response_description") or DEFAULT_DESCRIPTION,
                "content": {JSON: returned},
            }
        return responses

    def _declared(
        self, status: int, given: Any, returned: dict[str, Any], engine: Any
    ) -> dict[str, Any]:
        response: dict[str, Any] = dict(given if isinstance(given, dict) else dump(given))
        if "content" not in response:
            if 200 <= status < 300:
                response["content"] = {JSON: dict(returned)}
            # An error status never carries the success body: its description only (where
            # Powertools documents the return annotation's schema for it too).
            return response
        content: dict[str, Any] = {}
        for media_type, payload in response["content"].items():
            if isinstance(payload, dict) and "model" in payload:
                rest = {k: dump(v) for k, v in payload.items() if k != "model"}
                model = payload["model"]
                rest["schema"] = self._schema(model, model_engine(model) or engine)
                content[media_type] = rest
            else:
                content[media_type] = dump(payload)
        response["content"] = content
        declared: dict[str, Any] = {key: dump(value) for key, value in response.items()}
        return declared

    # -- schemas -------------------------------------------------------------------------
    def _schema(self, annotation: Any, engine: Any) -> dict[str, Any]:
        schema, components = schemas.json_schema(annotation, engine)
        for name, component in components.items():
            self.components.setdefault(name, component)
        return schema


def _not_found() -> dict[str, Any]:
    """What core answers when no route matches: `{"statusCode": 404, "message": "..."}`."""
    properties = {"statusCode": {"type": "integer"}, "message": {"type": "string"}}
    schema = {"type": "object", "properties": properties}
    return {"description": "Not Found", "content": {JSON: {"schema": schema}}}


def _constrained(path: PathTemplate) -> bool:
    """Whether some value of a path parameter fails to match the rule (`<id:int>`, a uuid,
    a regular expression), rather than any segment (`<name>`)."""
    return any(
        set(schema) - {"type", "title", "description"} or schema.get("type") != "string"
        for schema in path.parameters.values()
    )


def _default_operation_id(route: Route, method: str, template: str) -> str:
    """`list_todos_todos_get`: the function's name, the path and the method."""
    name = getattr(route.func, "__name__", "handler")
    return re.sub(r"\W", "_", name + template) + "_" + method.lower()


def _error_response(description: str, ref: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": {"$ref": ref}}}}


def _apply_marker(schema: dict[str, Any], marker: Any) -> None:
    if marker is None or "$ref" in schema:
        return
    for attribute, keyword in _MARKER_KEYWORDS.items():
        value = getattr(marker, attribute, None)
        if value is not None:
            schema[keyword] = value


def _is_json(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, list, dict))
