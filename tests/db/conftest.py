"""Fixtures of the database tests that stop and start a server of their own."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from service.db import migrate
from service.db.embedded import EmbeddedServer, start_embedded


@pytest_asyncio.fixture
async def own_server(tmp_path: Path) -> AsyncIterator[EmbeddedServer]:
    """A PostgreSQL of this test's own, so stopping it disturbs no other test."""
    server = await asyncio.to_thread(start_embedded, tmp_path)
    try:
        await asyncio.to_thread(migrate.upgrade, server.uri())
        yield server
    finally:
        await asyncio.to_thread(server.stop)
