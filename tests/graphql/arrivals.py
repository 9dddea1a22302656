"""Requests that arrive over a socket while the event loop is busy (issue 19)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def arriving_requests(order: list[str]) -> Iterator[socket.socket]:
    """A socket whose bytes, once the loop polls them, start a task that notes "request"
    in ``order`` (as uvicorn starts one per request it reads)."""
    loop = asyncio.get_running_loop()
    server, client = socket.socketpair()
    server.setblocking(False)
    started: list[asyncio.Task[None]] = []

    async def request() -> None:
        order.append("request")

    def readable() -> None:
        server.recv(1)
        started.append(loop.create_task(request()))

    loop.add_reader(server, readable)
    try:
        yield client
    finally:
        loop.remove_reader(server)
        server.close()
        client.close()
