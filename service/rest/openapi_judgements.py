"""The OpenAPI description of judgements: POST /api/v1/figures/{id}/judgements, GET and
DELETE /api/v1/judgements/{id}. Part of `openapi.openapi_document`."""

from __future__ import annotations

from service.ingest.facts.ranks import Kind, Rank
from service.ingest.judgements import MAX_REASON_CHARS
from service.rest.openapi_parts import (
    DATE_TIME,
    GLOBAL_ID,
    NULLABLE_STRING,
    STRING,
    Json,
    nullable,
    object_schema,
    ok,
    problem,
    query_param,
    ref,
)

ID = {"name": "id", "in": "path", "required": True, "schema": STRING}
RANK: Json = {
    "type": "string",
    "enum": [r.value for r in Rank],
    "description": "What editors' judgements make of the value, as on Wikidata: PREFERRED or "
    "DEPRECATED when an editor ranked a report of it (the latest judgement counts), "
    "DEPRECATED too when every report of it was flagged as a wrong extraction, else NORMAL. "
    "A DEPRECATED value stays listed but takes no part in `disputed` or conflicts.",
}
CONFLICTING: Json = {
    "type": "boolean",
    "description": "True when the value cannot be true together with another value of the "
    "fact that is not DEPRECATED: the values that make it `disputed`.",
}
EDITOR_ERRORS = {
    "401": problem("No API key sent."),
    "403": problem(
        "The API key is not valid (`forbidden`), or is not an editor's (`not_an_editor`: "
        "judging needs a key in FACTDESK_EDITOR_KEYS)."
    ),
    "503": problem("The database is unavailable; retry shortly."),
}

SCHEMAS: Json = {
    "Judgement": object_schema(
        {
            "id": GLOBAL_ID,
            "figureId": nullable(
                {**GLOBAL_ID, "description": "Null once a correction took the figure out."}
            ),
            "kind": {"type": "string", "enum": [k.value for k in Kind]},
            "reason": STRING,
            "madeBy": {**STRING, "description": "The editor's name in FACTDESK_EDITOR_KEYS."},
            "madeAt": DATE_TIME,
            "withdrawnAt": nullable(DATE_TIME),
            "withdrawnBy": NULLABLE_STRING,
            "withdrawalReason": NULLABLE_STRING,
            "inForce": {"type": "boolean"},
        },
        description="An editor's judgement of one report (a figure): PREFERRED or "
        "DEPRECATED rank the value it prints in its fact; NOT_A_FIGURE, WRONG_SUBJECT, "
        "WRONG_UNIT and WRONG_PROPERTY flag the extraction, which then no longer counts for "
        "the fact. The figure itself is never changed. Withdrawn judgements stay as history.",
    ),
    "JudgeValue": object_schema(
        {
            "kind": {"type": "string", "enum": [k.value for k in Kind]},
            "reason": {**STRING, "minLength": 1, "maxLength": MAX_REASON_CHARS},
        },
        required=["kind", "reason"],
        description="A judgement to make: what it says and why (required).",
    ),
    "JudgementResult": object_schema(
        {"judgement": ref("Judgement"), "fact": nullable(ref("Fact"))},
        description="The judgement as stored, and the fact as it is now (null when the "
        "figure reports no fact).",
    ),
}


def judge_operation() -> Json:
    return {
        "operationId": "judgeValue",
        "summary": "Judge a reported value (editors only)",
        "description": "Ranks the value the figure prints in its fact, or flags the "
        "extraction as wrong, in one transaction: the figure's judgement in force before is "
        "withdrawn (kept as history), the fact's `disputed` is computed again without "
        "DEPRECATED values, the audit log records who, when and why, and a `judgement` "
        "change is appended to the change feed.",
        "tags": ["judgements"],
        "security": [{"apiKey": []}],
        "parameters": [ID],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": ref("JudgeValue"),
                    "example": {"kind": "DEPRECATED", "reason": "superseded by the final count"},
                }
            },
        },
        "responses": {
            "201": {
                **ok("JudgementResult", "The judgement, in force."),
                "headers": {"Location": {"schema": STRING, "description": "The judgement's URL."}},
            },
            "400": problem("Malformed JSON."),
            "404": problem("No figure has this id."),
            "415": problem("Not application/json."),
            "422": problem("No reason, a reason over 1,000 characters, or an unknown kind."),
            **EDITOR_ERRORS,
        },
    }


def judgement_operations(read_ok: Json, read_errors: Json) -> Json:
    """GET and DELETE /api/v1/judgements/{id}."""
    return {
        "get": {
            "operationId": "getJudgement",
            "summary": "One judgement by global id",
            "tags": ["judgements"],
            "parameters": [ID],
            "responses": {
                "200": read_ok,
                "404": problem("No judgement has this id."),
                **read_errors,
            },
        },
        "delete": {
            "operationId": "withdrawJudgement",
            "summary": "Withdraw a judgement (editors only)",
            "description": "The judgement stays in the figure's history, no longer in force; "
            "the fact's `disputed` is computed again, audited and announced as when judging.",
            "tags": ["judgements"],
            "security": [{"apiKey": []}],
            "parameters": [
                ID,
                query_param("reason", "Why, for the audit log: at most 1,000 characters."),
            ],
            "responses": {
                "200": ok("JudgementResult", "The withdrawn judgement and the fact now."),
                "404": problem("No judgement has this id."),
                "409": problem("The judgement was withdrawn already."),
                "422": problem("A reason over 1,000 characters."),
                **EDITOR_ERRORS,
            },
        },
    }
