"""The OpenAPI description of the article writes beyond ingest: PUT (correct) and DELETE
(retract) of /api/v1/articles/{id}. Part of `openapi.openapi_document`."""

from __future__ import annotations

from service.rest.openapi_parts import (
    DATE_TIME,
    GLOBAL_ID,
    NULLABLE_STRING,
    STRING,
    Json,
    object_schema,
    ok,
    problem,
    query_param,
    ref,
)

REASON = query_param(
    "reason", "Why, for the audit log (and the tombstone): at most 1,000 characters."
)
ID = {"name": "id", "in": "path", "required": True, "schema": STRING}
WRITE_ERRORS = {
    "401": problem("No API key sent, or none configured on the server."),
    "403": problem("The API key is not valid."),
    "404": problem("No article has this id or slug."),
    "410": problem("The article was retracted; the problem carries `retractedAt` and `reason`."),
    "503": problem("The database is unavailable; retry shortly."),
}

SCHEMAS: Json = {
    "BatchResult": object_schema(
        {
            "line": {"type": "integer", "minimum": 1, "description": "Its line in the input."},
            "status": {
                "type": "integer",
                "description": "What the single POST would have answered: 201 new, 200 "
                "stored before, or the problem's status.",
            },
            "id": GLOBAL_ID,
            "slug": STRING,
            "created": {"type": "boolean"},
            "republished": {"type": "boolean"},
            "replayed": {
                "type": "boolean",
                "description": "The stored answer to an earlier line or request with the "
                "same idempotencyKey.",
            },
            "problem": ref("Problem"),
        },
        required=["line", "status"],
        description="One input line's result: the article (id, slug, created, republished, "
        "replayed) or, instead, its `problem`.",
    ),
    "Tombstone": object_schema(
        {
            "id": GLOBAL_ID,
            "slug": STRING,
            "retractedAt": DATE_TIME,
            "reason": NULLABLE_STRING,
        },
        description="A retracted article: its reads answer 410 from then on.",
    ),
}


def correction_operations() -> Json:
    put = {
        "operationId": "correctArticle",
        "summary": "Correct an article's copy",
        "description": "Replaces the copy (same bodies as POST /api/v1/articles, through the "
        "same intake) and extracts it again, in one transaction: the article's figures, "
        "quotes and mentions are replaced, every fact they touch is checked again (a fact "
        "left with no figure goes), and the version replaced is kept. The id, slug and "
        "outlet stay; url and publishedAt not sent keep their stored values. The same copy "
        "and metadata again change nothing (`Factdesk-Correction: unchanged`). Audited.",
        "tags": ["articles"],
        "security": [{"apiKey": []}],
        "parameters": [
            ID,
            REASON,
            query_param("url", "For text/plain bodies: where the copy was published."),
            query_param("headline", "For text/plain bodies: the headline."),
            query_param("publishedAt", "For text/plain bodies: publication time.", DATE_TIME),
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": ref("IngestArticle")},
                "text/plain": {"schema": {**STRING, "minLength": 1}},
                "text/html": {"schema": {**STRING, "minLength": 1}},
            },
        },
        "responses": {
            "200": {
                **ok("Article", "The article as corrected."),
                "headers": {
                    "Factdesk-Correction": {
                        "schema": {"type": "string", "enum": ["applied", "unchanged"]},
                        "description": "`unchanged`: the copy and metadata were already these.",
                    },
                    "Factdesk-Article-Version": {
                        "schema": {"type": "string"},
                        "description": "The article's version number (1: never corrected).",
                    },
                },
            },
            "400": problem("Malformed JSON or query parameter."),
            "409": problem("The corrected copy is another article's (code copy_exists)."),
            "413": problem("The body is larger than FACTDESK_MAX_ARTICLE_BYTES."),
            "415": problem("Not JSON, text/plain or text/html, or not UTF-8."),
            "422": problem("Empty text, NUL bytes, binary, bad field types or dates."),
            **WRITE_ERRORS,
        },
    }
    delete = {
        "operationId": "retractArticle",
        "summary": "Retract an article",
        "description": "Makes the article a tombstone in one transaction: its values leave "
        "every fact (kept in the fact's history with the retraction time), its quotes and "
        "mentions go, every fact it touched is checked again. Reads of the article answer "
        "410 with the retraction time and reason; the same copy may be ingested again as "
        "a new article. Audited.",
        "tags": ["articles"],
        "security": [{"apiKey": []}],
        "parameters": [ID, REASON],
        "responses": {
            "200": ok("Tombstone", "The article is retracted."),
            "400": problem("A query parameter is invalid."),
            **WRITE_ERRORS,
        },
    }
    return {"put": put, "delete": delete}


def retracted_read() -> Json:
    """The 410 every read of one article may answer."""
    return {"410": problem("The article was retracted (`retractedAt`, `reason`).")}


def batch_operation() -> Json:
    return {
        "operationId": "ingestArticles",
        "summary": "Ingest many articles: NDJSON in, NDJSON out",
        "description": "One JSON object per line, the single POST's fields (`text`, "
        "`outlet`, `url`, `headline`, `publishedAt`) plus an optional `idempotencyKey` (the "
        "Idempotency-Key header's rules, per line; keys of the batch door are its own). "
        "Every line goes through the same intake and pipeline in its own transaction, up "
        "to four at a time; a bad line is answered with its problem and never blocks the "
        "others. Blank lines are skipped. The answer has one `BatchResult` per non-blank "
        "line, in input order, streamed as each is done. The body is read whole first: "
        "over FACTDESK_MAX_BATCH_BYTES it is refused (413 `batch_too_large`) and nothing "
        "is ingested; a line over three times FACTDESK_MAX_ARTICLE_BYTES, or whose text is "
        "over that cap, is that line's 413.",
        "tags": ["articles"],
        "security": [{"apiKey": []}],
        "requestBody": {
            "required": True,
            "content": {
                "application/x-ndjson": {
                    "schema": {**STRING, "description": "IngestArticle objects, one a line."},
                    "example": '{"text": "Protests in Almaty\\n\\nPolice detained 500 '
                    'people.", "outlet": "Example Wire"}\n',
                }
            },
        },
        "responses": {
            "200": {
                "description": "One BatchResult per line, as NDJSON.",
                "content": {
                    "application/x-ndjson": {
                        "schema": {**STRING, "description": "BatchResult objects, one a line."}
                    }
                },
            },
            "401": problem("No API key sent, or none configured on the server."),
            "403": problem("The API key is not valid."),
            "413": problem("The body is larger than FACTDESK_MAX_BATCH_BYTES."),
            "415": problem("Not application/x-ndjson (or application/jsonl), or not UTF-8."),
        },
    }
