"""Waiting for a database that is not up yet (a job started beside a PostgreSQL that is
still initialising), within a bound."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from service.db.embedded import start_embedded
from service.db.runtime import wait_until_reachable


async def test_waits_for_a_server_that_comes_up(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server = await asyncio.to_thread(start_embedded, tmp_path)
    try:
        await asyncio.to_thread(server.halt)
        waiting = asyncio.create_task(wait_until_reachable(server.uri(), within=60))
        with caplog.at_level(logging.WARNING, logger="service.db.runtime"):
            # Until the server is back the task keeps trying, a line per attempt.
            while not caplog.records:
                assert not waiting.done(), waiting
                await asyncio.sleep(0.05)
            await asyncio.to_thread(server.resume)
            await asyncio.wait_for(waiting, 30)
        assert caplog.records[0].getMessage().startswith("database not reachable yet (attempt 1:")
    finally:
        await asyncio.to_thread(server.stop)
