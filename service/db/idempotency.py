"""SQL for idempotency keys: claim a key in the ingest's transaction, record its answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import orjson

from service.db.pool import Connection


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """What the first request with a key was answered (REST: status, body, headers)."""

    fingerprint: str
    article_id: int
    created: bool
    republished: bool
    status: int
    body: bytes
    headers: dict[str, str]


async def find_answer(conn: Connection, *, caller: str, key: str) -> StoredAnswer | None:
    """The committed, unexpired answer stored under (caller, key), if any."""
    row = await conn.fetchrow(
        """
        SELECT fingerprint, article_id, created, republished, status, body,
               headers::text AS headers
        FROM idempotency_keys
        WHERE caller = $1 AND key = $2 AND expires_at > now() AND status IS NOT NULL
        """,
        caller,
        key,
    )
    if row is None:
        return None
    return StoredAnswer(
        fingerprint=row["fingerprint"],
        article_id=int(row["article_id"]),
        created=bool(row["created"]),
        republished=bool(row["republished"]),
        status=int(row["status"]),
        body=bytes(row["body"]),
        headers=orjson.loads(row["headers"]),
    )


async def claim_key(
    conn: Connection, *, caller: str, key: str, fingerprint: str, ttl: dt.timedelta
) -> bool:
    """Whether this transaction now holds (caller, key): True when the key was free or its
    answer had expired. A concurrent claim of the same key waits here until the holder
    commits (then False: read its answer) or rolls back (then True)."""
    claimed = await conn.fetchval(
        """
        INSERT INTO idempotency_keys AS k (caller, key, fingerprint, expires_at)
        VALUES ($1, $2, $3, now() + $4::interval)
        ON CONFLICT ON CONSTRAINT idempotency_keys_pkey DO UPDATE
            SET fingerprint = excluded.fingerprint, expires_at = excluded.expires_at,
                stored_at = now(), article_id = NULL, created = NULL, republished = NULL,
                status = NULL,
                body = NULL, headers = '{}'
            WHERE k.expires_at <= now()
        RETURNING true
        """,
        caller,
        key,
        fingerprint,
        ttl,
    )
    return bool(claimed)


async def record_answer(
    conn: Connection,
    *,
    caller: str,
    key: str,
    article_id: int,
    created: bool,
    republished: bool,
    status: int,
    body: bytes,
    headers: dict[str, str],
) -> None:
    """The answer to the request that claimed (caller, key), in the claiming transaction."""
    await conn.execute(
        """
        UPDATE idempotency_keys
        SET article_id = $3, created = $4, republished = $5, status = $6, body = $7,
            headers = $8::jsonb
        WHERE caller = $1 AND key = $2
        """,
        caller,
        key,
        article_id,
        created,
        republished,
        status,
        body,
        orjson.dumps(headers).decode(),
    )


async def delete_expired_keys(conn: Connection, *, limit: int = 100) -> int:
    """Removes up to ``limit`` expired keys (each ingest with a key tidies a few)."""
    result = await conn.execute(
        """
        DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
            SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1
            FOR UPDATE SKIP LOCKED
        ))
        """,
        limit,
    )
    return int(result.split()[-1])
