"""Helpers for tests that start `factdesk serve` as a real process."""

from __future__ import annotations

import asyncio
import subprocess
import time

import httpx


async def wait_ready(
    client: httpx.AsyncClient, process: subprocess.Popen[bytes], *, within: float
) -> None:
    """Poll /readyz until it answers 200; fail if the process exits or `within` passes."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited while starting"
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass  # not listening yet
        await asyncio.sleep(0.05)
    raise AssertionError("the server was not ready in time")
