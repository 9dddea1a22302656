"""Building blocks of the OpenAPI document (service/rest/openapi.py and its parts)."""

from __future__ import annotations

from typing import Any

from service.problems import PROBLEM_MEDIA_TYPE

Json = dict[str, Any]


def ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: Json) -> Json:
    return {"anyOf": [schema, {"type": "null"}]}


def object_schema(properties: Json, *, required: list[str] | None = None, **extra: Any) -> Json:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        **extra,
    }


STRING = {"type": "string"}
NULLABLE_STRING = nullable(STRING)
DATE_TIME = {"type": "string", "format": "date-time"}
GLOBAL_ID = {
    "type": "string",
    "description": "Opaque global id, the same as GraphQL's `id`.",
}


def query_param(name: str, description: str, schema: Json | None = None) -> Json:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or STRING,
    }


def problem(description: str) -> Json:
    return {
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": ref("Problem")}},
    }


def ok(schema: str, description: str = "OK") -> Json:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}
