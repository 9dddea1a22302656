"""SQL for the data version (a counter every write transaction bumps)."""

from __future__ import annotations

from service.db.pool import Connection

BUMP_DATA_VERSION = "UPDATE data_version SET version = version + 1"


async def bump_data_version(conn: Connection) -> None:
    """Call inside the writing transaction, late: the row stays locked until commit."""
    await conn.execute(BUMP_DATA_VERSION)


async def current_data_version(conn: Connection) -> str:
    """'<epoch>:<version>': equal only for the same data (the epoch changes when the table
    is made again, e.g. a rebuilt or restored database)."""
    value = await conn.fetchval("SELECT epoch::text || ':' || version FROM data_version")
    return str(value)


def version_reached(current: str, wanted: str) -> bool:
    """Whether data at version `current` holds everything up to `wanted` (same epoch, a
    count at least as high); versions of different epochs never compare as reached."""
    current_epoch, _, current_count = current.rpartition(":")
    wanted_epoch, _, wanted_count = wanted.rpartition(":")
    return current_epoch == wanted_epoch and int(current_count) >= int(wanted_count)
