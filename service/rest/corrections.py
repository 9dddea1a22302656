"""PUT and DELETE /api/v1/articles/{id}: correct an article's copy, or retract it."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from service.auth import bearer_token
from service.config import Settings
from service.ids import encode_id
from service.ingest.corrections import correct_article, retract_article
from service.ingest.idempotency import caller_of
from service.problems import ProblemError
from service.rest.articles import article_by_id, article_id_in_path
from service.rest.auth import require_write
from service.rest.ingest_body import read_ingest_request
from service.rest.params import pool_of, text_param
from service.rest.problems import Handler
from service.rest.representations import JsonResponse

MAX_REASON_CHARS = 1000


def _reason(request: Request) -> str | None:
    reason = text_param(request.query_params, "reason")
    if reason is not None and len(reason) > MAX_REASON_CHARS:
        raise ProblemError(
            "invalid_parameter",
            f"reason must be at most {MAX_REASON_CHARS} characters",
            field="reason",
        )
    return reason


def correct_handler(settings: Settings) -> Handler:
    async def put_article(request: Request) -> Response:
        """200 with the corrected article (`Factdesk-Correction: applied`, or `unchanged`
        when the copy and metadata were the article's already)."""
        require_write(request.headers, settings)
        article_id = await article_id_in_path(request)
        reason = _reason(request)
        ingest = await read_ingest_request(request, max_bytes=settings.factdesk_max_article_bytes)
        done = await correct_article(
            pool_of(request),
            article_id,
            ingest.text,
            ingest.meta,
            by=caller_of(bearer_token(request.headers)),
            reason=reason,
        )
        headers = {
            "Factdesk-Correction": "applied" if done.changed else "unchanged",
            "Factdesk-Article-Version": str(done.version),
        }
        if ingest.converted_from_html:
            headers["Factdesk-Converted-From"] = "text/html"
        return JsonResponse(await article_by_id(pool_of(request), article_id), headers=headers)

    return put_article


def retract_handler(settings: Settings) -> Handler:
    async def delete_article(request: Request) -> Response:
        """200 with the tombstone; the article's reads answer 410 from now on."""
        require_write(request.headers, settings)
        article_id = await article_id_in_path(request)
        tombstone = await retract_article(
            pool_of(request),
            article_id,
            by=caller_of(bearer_token(request.headers)),
            reason=_reason(request),
        )
        return JsonResponse(
            {
                "id": encode_id("Article", tombstone.article_id),
                "slug": tombstone.slug,
                "retractedAt": tombstone.retracted_at,
                "reason": tombstone.reason,
            }
        )

    return delete_article
