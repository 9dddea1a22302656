"""SQL for outlets."""

from __future__ import annotations

from service.db.pool import Connection
from service.db.rows import OutletRow


def outlet_key(name: str) -> str:
    """Outlets are the same when their names match ignoring case, spaces and punctuation."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


async def list_outlets(conn: Connection) -> list[OutletRow]:
    return OutletRow.from_records(await conn.fetch("SELECT id, name FROM outlets ORDER BY name"))


async def list_outlets_by_ids(conn: Connection, *, ids: list[int]) -> list[OutletRow]:
    rows = await conn.fetch("SELECT id, name FROM outlets WHERE id = ANY($1::bigint[])", ids)
    return OutletRow.from_records(rows)


async def find_outlet_id(conn: Connection, *, name: str) -> int | None:
    value = await conn.fetchval("SELECT id FROM outlets WHERE name_key = $1", outlet_key(name))
    return int(value) if value is not None else None
