"""The OpenAPI 3.1 document of /api/v1, built as data.

Served at /api/v1/openapi.json and committed as openapi.json (`factdesk export-openapi`);
a test fails when the two drift.
"""

from __future__ import annotations

import orjson

from service.db.paging import DEFAULT_PAGE, MAX_PAGE
from service.ingest.model import Approximation, EntityKind, TextPart
from service.problems import PROBLEMS, problem_type
from service.rest.openapi_changes import SCHEMAS as CHANGE_SCHEMAS
from service.rest.openapi_changes import changes_operation, stream_operation
from service.rest.openapi_history import SCHEMAS as HISTORY_SCHEMAS
from service.rest.openapi_history import history_paths
from service.rest.openapi_judgements import CONFLICTING, RANK, judge_operation, judgement_operations
from service.rest.openapi_judgements import SCHEMAS as JUDGEMENT_SCHEMAS
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
from service.rest.openapi_writes import SCHEMAS as WRITE_SCHEMAS
from service.rest.openapi_writes import batch_operation, correction_operations, retracted_read

KIND = {"type": "string", "enum": [k.value for k in EntityKind]}

SCHEMAS: Json = {
    "Problem": object_schema(
        {
            "type": {"type": "string", "format": "uri"},
            "title": STRING,
            "status": {"type": "integer"},
            "detail": STRING,
            "code": {"type": "string", "enum": sorted(PROBLEMS)},
            "field": {"type": "string", "description": "The field or parameter at fault."},
            "instance": STRING,
        },
        required=["type", "title", "status", "detail", "code"],
        description="RFC 9457 problem details; `type` and `code` are stable.",
    ),
    "PageInfo": object_schema(
        {
            "hasNextPage": {"type": "boolean"},
            "endCursor": NULLABLE_STRING,
            "hasPreviousPage": {"type": "boolean"},
            "startCursor": NULLABLE_STRING,
        },
        description="Pass `endCursor` as `after` to get the next page, or `startCursor` as "
        "`before` (with `last`) to get the page before.",
    ),
    "Span": object_schema(
        {
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
            "part": {"type": "string", "enum": [p.value for p in TextPart]},
            "caption": nullable({"type": "integer", "minimum": 0}),
        },
        description="Character offsets, end exclusive, in the text `part` names: "
        "Article.body, unless a figure was printed only in the standfirst or a caption "
        "(then `caption` is its index in Article.captions).",
    ),
    "OutletRef": object_schema({"id": GLOBAL_ID, "name": STRING}),
    "EntityRef": object_schema(
        {
            "id": GLOBAL_ID,
            "name": STRING,
            "kind": KIND,
        }
    ),
    "ArticleRef": object_schema(
        {
            "id": GLOBAL_ID,
            "headline": STRING,
            "url": NULLABLE_STRING,
            "publishedAt": nullable(DATE_TIME),
        }
    ),
    "Citation": object_schema(
        {
            "article": ref("ArticleRef"),
            "outlet": ref("OutletRef"),
            "span": ref("Span"),
            "excerpt": {"type": "string", "description": "The whole sentence."},
            "attributedTo": nullable(ref("EntityRef")),
            "attributedToText": NULLABLE_STRING,
        },
        description="Where a value or quote was reported, and whom the article credits.",
    ),
    "Article": object_schema(
        {
            "id": GLOBAL_ID,
            "slug": STRING,
            "headline": STRING,
            "standfirst": NULLABLE_STRING,
            "outlet": ref("OutletRef"),
            "originalSource": nullable(ref("OutletRef")),
            "publishedAt": nullable(DATE_TIME),
            "dateline": NULLABLE_STRING,
            "bylines": {"type": "array", "items": STRING},
            "body": {"type": "string", "description": "The story text alone."},
            "captions": {"type": "array", "items": STRING},
            "removedLines": {
                "type": "array",
                "items": STRING,
                "description": "The lines intake left out of the story (navigation, promos, "
                "credits, labels, the trailer), in the order of the copy, as the desk's "
                "article page shows them; empty for copy stored before they were kept.",
            },
            "url": NULLABLE_STRING,
            "contentHash": {
                "type": "string",
                "description": "SHA-256 of the copy as a reader sees it (whitespace, Unicode "
                "form, quotes and dashes normalised): equal for the same copy. The same story "
                "(standfirst, captions and body) under another outlet's headline, byline, "
                "dateline or credit line is this article too, one of its `publications`.",
            },
            "ingestedAt": DATE_TIME,
            "publications": {
                "type": "array",
                "items": ref("Publication"),
                "description": "Every outlet that published this copy, first received first "
                "(the article's own outlet leads); the copy and its values are stored once.",
            },
        }
    ),
    "Publication": object_schema(
        {
            "outlet": ref("OutletRef"),
            "url": NULLABLE_STRING,
            "publishedAt": nullable(DATE_TIME),
            "receivedAt": DATE_TIME,
            "removedLines": {
                **nullable({"type": "array", "items": STRING}),
                "description": "The lines intake left out of this outlet's own page (its "
                "navigation, asides, share bars), in the order of the copy, as the desk's "
                "article page shows them; null when not recorded (publications stored before "
                "they were kept).",
            },
        },
        description="One outlet's publication of an article's copy.",
    ),
    "Entity": object_schema(
        {
            "id": GLOBAL_ID,
            "kind": KIND,
            "name": STRING,
            "description": NULLABLE_STRING,
            "aliases": {"type": "array", "items": STRING},
        }
    ),
    "Quote": object_schema(
        {
            "id": GLOBAL_ID,
            "text": STRING,
            "speaker": nullable(ref("EntityRef")),
            "speakerText": NULLABLE_STRING,
            "isPartial": {"type": "boolean"},
            "cue": NULLABLE_STRING,
            "citation": ref("Citation"),
        }
    ),
    "Figure": object_schema(
        {
            "id": GLOBAL_ID,
            "value": {"type": "number"},
            "upperBound": nullable({"type": "number"}),
            "approximation": {"type": "string", "enum": [a.value for a in Approximation]},
            "unit": STRING,
            "text": {"type": "string", "description": "As printed: 'nearly 71 percent'."},
            "property": NULLABLE_STRING,
            "qualifier": NULLABLE_STRING,
            "status": NULLABLE_STRING,
            "refersTo": nullable({"type": "string", "format": "date"}),
            "subject": nullable(ref("EntityRef")),
            "factId": nullable(GLOBAL_ID),
            "citation": ref("Citation"),
            "judgements": {
                "type": "array",
                "items": ref("Judgement"),
                "description": "Every editor's judgement of this report, oldest first, "
                "withdrawn ones too.",
            },
        }
    ),
    "SourcedValue": object_schema(
        {
            "value": {"type": "number"},
            "upperBound": nullable({"type": "number"}),
            "approximation": {"type": "string", "enum": [a.value for a in Approximation]},
            "text": STRING,
            "rank": RANK,
            "conflicting": CONFLICTING,
            "firstReportedAt": {
                **DATE_TIME,
                "description": "The earliest publication (the time the outlet states, else "
                "when the copy arrived) of an article among its sources, republications "
                "included; a correction keeps its article's publications.",
            },
            "lastReportedAt": {
                **DATE_TIME,
                "description": "The latest publication of an article among its sources.",
            },
            "sources": {"type": "array", "items": ref("Citation")},
            "figureIds": {
                "type": "array",
                "items": GLOBAL_ID,
                "description": "The reports' figures, in the order of `sources`: judge one "
                "with POST /api/v1/figures/{id}/judgements.",
            },
        },
        description="One distinct value and every report of it.",
    ),
    "Fact": object_schema(
        {
            "id": GLOBAL_ID,
            "label": STRING,
            "subject": nullable(ref("EntityRef")),
            "property": STRING,
            "qualifier": NULLABLE_STRING,
            "unit": STRING,
            "disputed": {
                "type": "boolean",
                "description": "True when the reported values cannot all be true at once; "
                "DEPRECATED values are left out, and `conflicting` marks the values at odds.",
            },
            "firstReportedAt": {
                **DATE_TIME,
                "description": "When the fact was first reported: the earliest publication "
                "of an article holding one of its values (the time the outlet states, else "
                "when the copy arrived), republications included.",
            },
            "updatedAt": {
                **DATE_TIME,
                "description": "When its values last changed: the latest arrival of an "
                "article or republication holding one, or correction or retraction touching "
                "it (see /api/v1/changes).",
            },
            "values": {"type": "array", "items": ref("SourcedValue")},
            "preferred": nullable(
                {
                    **ref("SourcedValue"),
                    "description": "The value an editor marked PREFERRED (the latest, if "
                    "several were), also listed in `values`; null when none was.",
                }
            ),
        }
    ),
    "IngestArticle": object_schema(
        {
            "text": {
                "type": "string",
                "minLength": 1,
                "description": "The copy, plain text (HTML is cleaned to text).",
            },
            "outlet": NULLABLE_STRING,
            "url": NULLABLE_STRING,
            "headline": NULLABLE_STRING,
            "publishedAt": nullable(DATE_TIME),
        },
        required=["text"],
        additionalProperties=False,
    ),
}

RESOURCES = {
    "Article": "articles",
    "Entity": "entities",
    "Quote": "quotes",
    "Figure": "figures",
    "Fact": "facts",
}
for _name in RESOURCES:
    SCHEMAS[f"{_name}Page"] = object_schema(
        {
            "items": {"type": "array", "items": ref(_name)},
            "pageInfo": ref("PageInfo"),
            "totalCount": {"type": "integer", "minimum": 0},
        }
    )


PAGE_PARAMS = [
    query_param(
        "first",
        f"Page size, 1 to {MAX_PAGE}.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": DEFAULT_PAGE},
    ),
    query_param("after", "`pageInfo.endCursor` of the previous page."),
    query_param(
        "last",
        f"Page size when paging backwards, 1 to {MAX_PAGE}: the last items (before `before`). "
        "Not with `first`.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
    ),
    query_param("before", "`pageInfo.startCursor` of the following page."),
]
ENTITY_PARAM_NOTE = "Entity global id, or any name the entity is known by."
# Parameters of one resource by id, beyond the id.
ONE_PARAMS: dict[str, list[Json]] = {
    "Fact": [
        query_param(
            "as_of",
            "The fact as Factdesk knew it at this time (ISO 8601; no offset means UTC): only "
            "values published by then (the time the outlet states, else when the copy "
            "arrived), as the article stood then (a later correction's values not yet, the "
            "replaced copy's still; a retracted article's until its retraction), ranked by "
            "the judgements in force then. 404 when none of its values had been reported.",
            DATE_TIME,
        )
    ],
}

FILTERS: dict[str, list[Json]] = {
    "Article": [
        query_param("outlet", "Outlet global id or name."),
        query_param("entity", f"Articles mentioning this entity. {ENTITY_PARAM_NOTE}"),
        query_param("publishedAfter", "Published at or after (ISO 8601).", DATE_TIME),
        query_param("publishedBefore", "Published before (ISO 8601).", DATE_TIME),
        query_param("search", "Full-text search of headline and body."),
    ],
    "Entity": [
        query_param("search", "Any spelling: aliases, transliterations, accents and case ignored."),
        query_param("kind", "Entity kind.", KIND),
    ],
    "Quote": [
        query_param("speaker", ENTITY_PARAM_NOTE),
        query_param("article", "Article global id."),
        query_param("search", "Full-text search of the quoted words."),
    ],
    "Figure": [
        query_param("article", "Article global id."),
        query_param("subject", ENTITY_PARAM_NOTE),
        query_param("property", "What is measured: vote_share, detained, ..."),
        query_param("unit", "Normalized unit: percent, people, ..."),
    ],
    "Fact": [
        query_param("subject", ENTITY_PARAM_NOTE),
        query_param("property", "What is measured: vote_share, detained, ..."),
        query_param(
            "disputed", "Only facts whose values disagree (or agree).", {"type": "boolean"}
        ),
    ],
}


EXAMPLE_COPY = (
    "Protests in Almaty\n\n"
    "ALMATY -- Police detained about 500 people on Monday, the interior ministry said.\n\n"
    '"We will not allow disorder," Interior Minister Yerlan Turgumbayev told reporters.\n\n'
    "Kassym-Jomart Tokayev won nearly 71 percent of the vote, according to official results."
)


# Conditional GET (service/conditional.py): every read is tagged and can be revalidated.
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "An `ETag` from an earlier answer: 304 when the answer is unchanged "
    "(weak comparison).",
    "schema": STRING,
}
CACHE_HEADERS = {
    "ETag": {
        "description": "Weak tag of this answer: the data version, the request and the API.",
        "schema": STRING,
    },
    "Cache-Control": {
        "description": "`public, no-cache` (`private, no-cache` when reads need a key): "
        "store, but revalidate every time.",
        "schema": STRING,
    },
}
NOT_MODIFIED = {
    "description": "The answer tagged `If-None-Match` is still current; no body.",
    "headers": CACHE_HEADERS,
}


def _read_ok(schema: str) -> Json:
    return {**ok(schema), "headers": CACHE_HEADERS}


READ_ERRORS = {
    "401": problem("An API key is required (only when reads are protected)."),
    "403": problem("The API key is not valid."),
    "503": problem(
        "The database is unavailable (`database_unavailable`), a query took longer than "
        "FACTDESK_STATEMENT_TIMEOUT (`query_timeout`), or the read took longer than "
        "FACTDESK_REQUEST_TIMEOUT and was stopped (`request_timeout`); retry shortly."
    ),
}


def _paths() -> Json:
    paths: Json = {}
    for name, plural in RESOURCES.items():
        paths[f"/api/v1/{plural}"] = {
            "get": {
                "operationId": f"list{name}s" if name != "Entity" else "listEntities",
                "summary": f"List {plural}",
                "tags": [plural],
                "parameters": PAGE_PARAMS + FILTERS[name] + [IF_NONE_MATCH],
                "responses": {
                    "200": _read_ok(f"{name}Page"),
                    "304": NOT_MODIFIED,
                    "400": problem("A query parameter or cursor is invalid."),
                    **READ_ERRORS,
                },
            }
        }
        paths[f"/api/v1/{plural}/{{id}}"] = {
            "get": {
                "operationId": f"get{name}",
                "summary": f"One {name.lower()} by global id"
                + (" or slug" if name == "Article" else ""),
                "tags": [plural],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": STRING},
                    *ONE_PARAMS.get(name, []),
                    IF_NONE_MATCH,
                ],
                "responses": {
                    "200": _read_ok(name),
                    "304": NOT_MODIFIED,
                    "404": problem(f"No {name.lower()} has this id."),
                    **READ_ERRORS,
                },
            }
        }
    paths["/api/v1/articles"]["post"] = {
        "operationId": "ingestArticle",
        "summary": "Ingest copy through the extraction pipeline",
        "description": "JSON with `text` and optional metadata, or the copy itself as "
        "`text/plain` (metadata then from the query parameters). HTML (`text/html`, or markup "
        "sent as text) is cleaned to text first. Idempotent: the same copy again (equal once "
        "whitespace, Unicode form, quotes and dashes are normalised) answers 200 with the "
        "stored article. With an `Idempotency-Key` header (draft-ietf-httpapi-idempotency-"
        "key-header) a retry gets the first answer again, status and body, with "
        "`Idempotent-Replayed: true`; the same key with another request is 422 "
        "`idempotency_key_reused`. Keys belong to the API key that sent them and expire after "
        "FACTDESK_IDEMPOTENCY_TTL seconds.",
        "tags": ["articles"],
        "security": [{"apiKey": []}],
        "parameters": [
            query_param("outlet", "For text/plain bodies: the publishing outlet."),
            query_param("url", "For text/plain bodies: where the copy was published."),
            query_param("headline", "For text/plain bodies: the headline."),
            query_param("publishedAt", "For text/plain bodies: publication time.", DATE_TIME),
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "description": "A key of the caller's choosing (1 to 255 printable ASCII "
                "characters, quoted as a structured-field string or not): a retry with it "
                "answers the first answer again and ingests nothing.",
                "schema": {**STRING, "minLength": 1, "maxLength": 257},
            },
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": ref("IngestArticle"),
                    "example": {
                        "text": EXAMPLE_COPY,
                        "outlet": "Example Wire",
                        "url": "https://example.org/almaty-protests",
                        "publishedAt": "2019-06-11T09:00:00Z",
                    },
                },
                "text/plain": {"schema": {**STRING, "minLength": 1}, "example": EXAMPLE_COPY},
                "text/html": {
                    "schema": {**STRING, "minLength": 1},
                    "example": "<h1>Protests in Almaty</h1>"
                    + "".join(f"<p>{p}</p>" for p in EXAMPLE_COPY.split("\n\n")[1:]),
                },
            },
        },
        "responses": {
            "201": {
                **ok("Article", "A new article."),
                "headers": {"Location": {"schema": STRING, "description": "The article's URL."}},
            },
            "200": {
                **ok(
                    "Article",
                    "The same copy was ingested before: the stored article. When another outlet "
                    "sends it, its publication is recorded and listed in `publications`.",
                ),
                "headers": {
                    "Factdesk-Republication": {
                        "schema": {"type": "string", "enum": ["recorded"]},
                        "description": "Present when this request recorded a new publication "
                        "of the stored copy (another outlet).",
                    }
                },
            },
            "400": problem("Malformed JSON, or an Idempotency-Key that is not a valid key."),
            "401": problem("No API key sent, or none configured on the server."),
            "403": problem("The API key is not valid."),
            "413": problem("The body is larger than FACTDESK_MAX_ARTICLE_BYTES."),
            "415": problem("Not JSON, text/plain or text/html, or not UTF-8."),
            "422": problem(
                "Empty text, NUL bytes, binary, bad field types or dates; an Idempotency-Key "
                "used before for another request."
            ),
            "503": problem(
                "The database is unavailable, or the server stopped while the article was "
                "being read (`shutting_down`: nothing stored); retry shortly."
            ),
        },
    }
    paths["/api/v1/articles/{id}"].update(correction_operations())
    paths["/api/v1/articles:batch"] = {"post": batch_operation()}
    paths["/api/v1/figures/{id}/judgements"] = {"post": judge_operation()}
    paths["/api/v1/judgements/{id}"] = judgement_operations(_read_ok("Judgement"), READ_ERRORS)
    paths["/api/v1/articles/{id}"]["get"]["responses"].update(retracted_read())
    paths.update(
        history_paths(
            {name: _read_ok(name) for name in ("FactEventPage", "ArticleVersionPage")},
            READ_ERRORS,
            PAGE_PARAMS,
        )
    )
    paths["/api/v1/changes"] = changes_operation(
        {"200": _read_ok("ChangePage"), "304": NOT_MODIFIED, **READ_ERRORS}
    )
    paths["/api/v1/changes/stream"] = stream_operation(
        {
            **READ_ERRORS,
            "503": problem("The database is unavailable, or too many streams are open."),
        }
    )
    paths["/api/v1/openapi.json"] = {
        "get": {
            "operationId": "getOpenApi",
            "summary": "This document",
            "tags": ["meta"],
            "responses": {
                "200": {
                    "description": "OpenAPI 3.1",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
        }
    }
    return paths


def openapi_document() -> Json:
    """The whole document; the same data on every call."""
    problem_types = ", ".join(f"`{problem_type(code)}`" for code in sorted(PROBLEMS))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Factdesk HTTP/JSON API",
            "version": "1",
            "description": "Articles, entities, quotes, figures and facts with provenance. "
            "Every resource carries the same global id as GraphQL. Lists are cursor-paginated "
            "(`first`, `after`; backwards `last`, `before`). Errors are RFC 9457 problem "
            "documents whose `type` is one of "
            f"{problem_types}. Writes need `Authorization: Bearer <key>`; judgements need an "
            "editor's key (FACTDESK_EDITOR_KEYS).",
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "paths": _paths(),
        "components": {
            "schemas": {
                **SCHEMAS,
                **WRITE_SCHEMAS,
                **CHANGE_SCHEMAS,
                **JUDGEMENT_SCHEMAS,
                **HISTORY_SCHEMAS,
            },
            "securitySchemes": {
                "apiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A key from FACTDESK_API_KEYS, or an editor's from "
                    "FACTDESK_EDITOR_KEYS.",
                }
            },
        },
    }


def export_openapi() -> str:
    """The document as committed in openapi.json: sorted keys, two-space indent."""
    return (
        orjson.dumps(openapi_document(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode()
        + "\n"
    )
