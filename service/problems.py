"""RFC 9457 problem details: every HTTP error body is `application/problem+json`.

`type` is a stable URI per kind of problem and `code` the same stable key GraphQL
UserErrors carry, so clients branch on either, never on the human `detail`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.responses import Response

from service.errors import (
    ArticleRetractedError,
    DatabaseUnavailableError,
    EmptyArticleError,
    FactdeskError,
    InvalidArticleError,
    InvalidCursorError,
    InvalidIdError,
    NotFoundError,
)

PROBLEM_BASE = "https://factdesk.dev/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

# code -> (HTTP status, title). The `type` URI is PROBLEM_BASE + the code, dashed.
PROBLEMS: dict[str, tuple[int, str]] = {
    "invalid_article": (422, "The copy cannot be ingested"),
    "empty_article": (422, "The copy has no text"),
    "article_too_complex": (422, "The copy took longer to read than an article may"),
    "invalid_encoding": (422, "The body is not UTF-8 text"),
    "invalid_field": (422, "A field has the wrong type or value"),
    "malformed_json": (400, "The body is not valid JSON"),
    "invalid_parameter": (400, "A query parameter is invalid"),
    "invalid_id": (400, "Not a Factdesk id"),
    "invalid_cursor": (400, "Invalid pagination cursor"),
    "duplicate_header": (400, "A header that may appear once appears more than once"),
    "invalid_idempotency_key": (400, "The Idempotency-Key header is not a valid key"),
    "idempotency_key_reused": (422, "The Idempotency-Key was used for another request"),
    "article_too_large": (413, "The body is larger than the configured limit"),
    "batch_too_large": (413, "The batch is larger than the configured limit"),
    "unsupported_media_type": (415, "Unsupported content type"),
    "request_head_too_large": (431, "The URL and headers are larger than the configured limit"),
    "request_head_timeout": (408, "The request's URL and headers arrived too slowly"),
    "request_body_timeout": (408, "The request's body arrived too slowly"),
    "unauthorized": (401, "An API key is required"),
    "writes_disabled": (401, "No API key is configured, so writes are refused"),
    "forbidden": (403, "The API key is not valid"),
    "not_an_editor": (403, "The API key may not judge"),
    "judgement_withdrawn": (409, "The judgement was withdrawn already"),
    "not_found": (404, "Not found"),
    "article_retracted": (410, "The article was retracted"),
    "copy_exists": (409, "The copy is another article's"),
    "method_not_allowed": (405, "Method not allowed"),
    "database_unavailable": (503, "The database is unavailable"),
    "too_many_streams": (503, "Too many change streams are open"),
    "shutting_down": (503, "The server is shutting down"),
    "request_timeout": (503, "The request took longer than the configured limit"),
    "query_timeout": (503, "A query took longer than the statement timeout"),
    "internal_error": (500, "Internal error"),
}


def problem_type(code: str) -> str:
    return PROBLEM_BASE + code.replace("_", "-")


class ProblemError(Exception):
    """An error answered as a problem document; raised by handlers, rendered by `endpoint`."""

    def __init__(
        self,
        code: str,
        detail: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        if code not in PROBLEMS:
            raise ValueError(f"unknown problem code {code!r}")
        self.code = code
        self.detail = detail
        self.field = field
        self.headers = dict(headers or {})
        # Members beside the standard ones (RFC 9457 section 3.2): a tombstone's retractedAt.
        self.extensions = dict(extensions or {})

    @property
    def status(self) -> int:
        return PROBLEMS[self.code][0]


def problem_body(problem: ProblemError, *, instance: str | None = None) -> bytes:
    """The problem document's bytes (for raw ASGI senders as well as responses)."""
    status, title = PROBLEMS[problem.code]
    body: dict[str, Any] = {
        "type": problem_type(problem.code),
        "title": title,
        "status": status,
        "detail": problem.detail,
        "code": problem.code,
    }
    if problem.field is not None:
        body["field"] = problem.field
    body.update(problem.extensions)
    if instance is not None:
        body["instance"] = instance
    return orjson.dumps(body)


def problem_response(problem: ProblemError, *, instance: str | None = None) -> Response:
    return Response(
        problem_body(problem, instance=instance),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=problem.headers,
    )


def from_domain_error(error: FactdeskError) -> ProblemError:
    """The problem a domain error becomes at the HTTP edge."""
    code = {
        EmptyArticleError: "empty_article",
        InvalidArticleError: "invalid_article",
        InvalidIdError: "invalid_id",
        InvalidCursorError: "invalid_cursor",
        NotFoundError: "not_found",
        DatabaseUnavailableError: "database_unavailable",
    }.get(type(error))
    if code is None:
        code = error.code if error.code in PROBLEMS else "internal_error"
    headers = {"Retry-After": "5"} if code in ("database_unavailable", "shutting_down") else None
    return ProblemError(
        code, error.message, field=error.field, headers=headers, extensions=_extensions(error)
    )


def _extensions(error: FactdeskError) -> dict[str, Any]:
    if isinstance(error, ArticleRetractedError):
        return {"retractedAt": error.retracted_at, "reason": error.reason}
    return {}
