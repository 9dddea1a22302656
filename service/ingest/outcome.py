"""What an ingest did, and the answer an idempotency key keeps for it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer as sent (REST: status, body, headers), kept under an idempotency key."""

    status: int
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class IngestResult:
    article_id: int
    created: bool
    # The copy was stored before and this outlet's publication of it is new.
    republished: bool = False
    # With an idempotency key: the answer stored under it, to send as it is.
    answer: Answer | None = None
    replayed: bool = False
