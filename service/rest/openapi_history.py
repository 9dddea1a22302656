"""The OpenAPI description of history: GET /api/v1/facts/{id}/history and
/api/v1/articles/{id}/versions. Part of `openapi.openapi_document`."""

from __future__ import annotations

from service.ingest.facts.ranks import Kind
from service.ingest.model import Approximation
from service.rest.openapi_parts import (
    DATE_TIME,
    GLOBAL_ID,
    NULLABLE_STRING,
    STRING,
    Json,
    nullable,
    object_schema,
    problem,
    ref,
)

ID = {"name": "id", "in": "path", "required": True, "schema": STRING}
EVENT_KINDS = ["REPORTED", "CORRECTED", "RETRACTED", "JUDGED", "JUDGEMENT_WITHDRAWN"]

SCHEMAS: Json = {
    "FactEvent": object_schema(
        {
            "at": {
                **DATE_TIME,
                "description": "When: for REPORTED, the publication (the time the outlet "
                "states, else when the copy arrived) or the correction that brought the "
                "value; else when the write was made. `?as_of=` this time includes it.",
            },
            "kind": {
                "type": "string",
                "enum": EVENT_KINDS,
                "description": "REPORTED (once per publication, republications too), "
                "CORRECTED or RETRACTED (the report was taken out), JUDGED, "
                "JUDGEMENT_WITHDRAWN.",
            },
            "value": {"type": "number"},
            "upperBound": nullable({"type": "number"}),
            "approximation": {"type": "string", "enum": [a.value for a in Approximation]},
            "text": STRING,
            "figureId": {**GLOBAL_ID, "description": "A figure taken out no longer resolves."},
            "articleId": GLOBAL_ID,
            "outlet": {**NULLABLE_STRING, "description": "REPORTED: who published it."},
            "reason": NULLABLE_STRING,
            "by": {**NULLABLE_STRING, "description": "Judgements: the editor."},
            "judgement": nullable({"type": "string", "enum": [k.value for k in Kind]}),
        },
        description="One change to a fact's values.",
    ),
    "ArticleVersion": object_schema(
        {
            "version": {"type": "integer", "minimum": 1},
            "headline": STRING,
            "standfirst": NULLABLE_STRING,
            "body": STRING,
            "url": NULLABLE_STRING,
            "publishedAt": nullable(DATE_TIME),
            "storedAt": {**DATE_TIME, "description": "When this copy became current."},
            "replacedAt": {**DATE_TIME, "description": "When a correction replaced it."},
            "reason": NULLABLE_STRING,
        },
        description="A copy of an article that a correction replaced.",
    ),
}
for _name in ("FactEvent", "ArticleVersion"):
    SCHEMAS[f"{_name}Page"] = object_schema(
        {
            "items": {"type": "array", "items": ref(_name)},
            "pageInfo": ref("PageInfo"),
            "totalCount": {"type": "integer", "minimum": 0},
        }
    )


def history_paths(read_ok: dict[str, Json], read_errors: Json, page_params: list[Json]) -> Json:
    """`read_ok`: a 200 response by schema name; `page_params`: first, after, last, before."""
    return {
        "/api/v1/facts/{id}/history": {
            "get": {
                "operationId": "getFactHistory",
                "summary": "What changed a fact, and when",
                "description": "Each report of a value (one per publication), its taking "
                "out by a correction or retraction, and each judgement of it made or "
                "withdrawn, oldest first, a page at a time (as every list).",
                "tags": ["facts"],
                "parameters": [ID, *page_params],
                "responses": {
                    "200": read_ok["FactEventPage"],
                    "400": problem("A paging parameter or cursor is invalid."),
                    "404": problem("No fact has this id."),
                    **read_errors,
                },
            }
        },
        "/api/v1/articles/{id}/versions": {
            "get": {
                "operationId": "getArticleVersions",
                "summary": "The copies corrections replaced",
                "description": "Oldest first, a page at a time (as every list); the "
                "current copy is the article itself. A retracted article's too.",
                "tags": ["articles"],
                "parameters": [ID, *page_params],
                "responses": {
                    "200": read_ok["ArticleVersionPage"],
                    "400": problem("A paging parameter or cursor is invalid."),
                    "404": problem("No article has this id or slug."),
                    **read_errors,
                },
            }
        },
    }
