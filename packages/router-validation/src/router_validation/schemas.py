"""JSON Schemas of validation types, from the route's engine, for router-openapi."""

from __future__ import annotations

from typing import Any

REF_TEMPLATE = "#/components/schemas/{model}"


def json_schema(
    annotation: Any, engine: str, ref_template: str = REF_TEMPLATE
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The schema of `annotation` (models as `$ref`s made with `ref_template`) and the
    component schemas it refers to, by name."""
    if engine == "pydantic":
        import pydantic

        schema = pydantic.TypeAdapter(annotation).json_schema(ref_template=ref_template)
        components: dict[str, dict[str, Any]] = schema.pop("$defs", {})
        if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            # A model at the top is a component too, referred to as msgspec's engine does.
            name = annotation.__name__
            components[name] = schema
            schema = {"$ref": ref_template.format(model=name)}
        return schema, components
    if engine == "msgspec":
        import msgspec

        (one,), found = msgspec.json.schema_components(
            [annotation], ref_template=ref_template.replace("{model}", "{name}")
        )
        return dict(one), {name: dict(value) for name, value in found.items()}
    raise ValueError(f"engine must be 'msgspec' or 'pydantic', got {engine!r}")
