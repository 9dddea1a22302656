"""POST /api/v1/figures/{id}/judgements and DELETE /api/v1/judgements/{id}: an editor
judges a report, or withdraws a judgement (the same core as GraphQL's judgeValue and
withdrawJudgement); GET /api/v1/judgements/{id} reads one back."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from service.auth import bearer_token
from service.config import Settings
from service.db import judgements as judgements_db
from service.ids import encode_id
from service.ingest.idempotency import caller_of
from service.ingest.judgements import checked_kind, judge_value, withdraw_judgement
from service.problems import ProblemError
from service.rest.auth import require_editor
from service.rest.facts import fact_by_id
from service.rest.figures import judgement_json
from service.rest.ingest_body import read_capped_body
from service.rest.params import path_id, pool_of, reads_of, text_param
from service.rest.problems import Handler
from service.rest.representations import JsonResponse

MAX_BODY_BYTES = 16_384  # a kind and a reason of at most 1,000 characters
FIELDS = frozenset({"kind", "reason"})


async def _judgement_body(request: Request) -> tuple[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise ProblemError(
            "unsupported_media_type", "send the judgement as application/json", field=None
        )
    raw = await read_capped_body(request, MAX_BODY_BYTES, code="invalid_field", field=None)
    try:
        payload: Any = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise ProblemError("malformed_json", "the body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise ProblemError("invalid_field", "send an object with `kind` and `reason`")
    unknown = sorted(set(payload) - FIELDS)
    if unknown:
        raise ProblemError("invalid_field", f"unknown field {unknown[0]!r}", field=unknown[0])
    for name in ("kind", "reason"):
        if not isinstance(payload.get(name), str):
            raise ProblemError("invalid_field", f"`{name}` must be a string", field=name)
    return payload["kind"], payload["reason"]


def judge_handler(settings: Settings) -> Handler:
    async def post_judgement(request: Request) -> Response:
        """201 with the judgement and the fact as it is now (null when the figure has none)."""
        editor = require_editor(request.headers, settings)
        figure_id = path_id(request, "Figure")
        kind, reason = await _judgement_body(request)
        done = await judge_value(
            pool_of(request),
            figure_id,
            checked_kind(kind),
            reason,
            editor=editor,
            by=caller_of(bearer_token(request.headers)),
        )
        body = {
            "judgement": judgement_json(done.judgement),
            "fact": await fact_by_id(pool_of(request), done.fact_id),
        }
        location = f"/api/v1/judgements/{encode_id('Judgement', done.judgement.id)}"
        return JsonResponse(body, status_code=201, headers={"Location": location})

    return post_judgement


def withdraw_handler(settings: Settings) -> Handler:
    async def delete_judgement(request: Request) -> Response:
        """200 with the withdrawn judgement and the fact as it is now."""
        editor = require_editor(request.headers, settings)
        judgement_id = path_id(request, "Judgement")
        done = await withdraw_judgement(
            pool_of(request),
            judgement_id,
            text_param(request.query_params, "reason"),
            editor=editor,
            by=caller_of(bearer_token(request.headers)),
        )
        return JsonResponse(
            {
                "judgement": judgement_json(done.judgement),
                "fact": await fact_by_id(pool_of(request), done.fact_id),
            }
        )

    return delete_judgement


async def get_judgement(request: Request) -> Response:
    judgement_id = path_id(request, "Judgement")
    async with reads_of(request).acquire() as conn:
        rows = await judgements_db.list_judgements_by_ids(conn, ids=[judgement_id])
    if not rows:
        raise ProblemError("not_found", "no judgement has this id")
    return JsonResponse(judgement_json(rows[0]))
