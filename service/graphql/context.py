"""The typed per-request GraphQL context."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import strawberry

from service.auth import Denial
from service.change_signal import ChangeSignal
from service.config import Settings
from service.db.paging import DEFAULT_PAGE, MAX_PAGE
from service.db.replicas import Reads, RequestReads
from service.graphql.loaders import Loaders, build_loaders
from service.ingest.idempotency import ANONYMOUS


@dataclass
class Context:
    pool: asyncpg.Pool  # the primary: writes, and reads after a write
    reads: Reads  # reads: a replica that is up to date, or the primary (service/db/replicas)
    settings: Settings
    # Whether the request may write (a valid API key, see service/auth.py); writes are
    # refused unless the view that builds the context says so.
    authorized: bool = False
    # Whose idempotency keys a write uses: a digest of its API key (service/ingest/idempotency.py).
    caller: str = ANONYMOUS
    # Why the request may not judge (service/auth.py: judge_denial), None when it may, and
    # then the editor's name.
    judge_denial: Denial | None = None
    editor: str | None = None
    # Subscriptions: what wakes them (None where the server streams no changes), and the
    # payload of graphql-transport-ws `connection_init` (strawberry fills it in).
    change_signal: ChangeSignal | None = None
    connection_params: dict[str, Any] | None = None
    # A WebSocket's upgrade request headers (its Authorization may carry the read key).
    upgrade_headers: Mapping[str, str] = field(default_factory=dict)

    @functools.cached_property
    def loaders(self) -> Loaders:
        """The request's batched loaders, built when a resolver first needs them: a
        compiled operation (service/graphql/compiler.py) runs no resolver (bench/RESULTS.md
        says what building them cost)."""
        return build_loaders(self.reads)

    def wrote(self) -> None:
        """This request wrote: what it reads next comes from the primary, which has it."""
        if isinstance(self.reads, RequestReads):
            self.reads.use_primary()


def build_context(
    pool: asyncpg.Pool,
    settings: Settings,
    *,
    reads: Reads | None = None,
    authorized: bool = False,
    caller: str = ANONYMOUS,
    judge_denial: Denial | None = None,
    editor: str | None = None,
    change_signal: ChangeSignal | None = None,
) -> Context:
    reads = pool if reads is None else reads
    return Context(
        pool=pool,
        reads=reads,
        settings=settings,
        authorized=authorized,
        caller=caller,
        judge_denial=judge_denial,
        editor=editor,
        change_signal=change_signal,
    )


Info = strawberry.Info[Context, None]


def page_size(first: int | None) -> int:
    """`first` clamped to 1..100 (default 20): no request reads an unbounded list."""
    if first is None:
        return DEFAULT_PAGE
    return max(0, min(first, MAX_PAGE))
