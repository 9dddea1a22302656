"""The `Idempotency-Key` header of `POST /api/v1/articles` (service/ingest/idempotency.py)."""

from __future__ import annotations

import datetime as dt

from starlette.datastructures import Headers

from service.auth import bearer_token
from service.config import Settings
from service.ingest.idempotency import IdempotencyKey, Render, caller_of, fingerprint, parse_key
from service.problems import ProblemError
from service.rest.ingest_body import IngestRequest

HEADER = "Idempotency-Key"


def idempotency_key(
    headers: Headers, settings: Settings, ingest: IngestRequest, render: Render
) -> IdempotencyKey | None:
    """The request's key, scoped to its API key, with what the request asks for; None
    without the header."""
    values = headers.getlist(HEADER)
    if not values:
        return None
    if len(values) > 1:
        raise ProblemError("duplicate_header", f"send one {HEADER} header, not several")
    meta = ingest.meta
    return IdempotencyKey(
        caller=caller_of(bearer_token(headers)),
        key=parse_key(values[0]),
        fingerprint=fingerprint(
            "rest", ingest.text, meta.outlet, meta.url, meta.headline, meta.published_at
        ),
        ttl=dt.timedelta(seconds=settings.factdesk_idempotency_ttl),
        render=render,
    )
