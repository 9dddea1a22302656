"""SQL for outlets."""

from __future__ import annotations

from collections.abc import Sequence

from service.db.pool import Connection
from service.db.rows import OutletRow


def outlet_key(name: str) -> str:
    """Outlets are the same when their names match ignoring case, spaces and punctuation."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


async def outlet_ids(conn: Connection, *, names: Sequence[str]) -> dict[str, int]:
    """The id of each outlet named, by name, created when new. Locks no row, so concurrent
    ingests of one outlet's copy do not wait for one another."""
    keys = {outlet_key(name): name.strip() for name in names}
    query = """
        WITH added AS (
            INSERT INTO outlets (name, name_key)
            SELECT n.name, n.name_key FROM unnest($1::text[], $2::text[]) AS n(name, name_key)
            WHERE NOT EXISTS (SELECT 1 FROM outlets o WHERE o.name_key = n.name_key)
            ON CONFLICT ON CONSTRAINT outlets_name_key_unique DO NOTHING
            RETURNING id, name_key
        )
        SELECT id, name_key FROM added
        UNION ALL SELECT id, name_key FROM outlets WHERE name_key = ANY($2::text[])
    """
    rows = await conn.fetch(query, list(keys.values()), list(keys))
    found = {r["name_key"]: int(r["id"]) for r in rows}
    if len(found) < len(keys):  # created by an ingest that committed while this one ran
        rows = await conn.fetch(query, list(keys.values()), list(keys))
        found = {r["name_key"]: int(r["id"]) for r in rows}
    return {name: found[outlet_key(name)] for name in names}


async def list_outlets(conn: Connection, *, limit: int) -> list[OutletRow]:
    """The first `limit` outlets by name A to Z."""
    rows = await conn.fetch("SELECT id, name FROM outlets ORDER BY name, id LIMIT $1", limit)
    return OutletRow.from_records(rows)


async def list_outlets_by_ids(conn: Connection, *, ids: list[int]) -> list[OutletRow]:
    rows = await conn.fetch("SELECT id, name FROM outlets WHERE id = ANY($1::bigint[])", ids)
    return OutletRow.from_records(rows)


async def find_outlet_id(conn: Connection, *, name: str) -> int | None:
    value = await conn.fetchval("SELECT id FROM outlets WHERE name_key = $1", outlet_key(name))
    return int(value) if value is not None else None
