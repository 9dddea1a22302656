"""Alembic environment: plain SQL migrations run over SQLAlchemy's asyncpg dialect."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from alembic import context
from service.db.versions import BUMP_DATA_VERSION

config = context.config


def _bump_data_version(*, ctx: Any, **_: Any) -> None:
    """After each migration, in its transaction: a migration may change data (fact_labels
    relabelled every fact), and the response cache keeps answers until the version moves.
    Before the table exists (or after a downgrade drops it) there is nothing to bump."""
    connection = ctx.connection
    if connection.execute(text("SELECT to_regclass('data_version')")).scalar() is not None:
        connection.execute(text(BUMP_DATA_VERSION))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=None,
        transaction_per_migration=True,
        on_version_apply=_bump_data_version,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online(url: str) -> None:
    # Fail within seconds when the server is away (asyncpg waits a minute by default).
    engine = create_async_engine(url, connect_args={"timeout": 5})
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


def main() -> None:
    url = config.attributes.get("dsn") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL: run migrations through `factdesk migrate`")
    if context.is_offline_mode():
        context.configure(url=url, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_online(url.replace("postgresql://", "postgresql+asyncpg://", 1)))


main()
