"""Checks REST responses against the schemas of the served OpenAPI document."""

from __future__ import annotations

from typing import Any

from openapi_schema_validator import OAS31Validator

from service.rest.openapi import openapi_document

_COMPONENTS = openapi_document()["components"]


def assert_matches(instance: Any, schema_name: str) -> None:
    """Fails with every violation when `instance` does not fit components/schemas/NAME."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": _COMPONENTS}
    errors = sorted(OAS31Validator(schema).iter_errors(instance), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
