"""Idempotency keys for ingest (draft-ietf-httpapi-idempotency-key-header).

A caller that retries a request it never got an answer to sends the same key: it gets
the first answer again, never a second ingest. The key is scoped to the caller (a
digest of its API key) and expires (FACTDESK_IDEMPOTENCY_TTL). The same key with
another request is the caller's mistake (`idempotency_key_reused`). Only answers that
stored something are kept: a refused request writes nothing, so it can be retried with
its key once mended.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from service.db import idempotency as idempotency_db
from service.db.pool import Connection
from service.errors import FactdeskError
from service.ingest.outcome import Answer, IngestResult

ANONYMOUS = "anonymous"
MAX_KEY_LENGTH = 255


class IdempotencyKeyReusedError(FactdeskError):
    """The key was used before, by this caller, for another request."""

    code = "idempotency_key_reused"


class InvalidIdempotencyKeyError(FactdeskError):
    """The key is empty, too long, or not printable ASCII."""

    code = "invalid_idempotency_key"


# Builds the answer to store, inside the ingest's transaction.
Render = Callable[[Connection, IngestResult], Awaitable[Answer]]


@dataclass(frozen=True, slots=True)
class IdempotencyKey:
    caller: str
    key: str
    fingerprint: str
    ttl: dt.timedelta
    render: Render


def parse_key(value: str) -> str:
    """The key from an `Idempotency-Key` header: a structured-field string ("...", as the
    draft writes it), or the same characters unquoted, as many clients send them."""
    key = value.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':
        key = key[1:-1]
    if not key or len(key) > MAX_KEY_LENGTH or not all(" " <= c <= "~" for c in key):
        raise InvalidIdempotencyKeyError(
            f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable ASCII characters",
            field="Idempotency-Key",
        )
    return key


def caller_of(token: str | None) -> str:
    """Whose key it is: a digest of the API key (the key itself is never stored)."""
    if token is None:
        return ANONYMOUS
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprint(*parts: str | dt.datetime | None) -> str:
    """A digest of what a request asked for: equal requests, equal fingerprints."""
    digest = hashlib.sha256()
    for part in parts:
        if part is None:
            digest.update(b"-")
            continue
        value = part.isoformat() if isinstance(part, dt.datetime) else part
        encoded = value.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(encoded) + encoded)  # length first: no two splits alike
    return digest.hexdigest()


async def stored_answer(conn: Connection, key: IdempotencyKey) -> IngestResult | None:
    """What the first request with ``key`` did and was answered; refused when the key
    answered another request."""
    stored = await idempotency_db.find_answer(conn, caller=key.caller, key=key.key)
    if stored is None:
        return None
    if stored.fingerprint != key.fingerprint:
        raise IdempotencyKeyReusedError(
            "this Idempotency-Key was used for another request; send new copy with a new key",
            field="Idempotency-Key",
        )
    return IngestResult(
        stored.article_id,
        stored.created,
        republished=stored.republished,
        answer=Answer(status=stored.status, body=stored.body, headers=stored.headers),
        replayed=True,
    )


async def claim_key(conn: Connection, key: IdempotencyKey) -> bool:
    """Whether this transaction holds ``key`` (else a request with it has been answered).
    A few expired keys are removed on the way, so the table keeps to a day of keys."""
    await idempotency_db.delete_expired_keys(conn)
    return await idempotency_db.claim_key(
        conn, caller=key.caller, key=key.key, fingerprint=key.fingerprint, ttl=key.ttl
    )


async def record_answer(
    conn: Connection, key: IdempotencyKey, result: IngestResult
) -> IngestResult:
    """Builds and stores the answer under ``key``, in the transaction that claimed it."""
    answer = await key.render(conn, result)
    await idempotency_db.record_answer(
        conn,
        caller=key.caller,
        key=key.key,
        article_id=result.article_id,
        created=result.created,
        republished=result.republished,
        status=answer.status,
        body=answer.body,
        headers=answer.headers,
    )
    return replace(result, answer=answer)
