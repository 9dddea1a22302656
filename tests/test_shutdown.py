"""An ingest in flight when the server stops: a short window to finish, then stopped."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from service import shutdown
from service.errors import ShuttingDownError


@pytest.fixture(autouse=True)
def accepting() -> Iterator[None]:
    yield
    shutdown.reset()


async def test_work_that_ends_within_the_window_is_answered() -> None:
    """Begun as the stop begins, and 0.2 s from done: it is given its window."""
    shutdown.begin()
    assert await shutdown.finishing(asyncio.sleep(0.2, "stored"), window=60) == "stored"


async def test_work_past_the_window_is_cancelled_and_refused() -> None:
    cancelled = asyncio.Event()

    async def work() -> str:
        try:
            await asyncio.Event().wait()  # an article that would take for ever
        except asyncio.CancelledError:
            await asyncio.sleep(0.05)  # its rollback, a round trip
            cancelled.set()
            raise
        return "stored"

    finishing = asyncio.ensure_future(shutdown.finishing(work(), window=0.01))
    await asyncio.sleep(0)
    shutdown.begin()
    with pytest.raises(ShuttingDownError) as refused:
        await finishing
    assert refused.value.code == "shutting_down"
    assert cancelled.is_set()  # waited for, not left running


async def test_work_begun_after_the_stop_has_its_window_only() -> None:
    shutdown.begin()
    with pytest.raises(ShuttingDownError):  # (wait_for: a failure, not a hang, without it)
        await asyncio.wait_for(shutdown.finishing(asyncio.Event().wait(), window=0.01), 10)
