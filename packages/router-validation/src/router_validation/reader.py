"""A route's compiled request reader and response writer.

`compile_route_validation(plan, call, ...)` turns a `RoutePlan` into the route's call wrapper,
once: per request it reads each parameter from where the plan says (no `inspect`, no type
hints), validates it with the route's engine, calls the handler's chain with the validated
values, and validates and serializes what it returns.
"""

from __future__ import annotations

from typing import Any, Callable

from router_core import state
from router_core.response import Response
from router_validation.errors import (
    InvalidValueError,
    RequestUnsupportedContentType,
    RequestValidationError,
    ResponseValidationError,
)
from router_validation.params import Header, UploadFile
from router_validation.plan import FORM, JSON, MULTIPART, ParamSpec, RoutePlan, is_sequence, strip

Getter = Callable[[Any, dict[str, Any]], Any]


def missing(loc: tuple[Any, ...]) -> dict[str, Any]:
    return {"loc": loc, "type": "missing", "msg": "Field required"}


def _engine(name: str) -> Any:
    if name == "pydantic":
        from router_validation import pydantic_engine

        return pydantic_engine
    from router_validation import msgspec_engine

    return msgspec_engine


# -- reading values from the event -----------------------------------------------------------
def _scalar(values: Any, name: str, repeated: Any) -> Any:
    """Powertools' normalization: a value the event split at commas is joined again, a list of
    one is its item, a natively repeated name stays a list (and fails a scalar type)."""
    if isinstance(values, list):
        if len(values) == 1:
            return values[0]
        if len(values) > 1 and name not in repeated:
            return ",".join(values)
    return values


def _repeated_query(event: Any) -> set[str]:
    return {k for k, v in event.multi_value_query_string_parameters.items() if len(v) > 1}


def _repeated_headers(event: Any) -> set[str]:
    return {k for k, v in event.multi_value_headers.items() if len(v) > 1}


def _header(headers: Any, name: str) -> Any:
    value = headers.get(name)
    return headers.get(name.lower()) if value is None else value


def _text(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else str(value)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _getter(spec: ParamSpec, engine: Any) -> Getter:
    alias = spec.alias
    location = spec.location
    if location == "path":
        if strip(spec.annotation) is str:
            # A converter hands over an int or a UUID: a `str` parameter wants its text.
            return lambda event, params: _text(params.get(alias))
        return lambda event, params: params.get(alias)
    if location == "cookie":
        return lambda event, params: event.cookies.get(alias)
    if location == "query":
        source = _query_source
        repeated = _repeated_query
    else:
        source = _header_source
        repeated = _repeated_headers
    if spec.is_model:
        convert = isinstance(spec.marker, Header) and spec.marker.convert_underscores
        keys = []
        for _name, wire, annotation in engine.model_fields(strip(spec.annotation)):
            lookup = wire.replace("_", "-") if convert else wire
            keys.append((wire, lookup, is_sequence(annotation)))

        def read_model(event: Any, params: dict[str, Any]) -> Any:
            values = source(event)
            many = repeated(event)
            data: dict[str, Any] = {}
            for wire, lookup, sequence in keys:
                value = _lookup(values, lookup)
                if value is not None:
                    data[wire] = _as_list(value) if sequence else _scalar(value, lookup, many)
            return data

        return read_model
    if spec.is_sequence:

        def read_all(event: Any, params: dict[str, Any]) -> Any:
            value = _lookup(source(event), alias)
            return None if value is None else _as_list(value)

        return read_all

    def read_one(event: Any, params: dict[str, Any]) -> Any:
        value = _lookup(source(event), alias)
        if isinstance(value, list) and len(value) != 1:
            return _scalar(value, alias, repeated(event))
        return value[0] if isinstance(value, list) else value

    return read_one


def _query_source(event: Any) -> Any:
    return event.resolved_query_string_parameters


def _header_source(event: Any) -> Any:
    return event.resolved_headers_field


def _lookup(values: Any, name: str) -> Any:
    return (
        _header(values, name)
        if not isinstance(values, dict)
        else (values.get(name) if name in values else values.get(name.lower()))
    )


class _Field:
    __slots__ = ("get", "loc", "name", "required", "spec", "validate")

    def __init__(self, spec: ParamSpec, engine: Any, get: Getter | None) -> None:
        self.spec = spec
        self.name = spec.name
        self.required = spec.required
        self.loc: tuple[Any, ...] = (spec.location, spec.alias)
        constraints = spec.marker.constraints() if spec.marker is not None else {}
        self.validate = engine.validator(spec.annotation, self.loc, constraints)
        self.get = get


class RequestReader:
    """Reads and validates a route's parameters and body from an event."""

    __slots__ = ("body", "body_kind", "decode", "engine", "fields", "media_type", "single")

    def __init__(self, plan: RoutePlan) -> None:
        engine = _engine(plan.engine)
        self.engine = plan.engine
        self.fields = tuple(_Field(s, engine, _getter(s, engine)) for s in plan.parameters)
        body = plan.body
        self.body: tuple[_Field, ...] = ()
        self.single = False
        self.decode: Callable[[bytes], Any] | None = None
        self.media_type = JSON
        if body is not None:
            self.media_type = body.media_type
            self.single = not body.embed
            fields = []
            for spec in body.fields:
                field = _Field(spec, engine, None)
                if self.single:
                    field.loc = ("body",)
                    field.validate = engine.validator(
                        spec.annotation,
                        ("body",),
                        spec.marker.constraints() if spec.marker is not None else {},
                    )
                fields.append(field)
            self.body = tuple(fields)
            if self.single and plan.engine == "msgspec" and body.media_type == JSON:
                constraints = body.fields[0].marker.constraints() if body.fields[0].marker else {}
                target = engine.constrained(body.annotation, constraints)
                self.decode = engine.json_decoder(target, ("body",))

    def read(self, event: Any, params: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        errors: list[dict[str, Any]] = []
        for field in self.fields:
            raw = field.get(event, params)  # type: ignore[misc]
            if raw is None:
                if field.required:
                    errors.append(missing(field.loc))
                else:
                    values[field.name] = field.spec.get_default()
                continue
            try:
                values[field.name] = field.validate(raw)
            except InvalidValueError as invalid:
                errors.extend(invalid.errors)
        if self.body:
            self._read_body(event, values, errors)
        if errors:
            raise RequestValidationError(errors)
        return values

    # -- the body ----------------------------------------------------------------------------
    def _read_body(self, event: Any, values: dict[str, Any], errors: list[dict[str, Any]]) -> None:
        content_type = (event.headers.get("content-type") or "").strip()
        if not content_type or content_type.startswith(JSON):
            data = self._json(event, values, errors)
            if data is _DONE:
                return
        elif content_type.startswith((FORM, MULTIPART)):
            from router_validation.forms import read_form

            data = read_form(event, content_type)  # RequestValidationError when malformed
            self._assign_form(data, values, errors)
            return
        else:
            raise RequestUnsupportedContentType(
                "Unsupported content type",
                [
                    {
                        "loc": ("body",),
                        "type": "unsupported_content_type",
                        "msg": f"Unsupported content type: {content_type}",
                    }
                ],
            )
        self._assign(data, values, errors)

    def _json(self, event: Any, values: dict[str, Any], errors: list[dict[str, Any]]) -> Any:
        from router_core.exceptions import BadRequestBodyError

        if self.decode is not None and getattr(event, "_deserializer", None) is None:
            field = self.body[0]
            if not event.body:
                self._missing(field, values, errors)
                return _DONE
            try:
                values[field.name] = self.decode(event.body_bytes)
            except InvalidValueError as invalid:
                if event.body_bytes.strip() == b"null":
                    self._missing(field, values, errors)
                else:
                    errors.extend(invalid.errors)
            except (BadRequestBodyError, ValueError):  # malformed JSON, base64 or UTF-8
                raise RequestValidationError([_json_invalid(event)]) from None
            return _DONE
        try:
            return event.json_body
        except ValueError:
            raise RequestValidationError([_json_invalid(event)]) from None

    def _missing(self, field: _Field, values: dict[str, Any], errors: list[Any]) -> None:
        if field.required:
            errors.append(missing(field.loc))
        else:
            values[field.name] = field.spec.get_default()

    def _assign(self, data: Any, values: dict[str, Any], errors: list[dict[str, Any]]) -> None:
        if self.single:
            field = self.body[0]
            if data is None:
                self._missing(field, values, errors)
                return
            try:
                values[field.name] = field.validate(data)
            except InvalidValueError as invalid:
                errors.extend(invalid.errors)
            return
        for field in self.body:
            value = None
            if data is not None:
                if isinstance(data, dict):
                    value = data.get(field.spec.alias)
                else:  # Powertools reports a body that is not an object as missing members
                    errors.append(missing(field.loc))
            if value is None:
                self._missing(field, values, errors)
                continue
            try:
                values[field.name] = field.validate(value)
            except InvalidValueError as invalid:
                errors.extend(invalid.errors)

    def _assign_form(
        self, data: dict[str, list[Any]], values: dict[str, Any], errors: list[dict[str, Any]]
    ) -> None:
        for field in self.body:
            items = data.get(field.spec.alias)
            if not items:
                self._missing(field, values, errors)
                continue
            annotation = strip(field.spec.annotation)
            if annotation is bytes:
                items = [i.content if isinstance(i, UploadFile) else i for i in items]
            value: Any = items if field.spec.is_sequence else items[0]
            if isinstance(value, UploadFile) and annotation is UploadFile:
                values[field.name] = value
                continue
            try:
                values[field.name] = field.validate(value)
            except InvalidValueError as invalid:
                errors.extend(invalid.errors)


_DONE: Any = object()


def _json_invalid(event: Any) -> dict[str, Any]:
    """`json_invalid` at the position Python's own parser reports, as Powertools gives it."""
    import json

    try:
        text = event.decoded_body
        json.loads(text)
    except json.JSONDecodeError as error:
        return {"loc": ("body", error.pos), "type": "json_invalid", "msg": "JSON decode error"}
    except Exception:  # bad base64 or UTF-8: the body cannot be read as text at all
        pass
    return {"loc": ("body",), "type": "json_invalid", "msg": "JSON decode error"}


# -- the response ----------------------------------------------------------------------------
class ResponseWriter:
    """Validates and serializes a handler's result against its return annotation."""

    __slots__ = ("app_code", "route_code", "serialize")

    def __init__(self, annotation: Any, engine: str, app_code: int | None, route_code: int | None):
        self.serialize = _engine(engine).serializer(annotation)
        self.app_code = app_code
        self.route_code = route_code

    def __call__(self, result: Any) -> Any:
        try:
            if isinstance(result, Response):
                result.body = self.serialize(result.body)
                return result
            if type(result) is tuple and len(result) == 2:
                return self.serialize(result[0]), result[1]
            return self.serialize(result)
        except InvalidValueError as invalid:
            body = result.body if isinstance(result, Response) else result
            if self.route_code is not None:
                raise ResponseValidationError(
                    invalid.errors, body=body, source="route", status_code=self.route_code
                ) from None
            if self.app_code is not None:
                raise ResponseValidationError(
                    invalid.errors, body=body, source="app", status_code=self.app_code
                ) from None
            raise RequestValidationError(invalid.errors, body=body) from None


def compile_route_validation(
    plan: RoutePlan,
    call: Callable[[dict[str, Any]], Any],
    app_code: int | None,
    route_code: int | None,
) -> Callable[[dict[str, Any]], Any]:
    """The route's call wrapped: request validated before it, response after it. For an
    `async def` handler the wrapper is a coroutine function that awaits what `call` returns
    (the async pipeline awaits the wrapper)."""
    reader = RequestReader(plan)
    read = reader.read
    writer = None
    if plan.response is not None:
        writer = ResponseWriter(plan.response.annotation, plan.engine, app_code, route_code)
    current = state.current
    event_index = state.EVENT
    if plan.is_async:
        return _async_wrapper(read, call, writer)

    if writer is None:

        def validate_request(params: dict[str, Any]) -> Any:
            return call(read(current()[event_index], params))

        return validate_request

    def validate_both(params: dict[str, Any]) -> Any:
        return writer(call(read(current()[event_index], params)))

    return validate_both


def _async_wrapper(
    read: Callable[[Any, dict[str, Any]], dict[str, Any]],
    call: Callable[[dict[str, Any]], Any],
    writer: ResponseWriter | None,
) -> Callable[[dict[str, Any]], Any]:
    current = state.current
    event_index = state.EVENT

    async def validate_async(params: dict[str, Any]) -> Any:
        result = call(read(current()[event_index], params))
        if hasattr(result, "__await__"):  # a middleware may answer without awaiting
            result = await result
        return result if writer is None else writer(result)

    return validate_async
