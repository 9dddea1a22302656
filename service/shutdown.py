"""Writes in flight when the server stops: a short window to finish, then stopped whole.

`serve` calls `begin()` when it stops accepting (SIGTERM, after FACTDESK_SHUTDOWN_GRACE).
An ingest running then (`finishing`) has STOP_WINDOW seconds to finish; past them it is
cancelled, which stops its extraction worker or rolls its transaction back (nothing is
half-written), and it ends with ShuttingDownError (503 `shutting_down`, Retry-After), so
the process exits in a bounded time, well inside uvicorn's GRACEFUL_SHUTDOWN_TIMEOUT,
however long the article would have taken.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from service.errors import ShuttingDownError

T = TypeVar("T")

# Seconds an ingest in flight may still take once the server stops: an ordinary article
# is stored in well under one.
STOP_WINDOW = 2.0

# The waits of the ingests in flight, each with its loop: begin() may be called from a
# signal handler or another thread, so it only schedules, through the loop.
_waiting: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = set()
_stopping = False


def begin() -> None:
    """The server stops: every ingest in flight, and any begun from now on, has its
    window. Safe from a signal handler and from any thread (it takes no lock)."""
    global _stopping
    _stopping = True
    for loop, stopped in list(_waiting):  # one C call: atomic for a signal handler
        loop.call_soon_threadsafe(_settle, stopped)


def reset() -> None:
    """Accept writes again (a new app in this process: tests, `serve` started anew)."""
    global _stopping
    _stopping = False


def _settle(stopped: asyncio.Future[None]) -> None:
    if not stopped.done():
        stopped.set_result(None)


async def finishing(work: Coroutine[Any, Any, T], *, window: float = STOP_WINDOW) -> T:
    """``work``'s result; should the server stop meanwhile, ``work`` gets ``window``
    seconds more, then is cancelled (and waited for: its rollback is done when this ends)
    and ShuttingDownError raised."""
    task = asyncio.ensure_future(work)
    loop = asyncio.get_running_loop()
    stopped: asyncio.Future[None] = loop.create_future()
    entry = (loop, stopped)
    _waiting.add(entry)
    if _stopping:
        stopped.set_result(None)
    try:
        either: set[asyncio.Future[Any]] = {task, stopped}
        await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        if not task.done():
            await asyncio.wait({task}, timeout=window)
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            raise ShuttingDownError(
                f"the server is shutting down; the article was not stored (it was still "
                f"being read {window:g} s after the stop began): send it again"
            )
        return task.result()
    finally:
        _waiting.discard(entry)
        if not task.done():  # this wait itself was cancelled
            task.cancel()
