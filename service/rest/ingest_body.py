"""Reading the body of `POST /api/v1/articles`: size cap, content type, encoding, fields.

Every refusal is a ProblemError raised before the pipeline runs, so nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from starlette.datastructures import QueryParams
from starlette.requests import Request

from service.ingest.intake import decode_copy, take_copy_off_loop
from service.ingest.model import ArticleMeta
from service.problems import ProblemError
from service.rest.params import parse_datetime

MEDIA_TYPES = ("application/json", "text/plain", "text/html")
_UTF8_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})
_META_FIELDS = ("outlet", "url", "headline", "publishedAt")
_ALL_FIELDS = frozenset({"text", *_META_FIELDS})
BATCH_KEY_FIELD = "idempotencyKey"


@dataclass(frozen=True, slots=True)
class IngestRequest:
    text: str
    meta: ArticleMeta
    converted_from_html: bool


def _media_type(request: Request) -> tuple[str, dict[str, str]]:
    header = request.headers.get("content-type", "")
    kind, *rest = header.split(";")
    params: dict[str, str] = {}
    for part in rest:
        name, _, value = part.partition("=")
        params[name.strip().lower()] = value.strip().strip('"').lower()
    return kind.strip().lower(), params


async def read_capped_body(
    request: Request, limit: int, *, code: str = "article_too_large", field: str | None = "text"
) -> bytes:
    """The body, refused with 413 when Content-Length or the bytes actually sent exceed `limit`."""
    declared = request.headers.get("content-length")
    too_large = ProblemError(code, f"the body must be at most {limit} bytes", field=field)
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise too_large
    received = bytearray()
    # Count what arrives, not what the header claims: a lying header buys nothing.
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise too_large
    return bytes(received)


def _optional_string(payload: dict[str, Any], name: str) -> str | None:
    value = payload.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ProblemError(
            "invalid_field",
            f"{name} must be a string or null, got {_json_type(value)}",
            field=name,
        )
    return value.strip() or None


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else "null"


def _meta(fields: dict[str, str | None]) -> ArticleMeta:
    published = fields.get("publishedAt")
    return ArticleMeta(
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        headline=fields.get("headline"),
        published_at=(
            parse_datetime(published, field="publishedAt", problem_code="invalid_field")
            if published
            else None
        ),
    )


def _from_json(
    text: str, *, extra: frozenset[str] = frozenset()
) -> tuple[str, ArticleMeta, dict[str, Any]]:
    """The copy, its metadata and the whole object; `extra` names fields allowed beside
    the article's."""
    try:
        payload = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise ProblemError("malformed_json", f"the body is not valid JSON: {error}") from None
    if not isinstance(payload, dict):
        raise ProblemError(
            "invalid_field", f"the body must be a JSON object, got {_json_type(payload)}"
        )
    allowed = _ALL_FIELDS | extra
    unknown = sorted(set(payload) - allowed)
    if unknown:
        raise ProblemError(
            "invalid_field",
            f"unknown field {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}",
            field=unknown[0],
        )
    if "text" not in payload:
        raise ProblemError("invalid_field", "text is required", field="text")
    body = payload["text"]
    if not isinstance(body, str):
        raise ProblemError(
            "invalid_field", f"text must be a string, got {_json_type(body)}", field="text"
        )
    return body, _meta({name: _optional_string(payload, name) for name in _META_FIELDS}), payload


def _from_query(query: QueryParams) -> ArticleMeta:
    return _meta({name: (query.get(name) or "").strip() or None for name in _META_FIELDS})


async def read_ingest_request(request: Request, *, max_bytes: int) -> IngestRequest:
    """The copy and its metadata, from JSON or from a text/plain (or text/html) body."""
    media_type, params = _media_type(request)
    if media_type not in MEDIA_TYPES:
        raise ProblemError(
            "unsupported_media_type",
            f"send {', '.join(MEDIA_TYPES)}; got {media_type or 'no Content-Type'}",
        )
    charset = params.get("charset")
    if charset is not None and charset not in _UTF8_CHARSETS:
        raise ProblemError("unsupported_media_type", f"send UTF-8 text; got charset={charset}")
    text = decode_copy(await read_capped_body(request, max_bytes))
    if media_type == "application/json":
        body, meta, _ = _from_json(text)
    else:
        body, meta = text, _from_query(request.query_params)
    copy = await take_copy_off_loop(body, max_bytes=max_bytes, html=media_type == "text/html")
    return IngestRequest(
        text=copy.text, meta=copy.described(meta), converted_from_html=copy.converted_from_html
    )


@dataclass(frozen=True, slots=True)
class BatchLine:
    ingest: IngestRequest
    idempotency_key: str | None


async def read_batch_line(line: str, *, max_bytes: int) -> BatchLine:
    """One NDJSON line of a batch: the single POST's JSON object, and `idempotencyKey`."""
    body, meta, payload = _from_json(line, extra=frozenset({BATCH_KEY_FIELD}))
    key = payload.get(BATCH_KEY_FIELD)
    if key is not None and not isinstance(key, str):
        raise ProblemError(
            "invalid_field",
            f"{BATCH_KEY_FIELD} must be a string or null, got {_json_type(key)}",
            field=BATCH_KEY_FIELD,
        )
    copy = await take_copy_off_loop(body, max_bytes=max_bytes)
    ingest = IngestRequest(
        text=copy.text, meta=copy.described(meta), converted_from_html=copy.converted_from_html
    )
    return BatchLine(ingest=ingest, idempotency_key=key)
