"""Completing an answer a slice of the event loop's time at a time.

Completing a large answer from rows already loaded is plain synchronous Python (graphql-core
and `execution.py`'s fast pass): it never awaits, so on the largest reads the loop served
nothing else, /healthz included, for tens of milliseconds. A completion runs here in a
greenlet of its own (`complete`): when the loop's current slice (SLICE) is spent, the
executor's periodic look at the clock (`pause_if_spent`) switches back to the loop's side,
which lets the loop poll for I/O once (`after_next_poll`: a /healthz request that arrived
meanwhile runs before the next slice) and switches in again. The completion's
own code does not change shape, and a completion that fits in its slice costs one greenlet.

One budget per turn of the loop, shared by every completion that runs in it: the first to
start one also asks the loop (`call_soon`) to start a fresh one at its next turn. Hundreds
of completions woken by one loader's batch all run in the same turn, each short; once the
turn's slice is spent, the next ones wait for a later turn before they start.

The price: a pause lets the loop dispatch a loader's batch before every key of that level
is in, so an answer that takes several slices may cost a few more SQL round trips.
FACTDESK_GRAPHQL_COMPLETION_SLICE sets the slice (bench/loop_gaps.py measures the effect).
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Awaitable, Callable
from time import monotonic
from typing import Any

from greenlet import getcurrent, greenlet

from service.metrics import GRAPHQL_PAUSES

SLICE = 0.005  # seconds of completion between two turns of the loop, by default


class _Budget(threading.local):
    ends: float | None = None  # when this turn's slice is spent; None: not started
    # Set once the loop has polled and run what it found; shared by every paused task.
    polled: asyncio.Future[None] | None = None


_budget = _Budget()


class _Slice(greenlet):
    """A completion that may hand the loop back midway."""


def _fresh_turn() -> None:
    _budget.ends = None


def in_slice() -> bool:
    """Whether this code runs inside a completion that can pause."""
    return type(getcurrent()) is _Slice


def pause_if_spent(now: float) -> None:
    """Hands the loop back if this turn's slice is spent (called every few dozen fields;
    outside a slice it does nothing)."""
    ends = _budget.ends
    if ends is not None and now > ends:
        current = getcurrent()
        if type(current) is _Slice and current.parent is not None:
            GRAPHQL_PAUSES.inc()
            current.parent.switch()


def complete(run: Callable[..., Any], *args: Any, seconds: float = SLICE) -> Any:
    """``run(*args)`` in a slice: its result, or, if it paused (or the turn's slice was
    spent before it started), an awaitable of it (an awaitable result is awaited there
    too, as graphql-core awaits a completed value once). A turn's slice, once started,
    lasts ``seconds``. Without a running loop (nothing to hand back to) it simply runs."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return run(*args)
    paced = _Slice(run)
    paced.gr_context = contextvars.copy_context()
    if not _slice_left(loop, seconds):
        GRAPHQL_PAUSES.inc()  # waits for the next turn before it starts
        return _resumed(paced, loop, args, seconds)
    result = paced.switch(*args)
    if paced.dead:
        return result
    return _resumed(paced, loop, (), seconds)


async def turn_with_time_left(seconds: float = SLICE) -> None:
    """Returns at once while this turn's slice has time left, else at the first turn after
    the loop has run what its next poll found (a resolver about to run waits here, as a
    completion does before it starts, and an answer being written between its pieces)."""
    loop = asyncio.get_running_loop()
    if _slice_left(loop, seconds):
        return
    GRAPHQL_PAUSES.inc()
    while True:
        await after_next_poll()
        if _slice_left(loop, seconds):
            return


async def after_next_poll() -> None:
    """Returns once the loop has polled for I/O and run what it found (a /healthz request,
    timers) a turn ahead of this task. `asyncio.sleep(0)` queues the task before the poll,
    so it runs first at the next turn, and what the poll found (whose own tasks start a
    turn later still) waits for its next slice too; a timer due at once fires after the
    poll's callbacks, and the task it wakes is queued behind the tasks they started. One
    timer a turn, shared by every task paused in it (hundreds of completions woken by one
    loader's batch pause together); each waits through a shield, so that one cancelled
    (its request's timeout) does not cancel the others' wait."""
    loop = asyncio.get_running_loop()
    polled = _budget.polled
    if polled is None or polled.done() or polled.get_loop() is not loop:
        polled = _budget.polled = loop.create_future()
        loop.call_later(0, _wake, polled)
    await asyncio.shield(polled)


def _wake(woken: asyncio.Future[None]) -> None:
    if not woken.done():  # cancelled meanwhile (the request's timeout)
        woken.set_result(None)


def _slice_left(loop: asyncio.AbstractEventLoop, seconds: float) -> bool:
    """Whether this turn of the loop has time left, starting its slice if none is."""
    now = monotonic()
    if _budget.ends is None:
        _budget.ends = now + seconds
        loop.call_soon(_fresh_turn)
        return True
    return now <= _budget.ends


async def _resumed(
    paced: _Slice, loop: asyncio.AbstractEventLoop, args: tuple[Any, ...], seconds: float
) -> Any:
    try:
        while True:
            await after_next_poll()
            if not _slice_left(loop, seconds):
                continue
            result = paced.switch(*args)
            args = ()
            if paced.dead:
                break
    finally:
        if not paced.dead:  # cancelled (the request's timeout) while paused: unwind it now
            paced.throw()
    if isinstance(result, Awaitable):
        return await result
    return result
