"""The OpenAPI description of the change feed (/api/v1/changes). Part of
`openapi.openapi_document`."""

from __future__ import annotations

from service.db.paging import DEFAULT_PAGE, MAX_PAGE
from service.rest.openapi_parts import (
    DATE_TIME,
    GLOBAL_ID,
    STRING,
    Json,
    object_schema,
    problem,
    query_param,
    ref,
)

KINDS = ["ingest", "republication", "correction", "retraction", "judgement"]

SCHEMAS: Json = {
    "Change": object_schema(
        {
            "cursor": {
                **STRING,
                "description": "Opaque position of this change: pass it as `after` (or, to "
                "the stream, as `Last-Event-ID`) for the changes after it.",
            },
            "kind": {"type": "string", "enum": KINDS, "description": "What the write did."},
            "articleId": GLOBAL_ID,
            "factIds": {
                "type": "array",
                "items": GLOBAL_ID,
                "description": "The facts whose values the write added, took out or counted "
                "again; a fact left with no value was deleted and its id finds nothing.",
            },
            "at": {**DATE_TIME, "description": "When the write stored the change."},
        }
    ),
}
# One server-sent event, as SSE-aware tools read it (heartbeat comments are no events).
SCHEMAS["ChangeEvent"] = object_schema(
    {
        "id": {**STRING, "description": "The change's cursor: send it as Last-Event-ID."},
        "event": {"const": "change"},
        "data": {
            **STRING,
            "contentMediaType": "application/json",
            "contentSchema": ref("Change"),
            "description": "The change, as JSON.",
        },
    }
)
SCHEMAS["ChangePage"] = object_schema(
    {
        "items": {"type": "array", "items": ref("Change")},
        "pageInfo": ref("PageInfo"),
        "totalCount": {"type": "integer", "minimum": 0},
    }
)


def changes_operation(responses: Json) -> Json:
    """GET /api/v1/changes; `responses` are those every read answers besides 200 and 400."""
    return {
        "get": {
            "operationId": "listChanges",
            "summary": "The change feed: committed writes, oldest first",
            "description": "Every ingest, republication, correction, retraction and judgement "
            "(made or withdrawn), in commit order. Keep `pageInfo.endCursor` and ask again "
            "with `after` for what changed since; an empty page means nothing has.",
            "tags": ["changes"],
            "parameters": [
                query_param(
                    "first",
                    f"Page size, 1 to {MAX_PAGE}.",
                    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": DEFAULT_PAGE},
                ),
                query_param("after", "`pageInfo.endCursor` (or a change's `cursor`) seen last."),
            ],
            "responses": {
                "400": problem("`first` or the cursor is invalid, or `last`/`before` given."),
                **responses,
            },
        }
    }


def stream_operation(errors: Json) -> Json:
    """GET /api/v1/changes/stream; `errors` are those every read answers."""
    return {
        "get": {
            "operationId": "streamChanges",
            "summary": "The change feed as server-sent events",
            "description": "Each committed change as an event `change` whose `id` is its "
            "cursor and whose `data` is a Change; first those after `Last-Event-ID` (or "
            "`after`; none: from the start), then each as it is committed. A comment line "
            "is sent as heartbeat when nothing happens (FACTDESK_CHANGE_HEARTBEAT seconds). "
            "Reconnect with `Last-Event-ID` to resume; past FACTDESK_CHANGE_STREAMS open "
            "streams a new one is refused with 503.",
            "tags": ["changes"],
            "parameters": [
                {
                    "name": "Last-Event-ID",
                    "in": "header",
                    "required": False,
                    "description": "The `id` of the last event received.",
                    "schema": STRING,
                },
                query_param("after", "A change's cursor, when no Last-Event-ID is sent."),
            ],
            "responses": {
                "200": {
                    "description": "An endless stream of events.",
                    "content": {"text/event-stream": {"schema": ref("ChangeEvent")}},
                },
                "400": problem("The cursor is invalid."),
                **errors,
            },
        }
    }
