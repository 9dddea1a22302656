"""Throwaway databases for the test suite and `factdesk eval`, never for the service's data."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from service.db.embedded import start_embedded


@contextlib.contextmanager
def scratch_server(dsn: str | None, *, prefix: str) -> Iterator[str]:
    """A maintenance DSN: `dsn` itself when given, else a temporary embedded cluster that
    is stopped and deleted afterwards."""
    if dsn:
        yield dsn
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        server = start_embedded(Path(tmp))
        try:
            yield server.uri("postgres")
        finally:
            server.stop()


def with_database(dsn: str, name: str) -> str:
    return urlunsplit(urlsplit(dsn)._replace(path="/" + name))


async def recreate_database(server_dsn: str, name: str) -> str:
    """Drop `name` if it exists, create it empty, and return its DSN."""
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return with_database(server_dsn, name)


async def drop_database(server_dsn: str, name: str) -> None:
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def environment_dsn() -> str | None:
    return os.environ.get("DATABASE_URL") or None
