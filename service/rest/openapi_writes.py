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
